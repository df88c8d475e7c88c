import Fluent
import SQLKit

/// The outbox: events written in the transaction of the change they tell of, numbered by a head row that
/// each writer bumps (and so locks) until it commits, which makes the numbers follow the commit order.
struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        try await database.schema("outbox_events")
            .id()
            .field("seq", .int64, .required)
            .field("type", .string, .required)
            .field("unit_id", .uuid)
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"))
            .field("account_id", .uuid)
            .field("payload", .string, .required)
            .field("at_millis", .int64, .required)
            .unique(on: "seq")
            .create()
        try await database.schema("outbox_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .create()
        try await database.sql.insert(into: "outbox_head")
            .columns("id", "seq")
            .values(SQLBind(1), SQLBind(Int64(0)))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_head").delete()
        try await database.schema("outbox_events").delete()
    }
}
