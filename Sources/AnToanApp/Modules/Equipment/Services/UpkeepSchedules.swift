import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The intervals a unit keeps (its own within the legal floor, else the kind's default) and the due dates they give:
/// `recompute` rewrites the rows of `equipment_dues` of some items in a few set-based statements, the same SQL for
/// one item after a check, for a unit after it changes an interval, and for a batch of the nightly job.
enum UpkeepSchedules {
    static let entity = "equipment_schedule"

    /// Which items to recompute.
    enum Items: Sendable {
        case item(UUID)
        case unit(UUID)
        /// A few hundred items at most (an import's batch): one `IN` list.
        case ids([UUID])
        /// Items whose id is in [from, to); to nil for the last batch.
        case range(from: UUID?, to: UUID?)
    }

    /// Statuses whose items still need upkeep (not lost, not disposed).
    static let active = [EquipmentStatus.inStore, .issued, .underRepair].map(\.rawValue)

    /// Sets a unit's interval for one upkeep of one kind; its default again removes the unit's own. Longer than the
    /// law allows is refused naming `interval_days`. The unit's due dates follow in the same transaction.
    @discardableResult
    static func set(
        kind: String?,
        upkeep: String?,
        intervalDays: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> Int {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        guard case .unit(let unitID, let area) = principal.scope else {
            throw AppError.badRequest(
                vi: "Lịch bảo quản là của một đơn vị: hãy đặt từ tài khoản của đơn vị.",
                en: "Upkeep schedules are a unit's: set them from an account of the unit."
            )
        }
        var checker = FieldChecker()
        let kindValue = checker.choice("kind", kind, EquipmentKind.self)
        let upkeepValue = checker.choice("upkeep", upkeep, UpkeepKind.self)
        let text = (intervalDays ?? "").trimmingCharacters(in: .whitespaces)
        let days = Int(text)
        if text.isEmpty {
            checker.add("interval_days", .required)
        } else if days == nil {
            checker.add("interval_days", .invalid(vi: "cần một số ngày", en: "needs a number of days"))
        }
        if let kindValue, let upkeepValue, let days,
            let problem = UpkeepRules.check(interval: days, kindValue, upkeepValue)
        {
            checker.add(problem == .notScheduled ? "upkeep" : "interval_days", .invalid(vi: problem.vi, en: problem.en))
        }
        try checker.check()
        guard let kindValue, let upkeepValue, let days else { return 0 }
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        return try await app.write { db in
            try await db.lockKey("equipment-schedule:\(unitID.uuidString)")
            let existing = try await EquipmentSchedule.query(on: db).filter(\.$unitID == unitID)
                .filter(\.$kind == kindValue.rawValue).filter(\.$upkeep == upkeepValue.rawValue).first()
            let before = existing.map { ["interval_days": String($0.intervalDays)] }
            if days == UpkeepRules.defaultInterval(kindValue, upkeepValue) {
                guard let existing else { return days }
                try await existing.delete(on: db).get()
            } else {
                let row = existing ?? EquipmentSchedule()
                row.unitID = unitID
                row.areaPath = area.value
                row.kind = kindValue.rawValue
                row.upkeep = upkeepValue.rawValue
                row.intervalDays = days
                row.updatedByName = principal.displayName
                row.updatedAt = now
                if existing == nil { try await row.insert(on: db) } else { try await row.persist(on: db) }
            }
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: "\(unitID.uuidString):\(kindValue.rawValue):\(upkeepValue.rawValue)",
                before: before,
                after: ["interval_days": String(days)],
                now: now
            )
            try await recompute(.unit(unitID), on: db)
            try await EquipmentOversight.refresh(unit: unitID, today: today, on: db)
            return days
        }
    }

    /// Brings an item's due dates and its unit's counts up to date, in the transaction `db` of a write that changed
    /// the item (registered, kind or commissioning changed, status set, a permit added or removed).
    static func follow(item: EquipmentItem, today: SolarDate, on db: any Database) async throws {
        try await recompute(.item(try item.requireID()), on: db)
        try await EquipmentOversight.refresh(unit: item.unitID, today: today, on: db)
    }

    /// The same for many items written at once (an import): their due dates in batches, then every unit's counts.
    static func follow(items: [EquipmentItem], today: SolarDate, on db: any Database) async throws {
        for batch in SQLBatch.chunks(items.compactMap(\.id)) {
            try await recompute(.ids(batch), on: db)
        }
        let units = Set(items.map(\.unitID))
        if units.count <= 20 {
            for unit in units { try await EquipmentOversight.refresh(unit: unit, today: today, on: db) }
        } else {
            try await EquipmentOversight.refresh(unit: nil, today: today, on: db)
        }
    }

    /// The intervals of a unit: its own where it set one, keyed by kind and upkeep.
    static func own(of unitID: UUID, on db: any Database) async throws -> [String: EquipmentSchedule] {
        let rows = try await EquipmentSchedule.query(on: db).filter(\.$unitID == unitID).all()
        return Dictionary(rows.map { ("\($0.kind):\($0.upkeep)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rewrites the due dates of `items`: drops those of items lost, disposed or changed in kind, and of permits
    /// gone; sets each scheduled upkeep's to the last check of it (or the day the item came into service) plus the
    /// unit's interval; sets a permit's to the end of its latest use permit. Unchanged rows are not written.
    static func recompute(_ items: Items, on db: any Database) async throws {
        let postgres = db.sql.dialect.name == "postgresql"
        let statuses = SQLQueryString(active.map { "'\($0)'" }.joined(separator: ", "))
        let dueFilter = filter(items, "equipment_dues.item_id", "equipment_dues.unit_id")
        let itemFilter = filter(items, "i.id", "i.unit_id")
        let _: Void = try await db.sql.raw(
            """
            DELETE FROM equipment_dues WHERE \(dueFilter) AND (NOT EXISTS (SELECT 1 FROM equipment_items i \
            WHERE i.id = equipment_dues.item_id AND i.kind = equipment_dues.kind AND i.status IN (\(statuses))) \
            OR (equipment_dues.upkeep = 'permit_expiry' AND NOT EXISTS (SELECT 1 FROM equipment_permits p \
            WHERE p.item_id = equipment_dues.item_id AND p.kind = 'use' AND p.valid_until IS NOT NULL)))
            """
        ).run()
        let start =
            postgres
            ? SQLQueryString(
                "COALESCE((i.commissioned_on::date - DATE '1970-01-01') + 2440588, "
                    + "CAST(FLOOR((EXTRACT(EPOCH FROM i.created_at) + 25200) / 86400) AS INTEGER) + 2440588)"
            )
            : SQLQueryString(
                "COALESCE(CAST(julianday(i.commissioned_on) + 0.5 AS INTEGER), "
                    + "CAST((i.created_at + 25200) / 86400 AS INTEGER) + 2440588)"
            )
        let _: Void = try await db.sql.raw(
            """
            WITH r(kind, upkeep, days) AS (VALUES \(rules)) \
            INSERT INTO equipment_dues (item_id, upkeep, unit_id, area_path, category, kind, due_day, last_day) \
            SELECT item_id, upkeep, unit_id, area_path, category, kind, COALESCE(last_day, start_day) + days, last_day \
            FROM (SELECT i.id AS item_id, r.upkeep AS upkeep, i.unit_id AS unit_id, i.area_path AS area_path, \
            i.category AS category, i.kind AS kind, COALESCE(s.interval_days, r.days) AS days, \(start) AS start_day, \
            (SELECT MAX(c.done_day) FROM equipment_checks c WHERE c.item_id = i.id AND c.upkeep = r.upkeep) \
            AS last_day FROM equipment_items i JOIN r ON r.kind = i.kind \
            LEFT JOIN equipment_schedules s ON s.unit_id = i.unit_id AND s.kind = i.kind AND s.upkeep = r.upkeep \
            WHERE \(itemFilter) AND i.status IN (\(statuses))) AS x WHERE 1 = 1 \
            ON CONFLICT (item_id, upkeep) DO UPDATE SET due_day = excluded.due_day, last_day = excluded.last_day, \
            unit_id = excluded.unit_id, area_path = excluded.area_path, category = excluded.category \
            WHERE \(changed(postgres))
            """
        ).run()
        let until =
            postgres
            ? SQLQueryString("(p.until::date - DATE '1970-01-01') + 2440588")
            : SQLQueryString("CAST(julianday(p.until) + 0.5 AS INTEGER)")
        let _: Void = try await db.sql.raw(
            """
            INSERT INTO equipment_dues (item_id, upkeep, unit_id, area_path, category, kind, due_day, last_day) \
            SELECT i.id, 'permit_expiry', i.unit_id, i.area_path, i.category, i.kind, \(until), NULL \
            FROM equipment_items i JOIN (SELECT item_id, MAX(valid_until) AS until FROM equipment_permits \
            WHERE kind = 'use' AND valid_until IS NOT NULL GROUP BY item_id) p ON p.item_id = i.id \
            WHERE \(itemFilter) AND i.status IN (\(statuses)) \
            ON CONFLICT (item_id, upkeep) DO UPDATE SET due_day = excluded.due_day, last_day = excluded.last_day, \
            unit_id = excluded.unit_id, area_path = excluded.area_path, category = excluded.category \
            WHERE \(changed(postgres))
            """
        ).run()
    }

    /// The kinds' default intervals as SQL rows (kind, upkeep, days), from `UpkeepRules`.
    private static var rules: SQLQueryString {
        var rows: [String] = []
        for kind in EquipmentKind.allCases {
            for upkeep in UpkeepRules.upkeeps(for: kind) {
                guard let days = UpkeepRules.defaultInterval(kind, upkeep) else { continue }
                rows.append("('\(kind.rawValue)', '\(upkeep.rawValue)', \(days))")
            }
        }
        return SQLQueryString(rows.joined(separator: ", "))
    }

    /// A row the upsert would change (so that a nightly run rewrites only what moved).
    private static func changed(_ postgres: Bool) -> SQLQueryString {
        let differs = postgres ? "IS DISTINCT FROM" : "IS NOT"
        return SQLQueryString(
            "equipment_dues.due_day <> excluded.due_day OR equipment_dues.last_day \(differs) excluded.last_day "
                + "OR equipment_dues.unit_id <> excluded.unit_id OR equipment_dues.area_path <> excluded.area_path"
        )
    }

    private static func filter(_ items: Items, _ itemColumn: String, _ unitColumn: String) -> SQLQueryString {
        switch items {
        case .item(let id): return "\(unsafeRaw: itemColumn) = \(bind: id)"
        case .unit(let id): return "\(unsafeRaw: unitColumn) = \(bind: id)"
        case .ids(let ids):
            guard !ids.isEmpty else { return "1 = 0" }
            return "\(unsafeRaw: itemColumn) IN (\(binds: ids))"
        case .range(let from, let to):
            var parts: [SQLQueryString] = ["1 = 1"]
            if let from { parts.append("\(unsafeRaw: itemColumn) >= \(bind: from)") }
            if let to { parts.append("\(unsafeRaw: itemColumn) < \(bind: to)") }
            return parts.joined(separator: " AND ")
        }
    }
}
