import Fluent
import SQLKit

/// How many records a background import changed, beside how many it created (a staff export imported again).
struct AddImportJobUpdated: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("import_jobs")
            .field("updated", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("import_jobs").deleteField("updated").update()
    }
}
