import AnToanCore
import Fluent
import Foundation
import SQLKit

/// What an authority sees over its area, unit by unit (build point 7), and a unit head over the unit: overdue checks
/// and maintenance, expired permits, overdue corrective actions and lost items, all from `equipment_unit_upkeep`, kept
/// by the nightly job and by every write of a unit's upkeep (`UpkeepSchedules.follow` for the registry's writes). A
/// page is two reads of that one table, however many units the area holds.
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

    /// The units of `scope` with something wrong, by name, one page at a time: two reads of the units' counts.
    static func page(_ page: Int, in scope: Scope, on db: any Database) async throws -> Page {
        let page = max(page, 1)
        let inScope = TextMatch.within(scope, unit: "s.unit_id", area: "s.area_path")
        var units = try await db.rows(
            """
            SELECT s.unit_id, s.name, s.overdue_checks, s.overdue_maintenance, s.expired_permits, s.overdue_actions, \
            s.open_actions, s.lost, s.computed_day FROM equipment_unit_upkeep s \
            WHERE s.problems > 0 AND \(inScope) ORDER BY s.name_folded, s.unit_id \
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
                lost: try $0.next(),
                computedOn: day(try $0.next(Int.self))
            )
        }
        let hasMore = units.count > perPage
        units = Array(units.prefix(perPage))
        let sums = [
            "overdue_checks", "overdue_maintenance", "expired_permits", "overdue_actions", "open_actions", "lost",
        ]
        .map { "CAST(COALESCE(SUM(s.\($0)), 0) AS BIGINT)" }.joined(separator: ", ")
        let totals = try await db.rows(
            """
            SELECT COUNT(*), \(unsafeRaw: sums) FROM equipment_unit_upkeep s WHERE s.problems > 0 AND \(inScope)
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
                    lost: try $0.next(),
                    computedOn: nil
                )
            )
        }
        .first
        let none = UnitRow(
            unitID: .placeholder,
            name: "",
            overdueChecks: 0,
            overdueMaintenance: 0,
            expiredPermits: 0,
            overdueActions: 0,
            openActions: 0,
            lost: 0
        )
        return Page(
            units: units,
            page: page,
            hasMore: hasMore,
            unitsWithProblems: totals?.0 ?? 0,
            totals: totals?.1 ?? none
        )
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
            INSERT INTO equipment_unit_upkeep (unit_id, area_path, name, name_folded, overdue_checks, \
            overdue_maintenance, expired_permits, overdue_actions, open_actions, lost, problems, computed_day) \
            SELECT u.id, u.area_path, u.name, u.name_folded, \(count("'check'")), \
            \(count("'maintenance', 'hydrostatic_test'")), \
            \(count("'permit_expiry'")), (SELECT COUNT(*) FROM equipment_actions a WHERE a.unit_id = u.id \
            AND a.status = 'open' AND a.deadline_day < \(literal: day)), (SELECT COUNT(*) FROM equipment_actions a \
            WHERE a.unit_id = u.id AND a.status = 'open'), (SELECT COUNT(*) FROM equipment_items i \
            WHERE i.unit_id = u.id AND i.status = 'lost'), 0, \(literal: day) FROM units u \
            WHERE u.parent_id IS NULL AND \(which) \
            ON CONFLICT (unit_id) DO UPDATE SET area_path = excluded.area_path, name = excluded.name, \
            name_folded = excluded.name_folded, lost = excluded.lost, \
            overdue_checks = excluded.overdue_checks, overdue_maintenance = excluded.overdue_maintenance, \
            expired_permits = excluded.expired_permits, overdue_actions = excluded.overdue_actions, \
            open_actions = excluded.open_actions, computed_day = excluded.computed_day
            """
        ).run()
        let rows: SQLQueryString = unit.map { "unit_id = \(bind: $0)" } ?? "1 = 1"
        let _: Void = try await db.sql.raw(
            """
            UPDATE equipment_unit_upkeep SET problems = overdue_checks + overdue_maintenance + expired_permits \
            + overdue_actions + lost WHERE \(rows)
            """
        ).run()
    }
}
