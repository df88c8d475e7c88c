import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Reads of the organisation registry, always through the reader's scope.
enum OrganisationQueries {
    /// The names of the units of `ids` (ids the caller read within its scope), for lists that show them.
    static func unitNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        try await names(from: "units", "name", ids, on: db)
    }

    /// The names of the sites of `ids` (ids the caller read within its scope).
    static func siteNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        try await names(from: "sites", "name", ids, on: db)
    }

    /// `id → column` of the rows of `table` with those ids, two columns read a batch of ids at a time.
    private static func names(
        from table: String,
        _ column: String,
        _ ids: Set<UUID>,
        on db: any Database
    ) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(ids) {
            let rows = try await db.rows(
                "SELECT id, \(ident: column) FROM \(ident: table) WHERE id IN (\(binds: Array(chunk)))"
            ) { (try $0.next(UUID.self), try $0.next(String.self)) }
            for (id, name) in rows { names[id] = name }
        }
        return names
    }

    /// Units (and departments) the scope may see.
    static func units(in scope: Scope, on db: any Database) -> QueryBuilder<OrgUnit> {
        let query = OrgUnit.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.group(.or) { $0.filter(\.$id == unit).filter(\.$parent.$id == unit) }
        }
    }

    static func staff(in scope: Scope, on db: any Database) -> QueryBuilder<StaffMember> {
        let query = StaffMember.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unit.$id == unit)
        }
    }

    /// The unit if the scope may see it; 404 otherwise, so another scope's ids reveal nothing.
    static func unit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> OrgUnit {
        guard let unit = try await units(in: scope, on: db).filter(\.$id == id).first() else { throw AppError.notFound }
        return unit
    }

    static func staffMember(_ id: UUID, in scope: Scope, on db: any Database) async throws -> StaffMember {
        guard let member = try await staff(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return member
    }

    /// The versions of areas that held on `date` (`yyyy-MM-dd`); today's tree when nil.
    static func areas(asOf date: String?, on db: any Database) async throws -> [Area] {
        let query = Area.query(on: db).sort(\.$path)
        if let date {
            query.group(.or) { $0.filter(\.$validFrom == nil).filter(\.$validFrom <= date) }
            query.group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo > date) }
        } else {
            query.filter(\.$validTo == nil)
        }
        return try await query.all()
    }

    /// Staff, force members and leaders of one unit, and the certificates and terms due in 90 days.
    static func staffing(of unitID: UUID, today: String, on db: any Database) async throws -> Staffing {
        // Three columns of each person, not whole records: a unit page is read far more often than written.
        let staff = try await db.rows(
            "SELECT id, full_name, is_leader FROM staff WHERE unit_id = \(bind: unitID) AND status <> 'left'"
        ) { (id: try $0.next(UUID.self), fullName: try $0.next(String.self), isLeader: try $0.next(Bool.self)) }
        let memberships = try await db.rows(
            """
            SELECT staff_id, force, due_date FROM force_memberships \
            WHERE unit_id = \(bind: unitID) AND (end_date IS NULL OR end_date > \(bind: today))
            """
        ) { (staff: try $0.next(UUID.self), force: try $0.next(String.self), dueDate: try $0.next(String?.self)) }
        let horizon = SolarDate(iso: today)?.adding(days: 90).iso ?? today
        let names = Dictionary(
            uniqueKeysWithValues: staff.map { ($0.id, $0.fullName) }
        )
        return Staffing(
            staff: staff.count,
            leaders: staff.filter(\.isLeader).count,
            byForce: Dictionary(grouping: memberships, by: \.force).mapValues(\.count),
            dueSoon: memberships.filter { ($0.dueDate ?? "9999") <= horizon }
                .sorted { ($0.dueDate ?? "") < ($1.dueDate ?? "") }
                .map { Staffing.Due(name: names[$0.staff] ?? "", force: $0.force, dueDate: $0.dueDate ?? "") }
        )
    }
}

/// Counts a unit head or an authority reads at a glance.
struct Staffing: Sendable, Equatable {
    struct Due: Sendable, Equatable, Codable {
        var name: String
        var force: String
        var dueDate: String
    }

    var staff: Int
    var leaders: Int
    var byForce: [String: Int]
    var dueSoon: [Due]
}

extension OrganisationQueries {
    /// Staff counts of the given units in one grouped query.
    static func staffCounts(of unitIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        let rows = try await db.sql.select()
            .column("unit_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(StaffMember.schema)
            .where("unit_id", .in, unitIDs)
            .groupBy("unit_id")
            .all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "unit_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Names of the given areas (any version), by id.
    static func areaNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let areas = try await Area.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: areas.compactMap { area in area.id.map { ($0, area.name) } })
    }
}

extension OrganisationQueries {
    /// Full names of the given staff, by id.
    static func staffNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        try await names(from: "staff", "full_name", ids, on: db)
    }
}
