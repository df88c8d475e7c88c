import Fluent

/// Signed checkpoints of the audit trail, as the server wrote them.
struct CreateAuditCheckpoints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_checkpoints")
            .id()
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .field("at", .string, .required)
            .field("public_key", .string, .required)
            .field("signature", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_checkpoints").delete()
    }
}
