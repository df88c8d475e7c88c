import AnToanCore
import Fluent
import Foundation

/// Reads of tips, always through the reader's scope; the public reads a tip only by its code's hash.
enum TipQueries {
    /// Tips the scope may triage: an authority's over its area, a unit's own (a tip that names only an area is
    /// its authority's).
    static func tips(in scope: Scope, on db: any Database) -> QueryBuilder<Tip> {
        let query = Tip.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The tips in scope, those still to decide first, newest first within each; at most `limit`.
    static func list(in scope: Scope, open: Bool, limit: Int = 200, on db: any Database) async throws -> [Tip] {
        let query = tips(in: scope, on: db).sort(\.$receivedAt, .descending).limit(limit)
        let undecided = [TipStatus.received.rawValue, TipStatus.waitingForSender.rawValue]
        if open {
            query.filter(\.$status ~~ undecided)
        } else {
            query.filter(\.$status !~ undecided)
        }
        return try await query.all()
    }

    /// The tip if the scope may see it; 404 otherwise.
    static func tip(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Tip {
        guard let tip = try await tips(in: scope, on: db).filter(\.$id == id).first() else { throw AppError.notFound }
        return tip
    }

    /// The tip a code opens. A code that cannot be one, one that matches nothing and a wrong one all take the
    /// same path (a hash, one indexed lookup of it) and get the same 422.
    static func tip(code: String?, on db: any Database) async throws -> Tip {
        let typed = code ?? ""
        let hashed = TipService.hash(TipCode.normalized(typed) ?? typed)
        guard let tip = try await Tip.query(on: db).filter(\.$codeHash == hashed).first() else {
            throw TipService.unknownCode
        }
        return tip
    }

    static func messages(of tipID: UUID, on db: any Database) async throws -> [TipMessage] {
        try await TipMessage.query(on: db).filter(\.$tipID == tipID).sort(\.$writtenAt).all()
    }

    /// The photos' ids and types, without their bytes.
    static func photos(of tipID: UUID, on db: any Database) async throws -> [TipPhoto] {
        try await TipPhoto.query(on: db).filter(\.$tipID == tipID).field(\.$id).field(\.$tipID)
            .field(\.$position).field(\.$contentType).field(\.$byteCount).field(\.$addedAt).sort(\.$position).all()
    }

    /// One photo of a tip the scope may see, with its bytes; 404 otherwise.
    static func photo(_ id: UUID, in scope: Scope, on db: any Database) async throws -> TipPhoto {
        guard let photo = try await TipPhoto.find(id, on: db) else { throw AppError.notFound }
        _ = try await tip(photo.tipID, in: scope, on: db)
        return photo
    }

    /// The photos with their bytes, to carry over to an incident.
    static func photoFiles(of tipID: UUID, on db: any Database) async throws -> [TipPhoto] {
        try await TipPhoto.query(on: db).filter(\.$tipID == tipID).sort(\.$position).all()
    }

    /// The name of the current area at `path`, or the path itself when none holds it now.
    static func areaName(_ path: String, on db: any Database) async throws -> String {
        try await Area.query(on: db).filter(\.$path == path).filter(\.$validTo == nil).first()?.name ?? path
    }
}

/// Whom the public may address a tip to: units by name, areas (their authority) by name.
enum TipTargets {
    struct Target: Sendable, Equatable {
        /// `unit:<id>` or `area:<id>`, as the form posts it.
        var value: String
        var name: String
    }

    /// The top areas of today's tree: with one (a province's deployment), a tip that names nothing goes there.
    static func topAreas(on db: any Database) async throws -> [Target] {
        try await Area.query(on: db).filter(\.$validTo == nil).filter(\.$parent.$id == nil).sort(\.$nameFolded)
            .limit(100).all().compactMap { area in area.id.map { Target(value: "area:\($0)", name: area.name) } }
    }

    /// Units and areas whose name contains `search` (folded: marks optional), at most 20 of each; nothing for
    /// fewer than 2 letters.
    static func search(_ search: String, on db: any Database) async throws -> [Target] {
        let folded = Folding.fold(search.trimmingCharacters(in: .whitespaces))
        guard folded.count >= 2 else { return [] }
        let units = try await OrgUnit.query(on: db).filter(\.$parent.$id == nil)
            .filter(\.$nameFolded, containing: folded).sort(\.$nameFolded).limit(20).all()
        let areas = try await Area.query(on: db).filter(\.$validTo == nil).filter(\.$nameFolded, containing: folded)
            .sort(\.$nameFolded).limit(20).all()
        return units.compactMap { unit in unit.id.map { Target(value: "unit:\($0)", name: unit.name) } }
            + areas.compactMap { area in area.id.map { Target(value: "area:\($0)", name: area.name) } }
    }

    /// The unit (top level) or area a posted `unit:<id>` / `area:<id>` names: (unit, area path); nil if none.
    static func resolve(_ value: String, on db: any Database) async throws -> (unit: OrgUnit?, area: String)? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "unit":
            guard var unit = try await OrgUnit.find(id, on: db) else { return nil }
            if let parent = unit.$parent.id, let top = try await OrgUnit.find(parent, on: db) { unit = top }
            return (unit, unit.areaPath)
        case "area":
            guard let area = try await Area.find(id, on: db), area.validTo == nil else { return nil }
            return (nil, area.path)
        default:
            return nil
        }
    }
}

/// Who hears of a new tip or note: the unit's leadership (its head and security officer) and the authorities
/// whose area covers it.
enum TipRecipients {
    static func accounts(unit: UUID?, area: String, on db: any Database) async throws -> Set<UUID> {
        var ids: Set<UUID> = []
        if let unit {
            let leaders = try await User.query(on: db).filter(\.$unitID == unit).filter(\.$isActive == true)
                .filter(\.$role ~~ [Role.unitHead.rawValue, Role.unitSecurityOfficer.rawValue]).all()
            ids.formUnion(leaders.compactMap(\.id))
        }
        let covering = AreaPathPrefixes.of(area)
        if !covering.isEmpty {
            let authorities = try await User.query(on: db).filter(\.$areaPath ~~ covering)
                .filter(\.$scopeKind == Scope.Kind.area.rawValue).filter(\.$isActive == true)
                .filter(\.$role ~~ [Role.authorityLeader.rawValue, Role.authorityOfficer.rawValue]).all()
            ids.formUnion(authorities.compactMap(\.id))
        }
        return ids
    }
}

/// `/79/26734/` → `["/79/", "/79/26734/"]`: the areas that contain a path.
enum AreaPathPrefixes {
    static func of(_ path: String) -> [String] {
        let segments = path.split(separator: "/")
        return segments.indices.map { "/" + segments[...$0].joined(separator: "/") + "/" }
    }
}

extension TipQueries {
    /// The units (top level) of the scope inside `areaPath`, by name, at most 300: where an authority places an
    /// area's tip when it becomes an incident.
    static func units(
        in scope: Scope,
        under areaPath: String,
        on db: any Database
    ) async throws -> [(
        id: UUID, name: String
    )] {
        try await OrganisationQueries.units(in: scope, on: db).filter(\.$parent.$id == nil)
            .filter(\.$areaPath, hasPrefix: areaPath).sort(\.$nameFolded).limit(300).all()
            .compactMap { unit in unit.id.map { ($0, unit.name) } }
    }
}
