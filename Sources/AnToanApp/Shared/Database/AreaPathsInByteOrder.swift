import Fluent
import SQLKit

/// Area paths compare byte by byte on PostgreSQL, as they do on SQLite. Scopes select by path prefix
/// (`area_path LIKE '/99/99004/%'`), and PostgreSQL walks an index for a prefix only under the "C"
/// collation; a database made in any other locale (Debian's default C.UTF-8 among them) read every staff
/// row of the province for one commune's list. Lists sorted by path now sort as on SQLite, too.
struct AreaPathsInByteOrder: AsyncMigration {
    /// The columns that held an area path when this ran; a later one is made in "C" by its own migration.
    static let columns = [
        ("areas", "path"),
        ("units", "area_path"),
        ("staff", "area_path"),
        ("users", "area_path"),
        ("supervising_bodies", "area_path"),
        ("routing_rules", "area_path"),
        ("peak_periods", "area_path"),
    ]

    func prepare(on database: any Database) async throws {
        guard let collation = database.byteOrderCollation else { return }
        try await collate(collation, on: database)
    }

    func revert(on database: any Database) async throws {
        guard database.byteOrderCollation != nil else { return }
        try await collate(#""default""#, on: database)
    }

    /// Changing a column's collation rebuilds the indexes on it.
    private func collate(_ collation: String, on database: any Database) async throws {
        for (table, column) in Self.columns {
            let _: Void = try await database.sql.raw(
                "ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) TYPE TEXT COLLATE \(unsafeRaw: collation)"
            ).run()
        }
    }
}
