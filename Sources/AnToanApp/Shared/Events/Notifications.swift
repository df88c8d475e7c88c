import Fluent
import Foundation
import Vapor

/// The inboxes: a notification is a row for one account, written in the transaction of the change it tells
/// of, with an event addressed to that account so that its open pages hear of it at once.
enum Notifications {
    /// Puts one notification in each account's inbox (and publishes an event addressed to each, so their open
    /// pages hear of it at once), in the transaction `db` of the change.
    static func send(
        to accounts: Set<UUID>,
        title: LocalizedText,
        link: String,
        needsAcknowledgement: Bool,
        entity: String,
        entityID: UUID,
        on db: any Database,
        now: Date
    ) async throws {
        // The inbox shows the link as it is: a path on this site only, never another site's address.
        guard link.hasPrefix("/"), !link.hasPrefix("//"), !link.contains("\\") else {
            throw NotificationError.linkLeavesSite(link)
        }
        for account in accounts.sorted(by: { $0.uuidString < $1.uuidString }) {
            let row = InboxNotification(
                account: account,
                title: title,
                link: link,
                needsAcknowledgement: needsAcknowledgement,
                entity: entity,
                entityID: entityID,
                now: now
            )
            try await row.insert(on: db)
            let unread = try await NotificationQueries.unreadCount(of: account, on: db)
            try await Outbox.publish(
                .notificationCreated,
                payload: NotificationEventDTO(row, unread: unread),
                unit: nil,
                area: nil,
                account: account,
                on: db,
                now: now
            )
        }
    }

    /// Marks the notifications of `account` about (entity, entityID) acknowledged (and read); idempotent (a
    /// second call changes nothing and is not an error).
    static func acknowledge(account: UUID, entity: String, entityID: UUID, on db: any Database, now: Date) async throws
    {
        let pending = try await InboxNotification.query(on: db)
            .filter(\.$entityID == entityID)
            .filter(\.$entity == entity)
            .filter(\.$accountID == account)
            .filter(\.$acknowledgedAt == nil)
            .all()
        guard !pending.isEmpty else { return }
        for row in pending {
            row.acknowledgedAt = now
            if row.readAt == nil { row.readAt = now }
            try await row.persist(on: db)
        }
        try await announceRead(account: account, on: db, now: now)
    }

    /// Marks one notification of `account` read (and acknowledged, when `acknowledge`), with its audit entry.
    /// Nothing changes when it already is; another account's notification is not found.
    static func mark(
        _ id: UUID,
        acknowledge: Bool,
        by principal: Principal,
        on app: Application
    ) async throws {
        let now = app.clock.now()
        try await app.write { db in
            guard let row = try await db.lockedRow(InboxNotification.self, id), row.accountID == principal.id else {
                throw AppError.notFound
            }
            let before = auditFields(row)
            if row.readAt == nil { row.readAt = now }
            if acknowledge, row.acknowledgedAt == nil { row.acknowledgedAt = now }
            let after = auditFields(row)
            guard before != after else { return }
            try await row.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: "notification",
                entityID: id.uuidString,
                before: before,
                after: after,
                now: now
            )
            try await announceRead(account: principal.id, on: db, now: now)
        }
    }

    /// Tells the account's open pages its new count of unread notifications.
    private static func announceRead(account: UUID, on db: any Database, now: Date) async throws {
        let unread = try await NotificationQueries.unreadCount(of: account, on: db)
        try await Outbox.publish(
            .notificationRead,
            payload: NotificationCountDTO(unread: unread),
            unit: nil,
            area: nil,
            account: account,
            on: db,
            now: now
        )
    }

    private static func auditFields(_ row: InboxNotification) -> [String: String] {
        var fields: [String: String] = [:]
        if let readAt = row.readAt { fields["read_at"] = ISO8601DateFormatter().string(from: readAt) }
        if let acknowledgedAt = row.acknowledgedAt {
            fields["acknowledged_at"] = ISO8601DateFormatter().string(from: acknowledgedAt)
        }
        return fields
    }
}

enum NotificationError: Error {
    /// A module passed a link that is not a path on this site (a programming error).
    case linkLeavesSite(String)
}
