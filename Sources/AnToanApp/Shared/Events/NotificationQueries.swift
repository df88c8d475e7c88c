import Fluent
import Foundation

/// Reads of an account's own inbox: an account sees its own notifications and no one else's.
enum NotificationQueries {
    /// The inbox of `account`, newest first.
    static func inbox(of account: UUID, limit: Int, on db: any Database) async throws -> [InboxNotification] {
        try await InboxNotification.query(on: db)
            .filter(\.$accountID == account)
            .sort(\.$createdAt, .descending)
            .sort(\.$id, .descending)
            .limit(limit)
            .all()
    }

    /// One notification of `account`; another account's is not found (404).
    static func notification(_ id: UUID, of account: UUID, on db: any Database) async throws -> InboxNotification {
        guard let row = try await InboxNotification.find(id, on: db), row.accountID == account else {
            throw AppError.notFound
        }
        return row
    }

    /// How many of the account's notifications are unread: one count on the `notifications_unread` index.
    static func unreadCount(of account: UUID, on db: any Database) async throws -> Int {
        try await InboxNotification.query(on: db)
            .filter(\.$accountID == account)
            .filter(\.$readAt == nil)
            .count()
    }
}
