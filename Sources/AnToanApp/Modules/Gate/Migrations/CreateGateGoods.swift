import Fluent
import SQLKit

/// Goods and vehicles at the gate: the staff each unit names to approve goods release notes, the notes, and the
/// vehicle log. A plate can be inside a unit once: a partial unique index (SQLite and PostgreSQL both have them)
/// holds where two check-ins race.
struct CreateGateGoods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(ReleaseApprover.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("added_at", .datetime, .required)
            .field("added_by_name", .string, .required)
            .unique(on: "unit_id", "staff_id")
            .create()
        try await database.schema(ReleaseNote.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("carrier_name", .string, .required)
            .field("carrier_document", .string, .required)
            .field("vehicle_plate", .string, .required)
            .field("items", .string, .required)
            .field("reason", .string, .required)
            .field("expected_on", .string, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_by_staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("refusal_reason", .string)
            .field("released_at", .datetime)
            .field("released_by_name", .string)
            .field("purged_at", .datetime)
            .create()
        try await database.schema(VehiclePass.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("plate", .string, .required)
            .field("plate_key", .string, .required)
            .field("driver_name", .string, .required)
            .field("purpose", .string, .required)
            .field("kind", .string, .required)
            .field("visit_id", .uuid, .references("gate_visits", "id", onDelete: .setNull))
            .field("checked_in_at", .datetime, .required)
            .field("checked_in_by_name", .string, .required)
            .field("checked_out_at", .datetime)
            .field("checked_out_by_name", .string)
            .field("purged_at", .datetime)
            .create()
        let indexes = [
            "CREATE INDEX gate_release_notes_unit ON gate_release_notes (unit_id, expected_on)",
            "CREATE INDEX gate_release_notes_area ON gate_release_notes (area_path, created_at)",
            "CREATE INDEX gate_release_notes_released ON gate_release_notes (unit_id, released_at)",
            "CREATE INDEX gate_release_notes_purge ON gate_release_notes (purged_at, created_at)",
            "CREATE INDEX gate_vehicle_passes_unit ON gate_vehicle_passes (unit_id, checked_in_at)",
            "CREATE INDEX gate_vehicle_passes_area ON gate_vehicle_passes (area_path, checked_in_at)",
            "CREATE INDEX gate_vehicle_passes_out ON gate_vehicle_passes (unit_id, checked_out_at)",
            "CREATE INDEX gate_vehicle_passes_purge ON gate_vehicle_passes (purged_at, checked_in_at)",
            "CREATE UNIQUE INDEX gate_vehicle_passes_inside ON gate_vehicle_passes (unit_id, plate_key) "
                + "WHERE checked_out_at IS NULL",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [VehiclePass.schema, ReleaseNote.schema, ReleaseApprover.schema] {
            try await database.schema(schema).delete()
        }
    }
}
