import Fluent
import SQLKit

/// Custody of equipment (EQ-2): staff's training certificates, issues and returns, the loss reports and the counts
/// of a post's items at handovers.
struct CreateEquipmentCustody: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(EquipmentCertificate.schema)
            .id()
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("category", .string, .required)
            .field("kind", .string)
            .field("number", .string, .required)
            .field("issuer", .string, .required)
            .field("issued_on", .string, .required)
            .field("valid_until", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EquipmentCustody.schema)
            .id()
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("holder_name", .string, .required)
            .field("quantity", .int, .required)
            .field("reason", .string, .required)
            .field("expected_return_at", .datetime, .required)
            .field("status", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("requested_by_name", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("refusal_reason", .string)
            .field("handed_by_name", .string)
            .field("handed_at", .datetime)
            .field("received_at", .datetime)
            .field("returned_at", .datetime)
            .field("return_condition", .string)
            .field("return_note", .string)
            .field("returned_to_name", .string)
            .field("overdue_notified_at", .datetime)
            .create()
        try await database.schema(EquipmentLossReport.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("item_name", .string, .required)
            .field("missing", .int, .required)
            .field("incident_id", .uuid)
            .field("handover_id", .uuid)
            .field("found_at", .datetime, .required)
            .field("found_by_name", .string, .required)
            .field("head_told_at", .datetime)
            .field("head_told_by", .string)
            .field("police_report_number", .string)
            .field("police_report_on", .string)
            .field("police_reported_by", .string)
            .field("closed_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EquipmentCount.schema)
            .id()
            .field("handover_id", .uuid, .required, .references("duty_handovers", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("side", .string, .required)
            .field("staff_id", .uuid, .required)
            .field("counted_at", .datetime, .required)
            .field("lines", .string, .required)
            .field("missing", .int, .required)
            .unique(on: "handover_id", "side")
            .create()
        let indexes = [
            "CREATE INDEX equipment_certificates_staff ON equipment_certificates (staff_id, category)",
            "CREATE INDEX equipment_certificates_unit ON equipment_certificates (unit_id)",
            "CREATE INDEX equipment_custodies_item ON equipment_custodies (item_id, status)",
            "CREATE INDEX equipment_custodies_unit ON equipment_custodies (unit_id, status, expected_return_at)",
            "CREATE INDEX equipment_custodies_area ON equipment_custodies (area_path, status)",
            "CREATE INDEX equipment_custodies_staff ON equipment_custodies (staff_id, status)",
            "CREATE INDEX equipment_loss_reports_unit ON equipment_loss_reports (unit_id, closed_at)",
            "CREATE INDEX equipment_loss_reports_area ON equipment_loss_reports (area_path, closed_at)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            EquipmentCount.schema, EquipmentLossReport.schema, EquipmentCustody.schema, EquipmentCertificate.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
