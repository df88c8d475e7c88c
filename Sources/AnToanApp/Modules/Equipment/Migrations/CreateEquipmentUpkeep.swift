import Fluent
import SQLKit

/// Inspections and upkeep (EQ-3): each unit's own intervals, each item's next due date per upkeep, the checks done
/// (with their photos apart), the corrective actions of failed checks, the reminders sent (unique per item, upkeep,
/// due date and stage) and each unit's counts for the oversight page (with the unit's name, so that a page of it is one
/// indexed read of one table). Days are Julian day numbers.
struct CreateEquipmentUpkeep: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(EquipmentSchedule.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("area_path", areaPath, .required)
            .field("kind", .string, .required)
            .field("upkeep", .string, .required)
            .field("interval_days", .int, .required)
            .field("updated_by_name", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("equipment_dues")
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("upkeep", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("area_path", areaPath, .required)
            .field("category", .string, .required)
            .field("kind", .string, .required)
            .field("due_day", .int, .required)
            .field("last_day", .int)
            .create()
        try await database.schema(EquipmentCheck.schema)
            .id()
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("area_path", areaPath, .required)
            .field("category", .string, .required)
            .field("upkeep", .string, .required)
            .field("done_day", .int, .required)
            .field("checked_at", .datetime, .required)
            .field("checker_id", .uuid, .required)
            .field("checker_name", .string, .required)
            .field("failed_points", .string, .required)
            .field("passed", .bool, .required)
            .field("note", .string, .required)
            .field("has_photo", .bool, .required)
            .create()
        try await database.schema(EquipmentCheckPhoto.schema)
            .id()
            .field("check_id", .uuid, .required, .references(EquipmentCheck.schema, "id", onDelete: .cascade))
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("bytes", .data, .required)
            .create()
        try await database.schema(CorrectiveAction.schema)
            .id()
            .field("check_id", .uuid, .required, .references(EquipmentCheck.schema, "id", onDelete: .cascade))
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("area_path", areaPath, .required)
            .field("text", .string, .required)
            .field("owner_staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("owner_name", .string, .required)
            .field("owner_account_id", .uuid)
            .field("deadline_day", .int, .required)
            .field("status", .string, .required)
            .field("done_at", .datetime)
            .field("done_note", .string)
            .field("done_by_name", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("equipment_reminders")
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("upkeep", .string, .required)
            .field("due_day", .int, .required)
            .field("stage", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("notified_at", .datetime)
            .create()
        try await database.schema("equipment_unit_upkeep")
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("area_path", areaPath, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("overdue_checks", .int, .required)
            .field("overdue_maintenance", .int, .required)
            .field("expired_permits", .int, .required)
            .field("overdue_actions", .int, .required)
            .field("open_actions", .int, .required)
            .field("lost", .int, .required)
            .field("problems", .int, .required)
            .field("computed_day", .int, .required)
            .create()
        let indexes = [
            "CREATE UNIQUE INDEX equipment_schedules_key ON equipment_schedules (unit_id, kind, upkeep)",
            "CREATE UNIQUE INDEX equipment_dues_key ON equipment_dues (item_id, upkeep)",
            "CREATE INDEX equipment_dues_unit ON equipment_dues (unit_id, due_day)",
            "CREATE INDEX equipment_dues_area ON equipment_dues (area_path, due_day)",
            "CREATE INDEX equipment_checks_item ON equipment_checks (item_id, upkeep, done_day)",
            "CREATE INDEX equipment_checks_unit ON equipment_checks (unit_id, done_day)",
            "CREATE UNIQUE INDEX equipment_check_photos_check ON equipment_check_photos (check_id)",
            "CREATE INDEX equipment_actions_unit ON equipment_actions (unit_id, status, deadline_day)",
            "CREATE INDEX equipment_actions_check ON equipment_actions (check_id)",
            "CREATE INDEX equipment_actions_item ON equipment_actions (item_id)",
            "CREATE INDEX equipment_actions_owner ON equipment_actions (owner_staff_id)",
            "CREATE UNIQUE INDEX equipment_reminders_key ON equipment_reminders (item_id, upkeep, due_day, stage)",
            "CREATE INDEX equipment_reminders_pending ON equipment_reminders (unit_id) WHERE notified_at IS NULL",
            "CREATE UNIQUE INDEX equipment_unit_upkeep_unit ON equipment_unit_upkeep (unit_id)",
            "CREATE INDEX equipment_unit_upkeep_area ON equipment_unit_upkeep (area_path, problems)",
            "CREATE INDEX equipment_unit_upkeep_name ON equipment_unit_upkeep (name_folded) WHERE problems > 0",
            // the oversight's lost items of a unit, and the due job's items still in service
            "CREATE INDEX equipment_items_unit_status ON equipment_items (unit_id, status)",
            // the oversight's lost items over an area: a few rows of one status, by the area's prefix
            "CREATE INDEX equipment_items_status_area ON equipment_items (status, area_path)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in ["equipment_items_unit_status", "equipment_items_status_area"] {
            let _: Void = try await database.sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
        for schema in [
            "equipment_unit_upkeep", "equipment_reminders", CorrectiveAction.schema, EquipmentCheckPhoto.schema,
            EquipmentCheck.schema, "equipment_dues", EquipmentSchedule.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
