import Fluent
import SQLKit

/// Patrol routes and their checkpoints, the rounds made from their schedules, every scan (refused ones too) and
/// what guards noted at checkpoints.
struct CreatePatrols: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        try await database.schema(PatrolRoute.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("name", .string, .required)
            .field("checkpoint_order", .string, .required)
            .field("minimum_gap", .int, .required)
            .field("fastest_speed", .double, .required)
            .field("schedule_kind", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("every_minutes", .int)
            .field("rounds", .int)
            .field("window_minutes", .int)
            .field("active", .bool, .required)
            .create()
        try await database.schema(PatrolCheckpoint.schema)
            .id()
            .field("route_id", .uuid, .required, .references(PatrolRoute.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("site_id", .uuid, .references("sites", "id", onDelete: .setNull))
            .field("instructions", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("radius", .double, .required)
            .field("label_generation", .int, .required)
            .field("nfc_meta_key", .string)
            .field("nfc_file_key", .string)
            .field("nfc_uid", .string)
            .field("nfc_counter", .int)
            .field("active", .bool, .required)
            .create()
        try await database.schema(PatrolRound.schema)
            .id()
            .field("route_id", .uuid, .required, .references(PatrolRoute.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("day", .string, .required)
            .field("round_index", .int, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("plan", .string, .required)
            .field("status", .string, .required)
            .field("done_count", .int, .required)
            .field("late_count", .int, .required)
            .field("missed_count", .int, .required)
            .field("judged_at", .datetime)
            .unique(on: "route_id", "starts_at")
            .create()
        try await database.schema(PatrolScan.schema)
            .id()
            .field("unit_id", .uuid, .references("units", "id"))
            .field("round_id", .uuid, .references(PatrolRound.schema, "id", onDelete: .cascade))
            .field("checkpoint_id", .uuid, .references(PatrolCheckpoint.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("user_name", .string, .required)
            .field("accepted", .bool, .required)
            .field("refusal", .string)
            .field("method", .string, .required)
            .field("offline", .bool, .required)
            .field("at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .field("phone_at", .datetime)
            .field("device", .string)
            .field("sequence", .int)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("distance", .double)
            .field("flags", .string, .required)
            .unique(on: "user_id", "device", "sequence")
            .create()
        try await database.schema(PatrolObservation.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("checkpoint_id", .uuid, .required, .references(PatrolCheckpoint.schema, "id", onDelete: .cascade))
            .field("round_id", .uuid, .references(PatrolRound.schema, "id", onDelete: .setNull))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("user_name", .string, .required)
            .field("at", .datetime, .required)
            .field("text", .string, .required)
            .field("photo_type", .string)
            .field("photo", .data)
            .field("incident_id", .uuid, .references("incidents", "id", onDelete: .setNull))
            .create()
        let indexes = [
            "CREATE INDEX patrol_routes_unit ON patrol_routes (unit_id, name)",
            "CREATE INDEX patrol_routes_area ON patrol_routes (area_path)",
            "CREATE INDEX patrol_checkpoints_route ON patrol_checkpoints (route_id, position)",
            "CREATE INDEX patrol_rounds_unit ON patrol_rounds (unit_id, starts_at)",
            "CREATE INDEX patrol_rounds_area ON patrol_rounds (area_path, starts_at)",
            "CREATE INDEX patrol_scans_round ON patrol_scans (round_id, at)",
            "CREATE INDEX patrol_scans_unit ON patrol_scans (unit_id, received_at)",
            "CREATE INDEX patrol_observations_unit ON patrol_observations (unit_id, at)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            PatrolObservation.schema, PatrolScan.schema, PatrolRound.schema, PatrolCheckpoint.schema,
            PatrolRoute.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
