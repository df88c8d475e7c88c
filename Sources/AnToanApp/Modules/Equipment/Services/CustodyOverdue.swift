import AnToanCore
import Fluent
import Foundation
import Vapor

extension JobKind {
    /// Tells the custodians and heads of an item out past its expected return: one job an issue, at that time.
    static let custodyOverdue = JobKind(rawValue: "equipment.custody-overdue")
}

/// Items out past their expected return: flagged on the lists as they are read, and told once to the unit's heads
/// and security officers (and whoever requested the issue) by a job queued for the expected return when the item
/// is handed over.
enum CustodyOverdue {
    static func register(_ app: Application) {
        app.jobs.register(.custodyOverdue) { (job: JobContext, _: NoPayload) in
            _ = try await notify(app: job.app, now: job.now)
        }
    }

    /// Queues the reminder of an issue handed over, for the moment it is due back, in the hand-over's transaction.
    static func schedule(_ custody: EquipmentCustody, on db: any Database) async throws {
        try await Jobs.enqueue(
            .custodyOverdue,
            payload: NoPayload(),
            runAt: custody.expectedReturnAt.addingTimeInterval(1),
            key: "custody-overdue:\(try custody.requireID().uuidString)",
            on: db
        )
    }

    /// Tells each issue past due not yet told; returns how many were told. Idempotent.
    @discardableResult
    static func notify(app: Application, now: Date) async throws -> Int {
        try await app.write { db in
            let due = try await EquipmentCustody.query(on: db)
                .filter(
                    \.$status ~~ [EquipmentCustody.Status.issued.rawValue, EquipmentCustody.Status.handed.rawValue]
                )
                .filter(\.$expectedReturnAt < now).filter(\.$overdueNotifiedAt == nil).limit(500).all()
            let items = try await CustodyQueries.items(due.map(\.itemID), on: db)
            for custody in due {
                let id = try custody.requireID()
                var accounts = try await CustodyQueries.headAccounts(of: custody.unitID, custodians: true, on: db)
                accounts.insert(custody.requestedBy)
                let name = items[custody.itemID]?.displayName ?? ""
                let since = VietnamTime.dateTime(custody.expectedReturnAt)
                try await Notifications.send(
                    to: accounts,
                    title: LocalizedText(
                        vi: "Quá hạn trả: \(name) do \(custody.holderName) giữ, hẹn trả lúc \(since)",
                        en: "Overdue: \(name) held by \(custody.holderName), due back at \(since)"
                    ),
                    link: SiteURL.custody(.one(id)).path,
                    needsAcknowledgement: false,
                    entity: CustodyService.entity,
                    entityID: id,
                    on: db,
                    now: now
                )
                custody.overdueNotifiedAt = now
                try await custody.persist(on: db)
            }
            return due.count
        }
    }
}
