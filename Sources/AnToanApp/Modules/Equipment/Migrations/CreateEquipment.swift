import Fluent
import SQLKit

/// The equipment registry: items (numbered or counted) and their permits. A serial is unique among a unit's items
/// of one kind (a partial unique index: SQLite and PostgreSQL both have them), which the import matches on.
struct CreateEquipment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let areaPath = DatabaseSchema.DataType.sql(unsafeRaw: "TEXT\(collate)")
        try await database.schema(EquipmentItem.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("category", .string, .required)
            .field("kind", .string, .required)
            .field("label", .string, .required)
            .field("brand_model", .string, .required)
            .field("serial", .string)
            .field("capacity", .string, .required)
            .field("owner", .string, .required)
            .field("site_id", .uuid, .references("sites", "id", onDelete: .setNull))
            .field("place", .string, .required)
            .field("post", .string)
            .field("status", .string, .required)
            .field("quantity", .int, .required)
            .field("min_stock", .int, .required)
            .field("measure", .string, .required)
            .field("commissioned_on", .string)
            .field("notes", .string, .required)
            .field("search_folded", .string, .required)
            .field("holder_staff_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(EquipmentPermit.schema)
            .id()
            .field("item_id", .uuid, .required, .references(EquipmentItem.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", areaPath, .required)
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("issuer", .string, .required)
            .field("issued_on", .string, .required)
            .field("valid_until", .string)
            .field("created_at", .datetime, .required)
            .create()
        let indexes = [
            "CREATE INDEX equipment_items_unit ON equipment_items (unit_id, category, kind)",
            "CREATE INDEX equipment_items_area ON equipment_items (area_path, category)",
            "CREATE INDEX equipment_items_post ON equipment_items (unit_id, post)",
            "CREATE INDEX equipment_items_holder ON equipment_items (holder_staff_id)",
            "CREATE INDEX equipment_items_site ON equipment_items (site_id)",
            "CREATE UNIQUE INDEX equipment_items_serial ON equipment_items (unit_id, kind, serial) "
                + "WHERE serial IS NOT NULL",
            "CREATE INDEX equipment_permits_item ON equipment_permits (item_id)",
            "CREATE INDEX equipment_permits_expiry ON equipment_permits (area_path, valid_until)",
            "CREATE INDEX equipment_permits_unit ON equipment_permits (unit_id, valid_until)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [EquipmentPermit.schema, EquipmentItem.schema] {
            try await database.schema(schema).delete()
        }
    }
}
