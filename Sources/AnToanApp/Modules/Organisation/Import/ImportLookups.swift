import AnToanCore
import Fluent
import Foundation

/// The reads an import makes up front, a few hundred keys per query, so that checking needs no query per row.
enum ImportLookups {
    /// Current areas (not closed by a rename or merge) by code.
    static func currentAreas(codes: Set<String>, on db: any Database) async throws -> [String: Area] {
        var found: [String: Area] = [:]
        for chunk in SQLBatch.chunks(codes) {
            for area in try await Area.query(on: db).filter(\.$code ~~ chunk).filter(\.$validTo == nil).all() {
                found[area.code] = area
            }
        }
        return found
    }

    /// Units and departments by code, whatever the scope: codes are unique across the registry.
    static func units(codes: Set<String>, on db: any Database) async throws -> [String: OrgUnit] {
        var found: [String: OrgUnit] = [:]
        for chunk in SQLBatch.chunks(codes) {
            for unit in try await OrgUnit.query(on: db).filter(\.$code ~~ chunk).all() {
                found[unit.code] = unit
            }
        }
        return found
    }

    /// Staff whose identity number or staff code is one of `values`.
    static func staff(matching values: Set<String>, on db: any Database) async throws -> [StaffMember] {
        var found: [UUID: StaffMember] = [:]
        for chunk in SQLBatch.chunks(values) {
            let members = try await StaffMember.query(on: db)
                .group(.or) { $0.filter(\.$identityNumber ~~ chunk).filter(\.$code ~~ chunk) }
                .all()
            for member in members {
                if let id = member.id { found[id] = member }
            }
        }
        return Array(found.values)
    }
}

extension Scope {
    /// True when a unit (or a department of it) with this top-level id and area is in this scope.
    func coversUnit(topLevelID: UUID, areaPath: String) -> Bool {
        switch self {
        case .everything: true
        case .area(let path): areaPath.hasPrefix(path.value)
        case .unit(let unit, _): unit == topLevelID
        }
    }

    func covers(_ unit: OrgUnit) -> Bool {
        guard let id = unit.id else { return false }
        return coversUnit(topLevelID: unit.$parent.id ?? id, areaPath: unit.areaPath)
    }

    func covers(_ member: StaffMember) -> Bool {
        coversUnit(topLevelID: member.$unit.id, areaPath: member.areaPath)
    }
}
