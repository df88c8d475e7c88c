import Fluent

struct CreateSetupTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("setup_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("setup_tokens").delete()
    }
}
