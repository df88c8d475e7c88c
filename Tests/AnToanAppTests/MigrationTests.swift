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

    @Test("every migration is in the registry once")
    func registryHasNoDuplicates() {
        let names = MigrationRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
    }
}
