import Fluent
import SQLKit

/// Indexes on the foreign keys that pages read by, or that a delete cascades through. Neither SQLite nor
/// PostgreSQL indexes a foreign key by itself: a unit's page read its sites' security systems by scanning all
/// of them (37,000 rows in the province benchmark, 9 ms of each page view), and a roster page looked for the
/// account's staff record through all 60,000 people.
struct IndexForeignKeys: AsyncMigration {
    /// (index name, table, column).
    static let indexes: [(String, String, String)] = [
        ("security_systems_site", "security_systems", "site_id"),
        ("force_memberships_staff", "force_memberships", "staff_id"),
        ("staff_department", "staff", "department_id"),
        // The staff record an account is linked to: read by home, the duty desk and every roster page.
        ("staff_user", "staff", "user_id"),
        ("units_area", "units", "area_id"),
        ("areas_parent", "areas", "parent_id"),
        ("unit_area_periods_unit", "unit_area_periods", "unit_id"),
        ("user_sessions_user", "user_sessions", "user_id"),
        ("api_tokens_user", "api_tokens", "user_id"),
        ("duty_checkins_staff", "duty_checkins", "staff_id"),
        ("duty_log_entries_seat", "duty_log_entries", "seat_id"),
        ("roster_swaps_seat", "roster_swaps", "seat_id"),
        ("roster_swaps_other_seat", "roster_swaps", "other_seat_id"),
        ("supervising_bodies_area", "supervising_bodies", "area_id"),
        ("peak_periods_area", "peak_periods", "area_id"),
    ]

    func prepare(on database: any Database) async throws {
        for (name, table, column) in Self.indexes {
            let _: Void = try await database.sql.raw(
                "CREATE INDEX \(ident: name) ON \(ident: table) (\(ident: column))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for (name, _, _) in Self.indexes {
            let _: Void = try await database.sql.raw("DROP INDEX \(ident: name)").run()
        }
    }
}
