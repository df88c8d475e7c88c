import Fluent
import SQLKit
import Testing
import Vapor

@testable import AnToanApp

@Suite("Migrations")
struct MigrationTests {
    @Test("migrate, revert all, migrate again: every table and index goes and comes back", arguments: Lane.all)
    func roundTrip(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the app migrated at boot and holds data
            try await Fixtures.user("nguoi_dung", role: .administrator, scope: .everything, on: app.db)
            #expect(try await User.query(on: app.db).count() == 1)
            let migrated = try await Self.schemaObjects(app.db)
            #expect(migrated.tables.isSuperset(of: ["users", "audit_entries", "units", "staff", "rosters"]))
            // when
            try await app.autoRevert()
            // then: no table or index of ours is left
            let reverted = try await Self.schemaObjects(app.db)
            #expect(reverted.tables.isEmpty, "left after revert: \(reverted.tables.sorted())")
            #expect(reverted.indexes.isEmpty, "left after revert: \(reverted.indexes.sorted())")
            // when
            try await app.autoMigrate()
            // then: the same tables and indexes, empty and usable, the audit head back at the start of the chain
            let again = try await Self.schemaObjects(app.db)
            #expect(again.tables == migrated.tables)
            #expect(again.indexes == migrated.indexes)
            #expect(try await User.query(on: app.db).count() == 0)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 0))
            try await Fixtures.user("nguoi_dung", role: .administrator, scope: .everything, on: app.db)
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    /// The tables and indexes of the schema, but Fluent's own bookkeeping and the database's internal ones.
    static func schemaObjects(_ db: any Database) async throws -> (tables: Set<String>, indexes: Set<String>) {
        let sql = db.sql
        func names(_ query: String) async throws -> Set<String> {
            Set(try await sql.raw(SQLQueryString(query)).all().map { try $0.decode(column: "name", as: String.self) })
        }
        let tables: Set<String>
        let indexes: Set<String>
        if sql.dialect.name == "sqlite" {
            tables = try await names("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            indexes = try await names(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'"
            )
        } else {
            tables = try await names(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
            indexes = try await names(
                "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '_fluent_migrations'"
            )
        }
        return (tables.subtracting(["_fluent_migrations"]), indexes)
    }

    @Test(
        "on PostgreSQL every area path compares byte by byte, so a scope's prefix can walk an index in any locale",
        arguments: Lane.all.filter { $0 == .postgres }
    )
    func areaPathsInByteOrder(lane: Lane) async throws {
        try await withApp(lane) { app in
            // when
            let columns = try await app.db.sql.raw(
                """
                SELECT table_name, column_name, collation_name FROM information_schema.columns \
                WHERE table_schema = current_schema() AND column_name LIKE '%path'
                """
            ).all().map { row in
                (
                    try row.decode(column: "table_name", as: String.self) + "."
                        + row.decode(column: "column_name", as: String.self),
                    try row.decode(column: "collation_name", as: String?.self)
                )
            }
            // then: every path column is in the "C" collation, those the migration changed among them
            #expect(Set(columns.map(\.0)).isSuperset(of: AreaPathsInByteOrder.columns.map { "\($0).\($1)" }))
            #expect(columns.filter { $0.1 != "C" }.isEmpty, "not in byte order: \(columns.filter { $0.1 != "C" })")
        }
    }

    @Test("every migration is in the registry once")
    func registryHasNoDuplicates() {
        let names = MigrationRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
    }
}
