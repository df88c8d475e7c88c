import Fluent
import SQLKit

/// The job runner's table: one-off jobs and each occurrence of a recurring one, claimed by any node with a lease.
struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("run_at", .datetime, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("lease_until", .datetime)
            .field("locked_by", .string)
            .field("last_error", .string)
            .field("key", .string)
            .field("open_key", .string)
            .field("schedule", .string)
            .field("finished_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "open_key", name: "jobs_open_key")
            .create()
        // The runner's claim: unfinished jobs by the time they are due.
        let _: Void = try await database.sql.raw("CREATE INDEX jobs_due ON jobs (state, run_at)").run()
    }

    func revert(on database: any Database) async throws {
        let _: Void = try await database.sql.raw("DROP INDEX jobs_due").run()
        try await database.schema("jobs").delete()
    }
}
