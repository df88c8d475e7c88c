import Fluent
import SQLKit

struct CreateAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("areas")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("path", .string, .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("successor_id", .uuid)
            .field("parent_id", .uuid, .references("areas", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.sql.raw("CREATE INDEX areas_path ON areas (path)").run()
        try await database.schema("area_events")
            .id()
            .field("kind", .string, .required)
            .field("effective_date", .string, .required)
            .field("summary", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("area_events").delete()
        try await database.schema("areas").delete()
    }
}

struct CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("enterprise_size", .string)
            .field("school_level", .string)
            .field("address", .string, .required)
            .field("phone", .string)
            .field("email", .string)
            .field("head_name", .string)
            .field("flags", .string, .required)
            .field("area_path", .string, .required)
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("parent_id", .uuid, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.sql.raw("CREATE INDEX units_area_path ON units (area_path)").run()
        try await database.sql.raw("CREATE INDEX units_name_folded ON units (name_folded)").run()
        try await database.sql.raw("CREATE INDEX units_parent ON units (parent_id)").run()
        try await database.schema("unit_area_periods")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("valid_from", .string)
            .field("valid_to", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_area_periods").delete()
        try await database.schema("units").delete()
    }
}

struct CreateSupervisingBodies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("supervising_bodies")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("area_path", .string, .required)
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("reports_to_id", .uuid, .references("supervising_bodies", "id"))
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("supervising_bodies").delete()
    }
}

struct CreateSites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sites")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .unique(on: "unit_id", "code")
            .create()
        try await database.schema("security_systems")
            .id()
            .field("kind", .string, .required)
            .field("count", .int, .required)
            .field("status", .string, .required)
            .field("last_check", .string)
            .field("site_id", .uuid, .required, .references("sites", "id", onDelete: .cascade))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("security_systems").delete()
        try await database.schema("sites").delete()
    }
}

struct CreateStaff: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("staff")
            .id()
            .field("code", .string)
            .field("full_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("position", .string, .required)
            .field("phone", .string)
            .field("email", .string)
            .field("is_leader", .bool, .required)
            .field("status", .string, .required)
            .field("identity_number", .string)
            .field("user_id", .uuid)
            .field("area_path", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("department_id", .uuid, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.sql.raw("CREATE INDEX staff_unit ON staff (unit_id)").run()
        try await database.sql.raw("CREATE INDEX staff_area_path_name ON staff (area_path, name_folded)").run()
        try await database.sql.raw("CREATE INDEX staff_name_folded ON staff (name_folded)").run()
        try await database.schema("force_memberships")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("force", .string, .required)
            .field("role", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("certificate_number", .string)
            .field("due_date", .string)
            .field("staff_id", .uuid, .required, .references("staff", "id", onDelete: .cascade))
            .create()
        try await database.sql.raw("CREATE INDEX force_memberships_unit ON force_memberships (unit_id, due_date)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("force_memberships").delete()
        try await database.schema("staff").delete()
    }
}
