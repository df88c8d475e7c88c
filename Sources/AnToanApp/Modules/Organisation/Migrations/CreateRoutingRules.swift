import Fluent
import SQLKit

struct CreateRoutingRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("routing_rules")
            .id()
            .field("purpose", .string, .required)
            .field("unit_kind", .string)
            .field("area_path", .string)
            .field("area_id", .uuid, .references("areas", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.sql.raw("CREATE INDEX routing_rules_purpose ON routing_rules (purpose, area_path)").run()
        try await database.schema("routing_rule_steps")
            .id()
            .field("position", .int, .required)
            .field("rule_id", .uuid, .required, .references("routing_rules", "id", onDelete: .cascade))
            .field("body_id", .uuid, .required, .references("supervising_bodies", "id"))
            .unique(on: "rule_id", "position")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("routing_rule_steps").delete()
        try await database.schema("routing_rules").delete()
    }
}
