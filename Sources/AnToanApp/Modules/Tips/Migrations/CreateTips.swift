import Fluent
import SQLKit

/// Tips with their messages and photos, and situation notes.
struct CreateTips: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        try await database.schema(SituationNote.schema)
            .id()
            .field("unit_id", .uuid, .references("units", "id", onDelete: .cascade))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("text", .string, .required)
            .field("place", .string, .required)
            .field("written_at", .datetime, .required)
            .field("written_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("tip_id", .uuid)
            .field("incident_id", .uuid)
            .field("turned_at", .datetime)
            .create()
        try await database.schema(Tip.schema)
            .id()
            .field("code_hash", .string, .required)
            .field("status", .string, .required)
            .field("unit_id", .uuid, .references("units", "id", onDelete: .setNull))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("what", .string, .required)
            .field("place", .string, .required)
            .field("happened", .string, .required)
            .field("anonymous", .bool, .required)
            .field("contact_name", .string)
            .field("contact_phone", .string)
            .field("received_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("decided_by_name", .string)
            .field("reason", .string)
            .field("incident_id", .uuid)
            .field("note_id", .uuid, .references(SituationNote.schema, "id", onDelete: .setNull))
            .unique(on: "code_hash")
            .create()
        try await database.schema(TipMessage.schema)
            .id()
            .field("tip_id", .uuid, .required, .references(Tip.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("written_at", .datetime, .required)
            .field("author_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("author_name", .string)
            .create()
        try await database.schema(TipPhoto.schema)
            .id()
            .field("tip_id", .uuid, .required, .references(Tip.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("bytes", .data, .required)
            .field("added_at", .datetime, .required)
            .create()
        for statement in [
            "CREATE INDEX tips_unit ON tips (unit_id, received_at)",
            "CREATE INDEX tips_area ON tips (area_path, received_at)",
            "CREATE INDEX tip_messages_tip ON tip_messages (tip_id, written_at)",
            "CREATE INDEX tip_photos_tip ON tip_photos (tip_id, position)",
            "CREATE INDEX situation_notes_unit ON situation_notes (unit_id, written_at)",
            "CREATE INDEX situation_notes_area ON situation_notes (area_path, written_at)",
        ] {
            let _: Void = try await database.sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [TipPhoto.schema, TipMessage.schema, Tip.schema, SituationNote.schema] {
            let _: Void = try await database.schema(schema).delete()
        }
    }
}
