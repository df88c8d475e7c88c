import Fluent
import SQLKit

/// Webhooks (ACC-5): subscriptions of a URL to event types, one delivery per matching event with its attempts,
/// and the dispatcher's place in the outbox.
struct CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        try await database.schema("webhook_subscriptions")
            .id()
            .field("url", .string, .required)
            .field("description", .string, .required)
            .field("event_types", .string, .required)
            .field("secret", .string, .required)
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"))
            .field("owner_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("webhook_deliveries")
            .id()
            .field(
                "subscription_id",
                .uuid,
                .required,
                .references("webhook_subscriptions", "id", onDelete: .cascade)
            )
            .field("event_id", .uuid, .required)
            .field("event_seq", .int64, .required)
            .field("event_type", .string, .required)
            .field("body", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("last_status", .int)
            .field("created_at", .datetime)
            .field("delivered_at", .datetime)
            .unique(on: "subscription_id", "event_id", name: "webhook_deliveries_event")
            .create()
        try await database.schema("webhook_attempts")
            .id()
            .field("delivery_id", .uuid, .required, .references("webhook_deliveries", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("status", .int)
            .field("error", .string)
            .field("duration_ms", .int, .required)
            .create()
        try await database.schema("webhook_cursor")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .create()
        try await database.sql.insert(into: "webhook_cursor")
            .columns("id", "seq")
            .values(SQLBind(1), SQLBind(Int64(0)))
            .run()
        for (name, table, column) in [
            ("webhook_deliveries_subscription", "webhook_deliveries", "subscription_id"),
            ("webhook_attempts_delivery", "webhook_attempts", "delivery_id"),
        ] {
            let _: Void = try await database.sql.raw(
                "CREATE INDEX \(ident: name) ON \(ident: table) (\(ident: column))"
            )
            .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_cursor").delete()
        try await database.schema("webhook_attempts").delete()
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_subscriptions").delete()
    }
}
