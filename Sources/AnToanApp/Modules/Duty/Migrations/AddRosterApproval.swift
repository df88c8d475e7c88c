import Fluent

/// Trình ký: a unit may require its head's approval before a roster is published; a returned roster keeps
/// the head's reason.
struct AddRosterApproval: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DutySetup.schema)
            .field("approval_required", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema(Roster.schema).field("return_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Roster.schema).deleteField("return_reason").update()
        try await database.schema(DutySetup.schema).deleteField("approval_required").update()
    }
}
