import Fluent

/// The set-up's posts as a roster was made from them, so a post added or a shift changed later marks the
/// roster out of date.
struct AddRosterSetupSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Roster.schema).field("setup_posts", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Roster.schema).deleteField("setup_posts").update()
    }
}
