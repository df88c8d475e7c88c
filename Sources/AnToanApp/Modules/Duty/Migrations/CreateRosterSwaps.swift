import Fluent
import SQLKit

/// Swap requests of published seats, and the secret calendar feeds of each person's shifts.
struct CreateRosterSwaps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RosterSwap.schema)
            .id()
            .field("roster_id", .uuid, .required, .references(Roster.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("seat_id", .uuid, .required, .references(RosterSeat.schema, "id", onDelete: .cascade))
            .field("from_staff_id", .uuid, .required, .references("staff", "id"))
            .field("to_staff_id", .uuid, .required, .references("staff", "id"))
            .field("other_seat_id", .uuid, .references(RosterSeat.schema, "id", onDelete: .cascade))
            .field("note", .string, .required)
            .field("status", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ShiftFeed.schema)
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "staff_id")
            .unique(on: "token_hash")
            .create()
        let _: Void = try await database.sql.raw("CREATE INDEX roster_swaps_roster ON roster_swaps (roster_id, status)")
            .run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ShiftFeed.schema, RosterSwap.schema] {
            let _: Void = try await database.schema(schema).delete()
        }
    }
}
