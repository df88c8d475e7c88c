import AnToanCore
import Fluent
import Foundation

/// The units and areas an administrator may give an account, found by name and named back, never by id or path.
enum ScopeChoices {
    /// A unit or area offered on the account form: its name and where it is.
    struct Choice: Equatable {
        var id: UUID
        var name: String
        /// The unit's area, or the area's parent: "Xã Tân Định".
        var place: String
    }

    static let limit = 20

    /// Units (not departments) within `scope` whose name contains `search`, compared without diacritics.
    static func units(matching search: String, in scope: Scope, on db: any Database) async throws -> [Choice] {
        let folded = Folding.fold(search)
        guard !folded.isEmpty else { return [] }
        let units = try await OrganisationQueries.units(in: scope, on: db)
            .filter(\.$parent.$id == nil)
            .filter(\.$nameFolded, containing: folded)
            .sort(\.$nameFolded).limit(limit).all()
        return try await choices(units, on: db)
    }

    /// Current areas within `scope` whose name contains `search`, compared without diacritics.
    static func areas(matching search: String, in scope: Scope, on db: any Database) async throws -> [Choice] {
        let folded = Folding.fold(search)
        guard !folded.isEmpty else { return [] }
        let query = Area.query(on: db).filter(\.$validTo == nil).filter(\.$nameFolded, containing: folded)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$path, hasPrefix: path.value)
        case .unit: return []
        }
        let areas = try await query.sort(\.$path).limit(limit).all()
        let parents = try await OrganisationQueries.areaNames(Set(areas.compactMap { $0.$parent.id }), on: db)
        return areas.compactMap { area in
            area.id.map { Choice(id: $0, name: area.name, place: area.$parent.id.flatMap { parents[$0] } ?? "") }
        }
    }

    /// The unit with `id` if `scope` reaches it, as a choice.
    static func unit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Choice? {
        guard let unit = try await unitInScope(id, scope, on: db) else { return nil }
        return try await choices([unit], on: db).first
    }

    /// The current area at `path`, if any, as a choice.
    static func area(at path: String, on db: any Database) async throws -> Choice? {
        guard let area = try await Area.query(on: db).filter(\.$path == path).filter(\.$validTo == nil).first(),
            let id = area.id
        else { return nil }
        let parents = try await OrganisationQueries.areaNames(Set([area.$parent.id].compactMap { $0 }), on: db)
        return Choice(id: id, name: area.name, place: area.$parent.id.flatMap { parents[$0] } ?? "")
    }

    /// The unit an account would belong to, read within the administrator's scope: its id and area path.
    static func unitScope(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Scope? {
        try await unitInScope(id, scope, on: db)?.scope
    }

    /// The unit as `OrganisationQueries.unit` finds it within `scope`; nil where that answers 404.
    private static func unitInScope(_ id: UUID, _ scope: Scope, on db: any Database) async throws -> OrgUnit? {
        do {
            return try await OrganisationQueries.unit(id, in: scope, on: db)
        } catch AppError.notFound {
            return nil
        }
    }

    /// The current area with `id` within the administrator's scope.
    static func areaPath(_ id: UUID, in scope: Scope, on db: any Database) async throws -> AreaPath? {
        guard let area = try await Area.query(on: db).filter(\.$id == id).filter(\.$validTo == nil).first(),
            scope.covers(.area(area.areaPath))
        else { return nil }
        return area.areaPath
    }

    /// How each scope reads on a page: "Đơn vị: Sở Tư pháp", "Địa bàn: Phường Tân Định", "Toàn hệ thống".
    static func names(of scopes: [Scope], _ lang: Language, on db: any Database) async throws -> [String] {
        var unitIDs: Set<UUID> = []
        var paths: Set<String> = []
        for scope in scopes {
            switch scope {
            case .everything: break
            case .area(let path): paths.insert(path.value)
            case .unit(let unit, _): unitIDs.insert(unit)
            }
        }
        var unitNames: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(unitIDs) {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = unit.id { unitNames[id] = unit.name }
            }
        }
        var areaNames: [String: String] = [:]
        for chunk in SQLBatch.chunks(paths) {
            for area in try await Area.query(on: db).filter(\.$path ~~ chunk).filter(\.$validTo == nil).all() {
                areaNames[area.path] = area.name
            }
        }
        return scopes.map { scope in
            switch scope {
            case .everything:
                lang("Toàn hệ thống", "The whole system")
            case .area(let path):
                lang("Địa bàn: ", "Area: ") + (areaNames[path.value] ?? lang("(không còn)", "(no longer exists)"))
            case .unit(let unit, _):
                lang("Đơn vị: ", "Unit: ") + (unitNames[unit] ?? lang("(không còn)", "(no longer exists)"))
            }
        }
    }

    private static func choices(_ units: [OrgUnit], on db: any Database) async throws -> [Choice] {
        let areas = try await OrganisationQueries.areaNames(Set(units.map { $0.$area.id }), on: db)
        return units.compactMap { unit in
            unit.id.map { Choice(id: $0, name: unit.name, place: areas[unit.$area.id] ?? "") }
        }
    }
}
