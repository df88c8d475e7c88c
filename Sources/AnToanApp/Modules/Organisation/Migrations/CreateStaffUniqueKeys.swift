import Fluent
import SQLKit

/// Identity numbers unique among all staff, staff codes unique within a unit, kept by the database itself so that
/// two requests at once cannot both pass the services' check. NULLs (no number, no code) never collide.
struct CreateStaffUniqueKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let _: Void = try await database.sql.raw(
            "CREATE UNIQUE INDEX \(unsafeRaw: StaffUniqueness.identityIndex) ON staff (identity_number)"
        ).run()
        let _: Void = try await database.sql.raw(
            "CREATE UNIQUE INDEX \(unsafeRaw: StaffUniqueness.codeIndex) ON staff (unit_id, code)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        let _: Void = try await database.sql.raw("DROP INDEX \(unsafeRaw: StaffUniqueness.codeIndex)").run()
        let _: Void = try await database.sql.raw("DROP INDEX \(unsafeRaw: StaffUniqueness.identityIndex)").run()
    }
}
