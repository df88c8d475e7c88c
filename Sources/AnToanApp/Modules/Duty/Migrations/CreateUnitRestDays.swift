import Fluent

/// Each unit's weekly rest days (Sunday only, or Saturday and Sunday), one row per unit that has said.
struct CreateUnitRestDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitRestDays.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("weekly_rest", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitRestDays.schema).delete()
    }
}
