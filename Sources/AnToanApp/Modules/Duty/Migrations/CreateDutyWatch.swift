import Fluent
import SQLKit

/// Check-ins, the duty log book and handovers.
struct CreateDutyWatch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DutyCheckIn.schema)
            .id()
            .field("seat_id", .uuid, .required, .references(RosterSeat.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("checked_in_at", .datetime, .required)
            .field("status", .string, .required)
            .field("checked_out_at", .datetime)
            .unique(on: "seat_id")
            .create()
        try await database.schema(DutyLogEntry.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("post", .string, .required)
            .field("seat_id", .uuid, .required, .references(RosterSeat.schema, "id"))
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("written_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("refers_to", .uuid, .references(DutyLogEntry.schema, "id"))
            .create()
        try await database.schema(DutyHandover.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("post", .string, .required)
            .field("outgoing_date", .string, .required)
            .field("outgoing_shift", .string, .required)
            .field("incoming_date", .string, .required)
            .field("incoming_shift", .string, .required)
            .field("incoming_starts_at", .datetime, .required)
            .field("handed_by", .uuid, .required, .references("staff", "id"))
            .field("handed_at", .datetime, .required)
            .field("notes", .string, .required)
            .field("open_items", .string, .required)
            .field("received_by", .uuid, .references("staff", "id"))
            .field("received_at", .datetime)
            .unique(on: "unit_id", "post", "outgoing_date", "outgoing_shift")
            .create()
        let _: Void = try await database.sql.raw("CREATE INDEX duty_checkins_unit ON duty_checkins (unit_id)").run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX duty_log_entries_post ON duty_log_entries (unit_id, post, written_at)"
        )
        .run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX duty_handovers_incoming ON duty_handovers (unit_id, post, incoming_starts_at)"
        )
        .run()
    }

    func revert(on database: any Database) async throws {
        for schema in [DutyHandover.schema, DutyLogEntry.schema, DutyCheckIn.schema] {
            let _: Void = try await database.schema(schema).delete()
        }
    }
}
