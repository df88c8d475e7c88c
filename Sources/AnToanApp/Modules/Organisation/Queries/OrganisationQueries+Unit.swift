import AnToanCore
import Fluent
import Foundation

/// The parts of a unit (departments, sites, staff, force memberships) and single areas and sites by id. A unit
/// or staff member passed in was found through `unit(_:in:on:)` or `staffMember(_:in:on:)`, so its scope is
/// already checked; a lookup by id alone takes the scope and answers 404 outside it.
extension OrganisationQueries {
    /// The unit's sites by code, each with its security systems.
    static func sites(of unitID: UUID, on db: any Database) async throws -> [Site] {
        try await Site.query(on: db).filter(\.$unit.$id == unitID).with(\.$systems).sort(\.$code).all()
    }

    /// A site as the unit's page lists it, with its security systems.
    struct SiteSummary {
        var id: UUID
        var name: String
        var kind: String
        var systems: [(kind: String, count: Int, status: String, lastCheck: String?)] = []
    }

    /// The unit's sites by code with their systems, in one query of the columns the unit's page shows (its page is
    /// read far more often than written; whole records cost a reflection over their fields each). Each column has
    /// its own name: SQLite's rows are read by name.
    static func siteSummaries(of unitID: UUID, on db: any Database) async throws -> [SiteSummary] {
        let rows = try await db.rows(
            """
            SELECT s.id, s.name, s.kind, y.kind AS system_kind, y.count, y.status, y.last_check FROM sites s \
            LEFT JOIN security_systems y ON y.site_id = s.id WHERE s.unit_id = \(bind: unitID) \
            ORDER BY s.code, y.kind, y.id
            """
        ) { row in
            (
                site: SiteSummary(id: try row.next(), name: try row.next(), kind: try row.next()),
                kind: try row.next(String?.self),
                count: try row.next(Int?.self),
                status: try row.next(String?.self),
                lastCheck: try row.next(String?.self)
            )
        }
        var sites: [SiteSummary] = []
        for row in rows {
            if sites.last?.id != row.site.id { sites.append(row.site) }
            if let kind = row.kind {
                sites[sites.count - 1].systems.append((kind, row.count ?? 0, row.status ?? "", row.lastCheck))
            }
        }
        return sites
    }

    /// The names of the unit's departments, in name order.
    static func departmentNames(of unitID: UUID, on db: any Database) async throws -> [String] {
        try await db.rows("SELECT name FROM units WHERE parent_id = \(bind: unitID) ORDER BY name") {
            try $0.next(String.self)
        }
    }

    /// One of the unit's sites; nil when the id names no site of this unit.
    static func site(_ id: UUID, of unitID: UUID, on db: any Database) async throws -> Site? {
        try await Site.query(on: db).filter(\.$unit.$id == unitID).filter(\.$id == id).first()
    }

    /// The site if its unit is in `scope`; 404 otherwise.
    static func site(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Site {
        guard let site = try await Site.find(id, on: db) else { throw AppError.notFound }
        _ = try await unit(site.$unit.id, in: scope, on: db)
        return site
    }

    /// Everyone on the unit's books, by name, those who left too.
    static func staff(of unitID: UUID, on db: any Database) async throws -> [StaffMember] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).sort(\.$nameFolded).all()
    }

    /// One of the unit's staff; nil when the id names no one of this unit.
    static func staffMember(_ id: UUID, of unitID: UUID, on db: any Database) async throws -> StaffMember? {
        try await StaffMember.query(on: db).filter(\.$id == id).filter(\.$unit.$id == unitID).first()
    }

    /// A staff member's force memberships, earliest first.
    static func memberships(of staffID: UUID, on db: any Database) async throws -> [ForceMembership] {
        try await ForceMembership.query(on: db).filter(\.$staff.$id == staffID).sort(\.$startDate).all()
    }

    /// The area (any version) if `scope` reaches it: the scope's own area, one below it or one above it (the
    /// province a commune's unit belongs to); 404 otherwise.
    static func area(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Area {
        guard let area = try await Area.find(id, on: db) else { throw AppError.notFound }
        let reaches =
            switch scope {
            case .everything: true
            case .area(let path): path.contains(area.areaPath) || path.lineage.contains(area.areaPath)
            case .unit(_, let path): path.lineage.contains(area.areaPath)
            }
        guard reaches else { throw AppError.notFound }
        return area
    }

    /// The name of the unit's area, "" when it has none.
    static func areaName(of unit: OrgUnit, on db: any Database) async throws -> String {
        try await areaNames([unit.$area.id], on: db)[unit.$area.id] ?? ""
    }
}
