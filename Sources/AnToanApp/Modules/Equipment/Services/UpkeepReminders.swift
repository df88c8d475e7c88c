import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

extension JobKind {
    /// The nightly due-date job: every item's due dates, each unit's counts, the reminders owed.
    static let equipmentUpkeep = JobKind(rawValue: "equipment.upkeep")
}

/// The nightly due-date job (00:30, Asia/Ho_Chi_Minh): recomputes every item's due dates in batches of items by id,
/// recounts every unit's overdue upkeep, and sends the reminders owed — `reminderLeadDays` before a due date and on
/// it — to the unit's head and security officers, one notification per unit and stage. A reminder is a row unique
/// per (item, upkeep, due date, stage), so that a second run on the same day sends nothing. All set-based SQL.
enum UpkeepReminders {
    static let entity = "equipment_upkeep"
    /// Items per batch of the recompute, each batch its own transaction.
    static let batch = 20_000

    static func register(_ app: Application) {
        app.jobs.register(.equipmentUpkeep, lease: 600) { (job: JobContext, _: NoPayload) in
            try await run(app: job.app, now: job.now)
        }
        app.jobs.daily(hour: 0, minute: 30, .equipmentUpkeep)
    }

    struct Outcome: Sendable, Equatable {
        var batches: Int
        var reminders: Int
        var notifiedUnits: Int
    }

    /// One run at `now` (the job's clock; tests pass theirs).
    @discardableResult
    static func run(app: Application, now: Date) async throws -> Outcome {
        let today = VietnamTime.day(of: now)
        // Batch boundaries: every `batch`-th item id, in the order the database compares them.
        let bounds = try await app.db.rows(
            """
            SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM equipment_items) AS x \
            WHERE (n - 1) % \(literal: batch) = 0 AND n > 1 ORDER BY id
            """
        ) { try $0.next(UUID.self) }
        let edges: [UUID?] = [nil] + bounds.map { Optional($0) } + [nil]
        for index in 0..<(edges.count - 1) {
            try await app.write { db in
                try await UpkeepSchedules.recompute(.range(from: edges[index], to: edges[index + 1]), on: db)
            }
        }
        return try await app.write { db in
            try await EquipmentOversight.refresh(unit: nil, today: today, on: db)
            let day = today.julianDay
            let _: Void = try await db.sql.raw(
                """
                INSERT INTO equipment_reminders (item_id, upkeep, due_day, stage, unit_id, notified_at) \
                SELECT d.item_id, d.upkeep, d.due_day, CASE WHEN d.due_day <= \(literal: day) THEN 'due' \
                ELSE 'soon' END, d.unit_id, NULL FROM equipment_dues d \
                WHERE d.due_day <= \(literal: day + UpkeepRules.reminderLeadDays) \
                ON CONFLICT (item_id, upkeep, due_day, stage) DO NOTHING
                """
            ).run()
            let pending = try await db.rows(
                """
                SELECT unit_id, stage, COUNT(*) FROM equipment_reminders WHERE notified_at IS NULL \
                GROUP BY unit_id, stage ORDER BY unit_id, stage
                """
            ) { (try $0.next(UUID.self), try $0.next(String.self), try $0.next(Int.self)) }
            let units = Set(pending.map(\.0))
            let leaders = try await IncidentQueries.leaderAccounts(of: units, on: db)
            for (unit, stage, count) in pending {
                guard let accounts = leaders[unit], !accounts.isEmpty else { continue }
                let soon = stage == ReminderStage.soon.rawValue
                try await Notifications.send(
                    to: accounts,
                    title: soon
                        ? LocalizedText(
                            vi:
                                "\(count) việc bảo quản phương tiện đến hạn trong \(UpkeepRules.reminderLeadDays) ngày tới",
                            en: "\(count) equipment upkeep tasks fall due within \(UpkeepRules.reminderLeadDays) days"
                        )
                        : LocalizedText(
                            vi: "\(count) việc bảo quản phương tiện đã đến hạn",
                            en: "\(count) equipment upkeep tasks are due now"
                        ),
                    link: SiteURL.equipmentUpkeep(.list).path,
                    needsAcknowledgement: false,
                    entity: entity,
                    entityID: unit,
                    on: db,
                    now: now
                )
            }
            let _: Void = try await db.sql.raw(
                "UPDATE equipment_reminders SET notified_at = \(bind: now) WHERE notified_at IS NULL"
            ).run()
            return Outcome(
                batches: edges.count - 1,
                reminders: pending.reduce(0) { $0 + $1.2 },
                notifiedUnits: units.count
            )
        }
    }
}
