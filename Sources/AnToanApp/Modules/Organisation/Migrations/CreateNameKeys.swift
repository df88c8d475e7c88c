import Fluent
import SQLKit

/// `name_keys`, filled from the names already in the registry. On PostgreSQL the key compares byte by
/// byte (`COLLATE "C"`) as on SQLite, so the prefix range of `Folding.prefixRange` means the same on both.
struct CreateNameKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        let _: Void = try await database.sql.raw(
            """
            CREATE TABLE name_keys (owner_kind TEXT NOT NULL, owner_id UUID NOT NULL, \
            search_key TEXT\(unsafeRaw: collate) NOT NULL, name_folded TEXT NOT NULL)
            """
        ).run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX name_keys_search ON name_keys (owner_kind, search_key, name_folded, owner_id)"
        ).run()
        let _: Void = try await database.sql.raw("CREATE INDEX name_keys_owner ON name_keys (owner_id)").run()
        // Unit lists walk one of these indexes in page order and stop at the page: PostgreSQL the partial one
        // (it does not take `parent_id IS NULL` as fixing a leading column, and would sort), SQLite the other
        // (its planner prefers sorting to the partial index once the table is analysed).
        let _: Void = try await database.sql.raw(
            "CREATE INDEX units_list ON units (area_path, name_folded, id) WHERE parent_id IS NULL"
        ).run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX units_list_by_parent ON units (parent_id, area_path, name_folded, id)"
        ).run()
        try await NameKeys.write(try await StaffMember.query(on: database).all(), on: database)
        try await NameKeys.write(try await OrgUnit.query(on: database).all(), on: database)
    }

    func revert(on database: any Database) async throws {
        let _: Void = try await database.sql.raw("DROP INDEX units_list").run()
        let _: Void = try await database.sql.raw("DROP INDEX units_list_by_parent").run()
        let _: Void = try await database.sql.raw("DROP TABLE name_keys").run()
    }
}
