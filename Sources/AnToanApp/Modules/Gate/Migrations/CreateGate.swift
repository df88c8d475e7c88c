import Fluent
import SQLKit

/// The gate (GATE-1..4): visits, invitations, the watchlists, each unit's retention rule and the log of reads of visitors'
/// personal data.
struct CreateGate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(Visit.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("full_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("document_type", .string, .required)
            .field("document_number", .string, .required)
            .field("birth_date", .string)
            .field("organisation", .string, .required)
            .field("vehicle_plate", .string, .required)
            .field("items", .string, .required)
            .field("host_staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("host_name", .string, .required)
            .field("purpose", .string, .required)
            .field("badge", .string, .required)
            .field("expected_minutes", .int, .required)
            .field("checked_in_at", .datetime, .required)
            .field("checked_in_by_name", .string, .required)
            .field("checked_out_at", .datetime)
            .field("checked_out_by_name", .string)
            .field("invitation_id", .uuid)
            .field("watch_entry_id", .uuid)
            .field("held", .bool, .required)
            .field("hold_cleared_by_name", .string)
            .field("purged_at", .datetime)
            .create()
        try await database.schema(WatchEntry.schema)
            .id()
            .field("unit_id", .uuid, .references("units", "id", onDelete: .cascade))
            .field("area_path", areaPath, .required)
            .field("document_number", .string)
            .field("full_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("birth_date", .string)
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by_name", .string, .required)
            .field("active", .bool, .required)
            .create()
        try await database.schema(GateSettings.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("retention_days", .int, .required)
            .unique(on: "unit_id")
            .create()
        try await database.schema(VisitorDataRead.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("area_path", areaPath, .required)
            .field("reader_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("reader_name", .string, .required)
            .field("at", .datetime, .required)
            .field("what", .string, .required)
            .field("visit_id", .uuid)
            .field("visitors", .int, .required)
            .create()
        try await database.schema(Invitation.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("area_path", areaPath, .required)
            .field("host_staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("host_name", .string, .required)
            .field("created_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("visitor_name", .string, .required)
            .field("organisation", .string, .required)
            .field("purpose", .string, .required)
            .field("expected_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        let indexes = [
            "CREATE INDEX gate_invitations_unit ON gate_invitations (unit_id, expected_on)",
            "CREATE INDEX gate_visits_unit ON gate_visits (unit_id, checked_in_at)",
            "CREATE INDEX gate_visits_area ON gate_visits (area_path, checked_in_at)",
            "CREATE INDEX gate_visits_inside ON gate_visits (unit_id, checked_out_at)",
            "CREATE INDEX gate_visits_purge ON gate_visits (purged_at, checked_in_at)",
            "CREATE INDEX gate_watch_entries_area ON gate_watch_entries (area_path, active)",
            "CREATE INDEX gate_data_reads_unit ON gate_data_reads (unit_id, at)",
            "CREATE INDEX gate_data_reads_area ON gate_data_reads (area_path, at)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [Invitation.schema, VisitorDataRead.schema, GateSettings.schema, WatchEntry.schema, Visit.schema]
        {
            try await database.schema(schema).delete()
        }
    }
}
