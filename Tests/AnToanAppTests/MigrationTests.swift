import Fluent
import SQLKit
import Testing
import Vapor

@testable import AnToanApp

@Suite("Migrations")
struct MigrationTests {
    @Test("migrate, revert all, migrate again", arguments: Lane.all)
    func roundTrip(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the app migrated at boot and holds data
            try await Fixtures.user("nguoi_dung", role: .administrator, scope: .everything, on: app.db)
            #expect(try await User.query(on: app.db).count() == 1)
            // when
            try await app.autoRevert()
            // then: no table of ours is left
            await #expect(throws: (any Error).self) { try await User.query(on: app.db).count() }
            // when
            try await app.autoMigrate()
            // then: empty and usable, the audit head back at the start of the chain
            #expect(try await User.query(on: app.db).count() == 0)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 0))
            try await Fixtures.user("nguoi_dung", role: .administrator, scope: .everything, on: app.db)
            #expect(try await User.query(on: app.db).count() == 1)
        }
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
