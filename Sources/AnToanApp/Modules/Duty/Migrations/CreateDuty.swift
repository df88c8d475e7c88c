import Fluent
import SQLKit

/// Holidays, peak periods, duty set-ups, rosters and their seats.
struct CreateDuty: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HolidayDay.schema)
            .id()
            .field("year", .int, .required)
            .field("date", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("confirmed", .bool, .required)
            .unique(on: "date")
            .create()
        try await database.schema(PeakPeriodRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("area_path", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("extra_leaders", .int, .required)
            .field("extra_officers", .int, .required)
            .field("declared_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await database.schema(DutySetup.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("posts", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "unit_id")
            .create()
        try await database.schema(Roster.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("status", .string, .required)
            .field("seed", .int, .required)
            .field("hard_violations", .int, .required)
            .field("open_seats", .int, .required)
            .field("report", .string, .required)
            .field("published_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(RosterSeat.schema)
            .id()
            .field("roster_id", .uuid, .required, .references(Roster.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required)
            .field("date", .string, .required)
            .field("shift", .string, .required)
            .field("post", .string, .required)
            .field("role", .string, .required)
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .create()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX peak_periods_dates ON peak_periods (end_date, start_date)"
        )
        .run()
        let _: Void = try await database.sql.raw("CREATE INDEX rosters_unit ON rosters (unit_id, status, start_date)")
            .run()
        let _: Void = try await database.sql.raw("CREATE INDEX roster_seats_roster ON roster_seats (roster_id, date)")
            .run()
        let _: Void = try await database.sql.raw("CREATE INDEX roster_seats_unit ON roster_seats (unit_id, starts_at)")
            .run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX roster_seats_staff ON roster_seats (staff_id, starts_at)"
        )
        .run()
    }

    func revert(on database: any Database) async throws {
        for schema in [RosterSeat.schema, Roster.schema, DutySetup.schema, PeakPeriodRecord.schema, HolidayDay.schema] {
            let _: Void = try await database.schema(schema).delete()
        }
    }
}
