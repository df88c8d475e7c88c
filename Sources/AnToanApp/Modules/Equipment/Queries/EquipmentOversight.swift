import AnToanCore
import Fluent
import Foundation
import SQLKit

/// What an authority sees over its area, unit by unit (build point 7), and a unit head over the unit: overdue checks
/// and maintenance, expired permits, overdue corrective actions (from `equipment_unit_upkeep`, kept by the nightly
/// job and by every write of a unit's upkeep) and lost items (read live, by index). A page of units is a fixed
/// number of indexed statements however many units the area holds.
enum EquipmentOversight {
    static let perPage = 50

    struct UnitRow: Sendable, Equatable {
        var unitID: UUID
        var name: String
        var overdueChecks: Int
        var overdueMaintenance: Int
        var expiredPermits: Int
        var overdueActions: Int
        var openActions: Int
        var lost: Int
        /// The day the counts were made for; nil when the unit has none yet.
        var computedOn: SolarDate?

        var problems: Int { overdueChecks + overdueMaintenance + expiredPermits + overdueActions + lost }
    }

    struct Page: Sendable {
        var units: [UnitRow]
        var page: Int
        var hasMore: Bool
        /// Units with a problem in the whole scope, and the sums of their counts.
        var unitsWithProblems: Int
        var totals: UnitRow
    }

    /// The units of `scope` with something wrong, by name, one page at a time.
    static func page(_ page: Int, in scope: Scope, on db: any Database) async throws -> Page {
        let page = max(page, 1)
        let inScope = OrganisationQueries.unitScope(scope)
        let problem: SQLQueryString =
            """
            (s.overdue_checks + s.overdue_maintenance + s.expired_permits + s.overdue_actions > 0 OR EXISTS \
            (SELECT 1 FROM equipment_items i WHERE i.unit_id = u.id AND i.status = 'lost'))
            """
        let from: SQLQueryString =
            """
            FROM units u LEFT JOIN equipment_unit_upkeep s ON s.unit_id = u.id \
            WHERE u.parent_id IS NULL AND \(inScope) AND \(problem)
            """
        var units = try await db.rows(
            """
            SELECT u.id, u.name, COALESCE(s.overdue_checks, 0), COALESCE(s.overdue_maintenance, 0), \
            COALESCE(s.expired_permits, 0), COALESCE(s.overdue_actions, 0), COALESCE(s.open_actions, 0), \
            COALESCE(s.computed_day, 0) \(from) ORDER BY u.name_folded, u.id \
            LIMIT \(literal: perPage + 1) OFFSET \(literal: (page - 1) * perPage)
            """
        ) {
            UnitRow(
                unitID: try $0.next(),
                name: try $0.next(),
                overdueChecks: try $0.next(),
                overdueMaintenance: try $0.next(),
                expiredPermits: try $0.next(),
                overdueActions: try $0.next(),
                openActions: try $0.next(),
                lost: 0,
                computedOn: day(try $0.next(Int.self))
            )
        }
        let hasMore = units.count > perPage
        units = Array(units.prefix(perPage))
        if !units.isEmpty {
            let ids = units.map { "\(bind: $0.unitID)" as SQLQueryString }.joined(separator: ", ")
            let lost = try await db.rows(
                """
                SELECT unit_id, COUNT(*) FROM equipment_items WHERE status = 'lost' AND unit_id IN (\(ids)) \
                GROUP BY unit_id
                """
            ) { (try $0.next(UUID.self), try $0.next(Int.self)) }
            let byUnit: [UUID: Int] = Dictionary(lost, uniquingKeysWith: { first, _ in first })
            for index in units.indices { units[index].lost = byUnit[units[index].unitID] ?? 0 }
        }
        let totals = try await db.rows(
            """
            SELECT COUNT(*), CAST(COALESCE(SUM(s.overdue_checks), 0) AS BIGINT), CAST(COALESCE(SUM(s.overdue_maintenance), 0) AS BIGINT), \
            CAST(COALESCE(SUM(s.expired_permits), 0) AS BIGINT), CAST(COALESCE(SUM(s.overdue_actions), 0) AS BIGINT), \
            CAST(COALESCE(SUM(s.open_actions), 0) AS BIGINT) \(from)
            """
        ) {
            (
                try $0.next(Int.self),
                UnitRow(
                    unitID: .placeholder,
                    name: "",
                    overdueChecks: try $0.next(),
                    overdueMaintenance: try $0.next(),
                    expiredPermits: try $0.next(),
                    overdueActions: try $0.next(),
                    openActions: try $0.next(),
                    lost: 0,
                    computedOn: nil
                )
            )
        }.first
        var sums =
            totals?.1
            ?? UnitRow(
                unitID: .placeholder,
                name: "",
                overdueChecks: 0,
                overdueMaintenance: 0,
                expiredPermits: 0,
                overdueActions: 0,
                openActions: 0,
                lost: 0
            )
        sums.lost = try await lostCount(in: scope, on: db)
        return Page(units: units, page: page, hasMore: hasMore, unitsWithProblems: totals?.0 ?? 0, totals: sums)
    }

    /// The lost items of the scope's units.
    private static func lostCount(in scope: Scope, on db: any Database) async throws -> Int {
        let condition: SQLQueryString
        switch scope {
        case .everything: condition = "1 = 1"
        case .area(let path): condition = TextMatch.hasPrefix("area_path", path.value)
        case .unit(let unit, _): condition = "unit_id = \(bind: unit)"
        }
        return try await db.rows("SELECT COUNT(*) FROM equipment_items WHERE status = 'lost' AND \(condition)") {
            try $0.next(Int.self)
        }.first ?? 0
    }

    private static func day(_ julian: Int) -> SolarDate? { julian > 0 ? SolarDate(julianDay: julian) : nil }

    /// Recounts the units' overdue upkeep and actions for `today`: one unit after a write, or every unit (the job).
    static func refresh(unit: UUID?, today: SolarDate, on db: any Database) async throws {
        let day = today.julianDay
        let which: SQLQueryString = unit.map { "u.id = \(bind: $0)" } ?? "1 = 1"
        let count: (String) -> SQLQueryString = { upkeeps in
            """
            (SELECT COUNT(*) FROM equipment_dues d WHERE d.unit_id = u.id AND d.upkeep IN (\(unsafeRaw: upkeeps)) \
            AND d.due_day < \(literal: day))
            """
        }
        let _: Void = try await db.sql.raw(
            """
            INSERT INTO equipment_unit_upkeep (unit_id, area_path, overdue_checks, overdue_maintenance, \
            expired_permits, overdue_actions, open_actions, computed_day) \
            SELECT u.id, u.area_path, \(count("'check'")), \(count("'maintenance', 'hydrostatic_test'")), \
            \(count("'permit_expiry'")), (SELECT COUNT(*) FROM equipment_actions a WHERE a.unit_id = u.id \
            AND a.status = 'open' AND a.deadline_day < \(literal: day)), (SELECT COUNT(*) FROM equipment_actions a \
            WHERE a.unit_id = u.id AND a.status = 'open'), \(literal: day) \
            FROM units u WHERE u.parent_id IS NULL AND \(which) \
            ON CONFLICT (unit_id) DO UPDATE SET area_path = excluded.area_path, \
            overdue_checks = excluded.overdue_checks, overdue_maintenance = excluded.overdue_maintenance, \
            expired_permits = excluded.expired_permits, overdue_actions = excluded.overdue_actions, \
            open_actions = excluded.open_actions, computed_day = excluded.computed_day
            """
        ).run()
    }
}
