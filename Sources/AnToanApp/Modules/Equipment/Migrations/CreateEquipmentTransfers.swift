import Fluent
import SQLKit

/// Receipts from suppliers and issues to departments or forces (EQ-4), with their papers.
struct CreateEquipmentTransfers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(EquipmentTransfer.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("direction", .string, .required)
            .field("on_day", .string, .required)
            .field("counterpart", .string, .required)
            .field("department_id", .uuid, .references("units", "id", onDelete: .setNull))
            .field("receiver_name", .string, .required)
            .field("document_number", .string, .required)
            .field("lines", .string, .required)
            .field("stock_item_id", .uuid, .references(EquipmentItem.schema, "id", onDelete: .setNull))
            .field("stock_quantity", .int, .required)
            .field("notes", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EquipmentTransferDocument.schema)
            .id()
            .field(
                "transfer_id",
                .uuid,
                .required,
                .references(EquipmentTransfer.schema, "id", onDelete: .cascade)
            )
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("bytes", .data, .required)
            .create()
        let indexes = [
            "CREATE INDEX equipment_transfers_unit ON equipment_transfers (unit_id, on_day)",
            "CREATE INDEX equipment_transfers_area ON equipment_transfers (area_path, on_day)",
            "CREATE INDEX equipment_transfers_stock ON equipment_transfers (stock_item_id)",
            "CREATE INDEX equipment_transfers_department ON equipment_transfers (department_id)",
            "CREATE INDEX equipment_transfer_documents_transfer ON equipment_transfer_documents (transfer_id)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [EquipmentTransferDocument.schema, EquipmentTransfer.schema] {
            try await database.schema(schema).delete()
        }
    }
}
