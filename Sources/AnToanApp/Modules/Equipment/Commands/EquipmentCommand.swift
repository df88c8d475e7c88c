import AnToanCore
import Fluent
import Foundation
import Vapor

/// `antoan equipment dues` runs the nightly due-date and reminder job now and says how long it took;
/// `antoan equipment history --months N` records N months of monthly checks of every fire item, support tool and
/// weapon (one in fifty failed), as a year of use leaves them (each item's due dates following its checks): the
/// benchmark's province.
struct EquipmentCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "dues | history")
        var action: String
        @Option(name: "months", help: "history: months of monthly checks (default 12)")
        var months: Int?
    }

    var help: String { "Run the equipment due-date job now (dues), or record months of checks (history)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let start = ContinuousClock.now
        switch signature.action {
        case "dues":
            let outcome = try await UpkeepReminders.run(app: app, now: app.clock.now())
            context.console.print(
                "Due dates over \(outcome.batches) batches, \(outcome.reminders) reminders to "
                    + "\(outcome.notifiedUnits) units, in \(ContinuousClock.now - start)."
            )
        case "history":
            let checks = try await Self.history(months: max(1, min(signature.months ?? 12, 60)), app: app)
            context.console.print("\(checks) checks recorded in \(ContinuousClock.now - start).")
        default:
            throw CommandFailed(message: "Unknown action \(signature.action): dues or history.")
        }
    }

    /// Monthly checks of every item that has them, the latest a few days ago, batch by batch of items.
    static func history(months: Int, app: Application) async throws -> Int {
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        let categories = [EquipmentCategory.fireEquipment, .supportTool, .weapon].map(\.rawValue)
        var after: UUID?
        var written = 0
        while true {
            let query = EquipmentItem.query(on: app.db).filter(\.$category ~~ categories).sort(\.$id).limit(2_000)
            if let after { query.filter(\.$id > after) }
            let items = try await query.all()
            guard let last = items.last?.id else { break }
            after = last
            var checks: [EquipmentCheck] = []
            for (index, item) in items.enumerated() where !item.kindValue.isCounted {
                guard let itemID = item.id else { continue }
                for month in 0..<months {
                    let failed = (index + month) % 50 == 0
                    let check = EquipmentCheck()
                    check.id = UUID()
                    check.itemID = itemID
                    check.unitID = item.unitID
                    check.areaPath = item.areaPath
                    check.category = item.category
                    check.upkeep = UpkeepKind.check.rawValue
                    check.doneDay = today.julianDay - 3 - (index % 20) - 30 * month
                    check.checkedAt = VietnamTime.instant(SolarDate(julianDay: check.doneDay), minutes: 9 * 60)
                    check.checkerID = itemID
                    check.checkerName = "Kiểm tra định kỳ (dữ liệu mẫu)"
                    check.failedPoints = failed ? "seal" : ""
                    check.passed = !failed
                    check.note = ""
                    check.hasPhoto = false
                    checks.append(check)
                }
            }
            let batch = checks
            let itemIDs = items.compactMap(\.id)
            try await app.write { db in
                for part in SQLBatch.chunks(batch, size: 1_000) {
                    let _: Void = try await part.create(on: db)
                }
                // As recording a check in the app does: the items' due dates follow their latest checks.
                for part in SQLBatch.chunks(itemIDs) {
                    try await UpkeepSchedules.recompute(.ids(part), on: db)
                }
            }
            written += checks.count
        }
        try await app.db.analyze([EquipmentCheck.schema])
        return written
    }
}
