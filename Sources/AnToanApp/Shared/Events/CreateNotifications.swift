import Fluent
import SQLKit

/// Each account's inbox, with what it read and acknowledged; indexed for the list, the count of unread ones
/// (shown on every page) and acknowledging by what a notification is about.
struct CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("created_at", .datetime, .required)
            .field("account_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("title_vi", .string, .required)
            .field("title_en", .string, .required)
            .field("link", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("needs_acknowledgement", .bool, .required)
            .field("read_at", .datetime)
            .field("acknowledged_at", .datetime)
            .create()
        for statement in [
            "CREATE INDEX notifications_inbox ON notifications (account_id, created_at)",
            "CREATE INDEX notifications_unread ON notifications (account_id, read_at)",
            "CREATE INDEX notifications_entity ON notifications (entity_id, entity, account_id)",
        ] {
            let _: Void = try await database.sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
