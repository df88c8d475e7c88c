import Fluent

/// Background imports: status, progress and the problems found, read by the job page on any node.
struct CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs")
            .id()
            .field("kind", .string, .required)
            .field("filename", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("total", .int, .required)
            .field("done", .int, .required)
            .field("created", .int, .required)
            .field("problem_count", .int, .required)
            .field("problems", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_jobs").delete()
    }
}
