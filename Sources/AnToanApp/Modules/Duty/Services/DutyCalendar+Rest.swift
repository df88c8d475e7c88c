import AnToanCore
import Fluent
import Foundation
import Vapor

/// A unit's weekly rest days and the days off they give it.
extension DutyCalendar {
    /// The unit's rest days: what it chose, or the standard for its kind; `chosen` says which.
    static func weeklyRest(of unit: OrgUnit, on db: any Database) async throws -> (rest: WeeklyRest, chosen: Bool) {
        let unitID = try unit.requireID()
        if let row = try await UnitRestDays.query(on: db).filter(\.$unitID == unitID).first(),
            let rest = WeeklyRest(rawValue: row.weeklyRest)
        {
            return (rest, true)
        }
        return (WeeklyRest.standard(for: UnitKind(rawValue: unit.kind)), false)
    }

    /// The rest days of many units in one query (a page of units, oversight): what each chose, or the standard
    /// for its kind. `units` are the units' ids with their `kind`.
    static func weeklyRests(
        of units: [(id: UUID, kind: String)],
        on db: any Database
    ) async throws
        -> [UUID: WeeklyRest]
    {
        guard !units.isEmpty else { return [:] }
        var chosen: [UUID: WeeklyRest] = [:]
        for row in try await UnitRestDays.query(on: db).filter(\.$unitID ~~ units.map(\.id)).all() {
            chosen[row.unitID] = WeeklyRest(rawValue: row.weeklyRest)
        }
        var rests: [UUID: WeeklyRest] = [:]
        for unit in units {
            rests[unit.id] = chosen[unit.id] ?? WeeklyRest.standard(for: UnitKind(rawValue: unit.kind))
        }
        return rests
    }

    /// A unit's days off in `year`: the year's schedule with its compensatory days worked out for `rest`.
    static func daysOff(year: Int, rest: WeeklyRest, on db: any Database) async throws -> [Holiday] {
        let schedule = try await daysOff(year: year, on: db).compactMap { day -> Holiday? in
            guard let date = SolarDate(iso: day.date) else { return nil }
            return Holiday(
                date: date,
                nameVi: day.name,
                nameEn: day.name,
                kind: Holiday.Kind(rawValue: day.kind) ?? .custom
            )
        }
        return HolidayCalendar.daysOff(schedule: schedule, weeklyRestDays: rest.days)
    }

    /// A unit's days off between `from` and `to`, inclusive, across the years they span.
    static func daysOff(
        from: SolarDate,
        to: SolarDate,
        rest: WeeklyRest,
        on db: any Database
    ) async throws
        -> Set<SolarDate>
    {
        var days: Set<SolarDate> = []
        for year in from.year...to.year {
            for day in try await daysOff(year: year, rest: rest, on: db) where from <= day.date && day.date <= to {
                days.insert(day.date)
            }
        }
        return days
    }

    /// Sets the unit's rest days ("" or nil: back to the standard for its kind), audited in the same transaction.
    static func setWeeklyRest(_ value: String?, of unit: OrgUnit, by actor: Principal, on req: Request) async throws {
        var checker = FieldChecker()
        let text = (value ?? "").trimmingCharacters(in: .whitespaces)
        let rest = text.isEmpty ? nil : checker.choice("weekly_rest", text, WeeklyRest.self)
        try checker.check()
        let unitID = try unit.requireID()
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await db.lockKey("unit-rest-days:\(unitID)")
            let row = try await UnitRestDays.query(on: db).filter(\.$unitID == unitID).first()
            let before = row?.weeklyRest ?? ""
            guard before != (rest?.rawValue ?? "") else { return }
            if let rest, let row {
                row.weeklyRest = rest.rawValue
                try await row.persist(on: db)
            } else if let rest {
                try await UnitRestDays(unitID: unitID, weeklyRest: rest).insert(on: db)
            } else if let row {
                try await row.remove(on: db)
            }
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "unit_rest_days",
                entityID: unitID.uuidString,
                before: ["weekly_rest": before, "unit": unit.name],
                after: ["weekly_rest": rest?.rawValue ?? "", "unit": unit.name],
                now: now
            )
        }
    }
}
