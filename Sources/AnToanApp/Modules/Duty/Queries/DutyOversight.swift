import AnToanCore
import Fluent
import Foundation

/// Which units lack a leader or enough officers on duty — now, tonight and on the next holiday or peak day —
/// comparing each shift's staffing (set-up, days off, peak periods, key-target profile) with the seats of the
/// published rosters. A unit with no duty set-up lacks everything.
enum DutyOversight {
    enum Window: String, Codable, Sendable, CaseIterable {
        case now
        case tonight
        case nextHolidayOrPeak = "next_holiday_or_peak"
    }

    struct Gap: Codable, Sendable, Equatable {
        var window: Window
        var date: String
        var post: String
        var shift: String
        var role: String
        var required: Int
        var rostered: Int
    }

    /// Someone on a shift under way who has not checked in past the grace.
    struct Absence: Codable, Sendable, Equatable {
        var name: String
        var post: String
        var shift: String
        var role: String
        var startsAt: Date
    }

    struct UnitCover: Sendable {
        var unitID: UUID
        var code: String
        var name: String
        var noSetup: Bool
        var gaps: [Gap]
        var notCheckedIn: [Absence] = []
    }

    /// Looks this far ahead for the next holiday or peak day.
    static let horizonDays = 60

    /// The units in `scope` that lack cover at `at`, in name order; covered units are left out.
    /// Who has not checked in is told only for `at` up to `now`: a check-in still to come is not missing.
    static func gaps(in scope: Scope, at: Date, now: Date, on db: any Database) async throws -> [UnitCover] {
        let today = VietnamTime.day(of: at)
        let units = try await OrganisationQueries.units(in: scope, on: db).filter(\.$parent.$id == nil)
            .sort(\.$nameFolded).all()
        let ids = units.compactMap(\.id)
        var setups: [UUID: [DutyPost]] = [:]
        for chunk in SQLBatch.chunks(ids) {
            for setup in try await DutySetup.query(on: db).filter(\.$unitID ~~ chunk).all() {
                setups[setup.unitID] = try setup.decodedPosts()
            }
        }
        let horizon = today.adding(days: horizonDays)
        let daysOff = try await DutyCalendar.daysOff(from: today.adding(days: -1), to: horizon, on: db)
        let peaks = try await PeakPeriodRecord.query(on: db).filter(\.$endDate >= today.iso)
            .filter(\.$startDate <= horizon.iso).all().compactMap(\.peakPeriod)
        let absences = at <= now ? try await notCheckedIn(units: ids, at: at, on: db) : [:]
        var result: [UnitCover] = []
        for unit in units {
            guard let id = unit.id, let area = AreaPath(unit.areaPath) else { continue }
            guard let posts = setups[id] else {
                result.append(UnitCover(unitID: id, code: unit.code, name: unit.name, noSetup: true, gaps: []))
                continue
            }
            let unitPeaks = peaks.filter { $0.applies(to: area) }
            let next = (1...horizonDays).map { today.adding(days: $0) }.first { day in
                daysOff.contains(day) || unitPeaks.contains { $0.covers(day) }
            }
            let setup = DutyUnit(area: area, keyTargets: Set(unit.keyTargetFlags), posts: posts)
            var slots: [(Window, SolarDate, DutyPost, DutyShift)] = []
            for post in posts {
                for shift in post.pattern.shifts {
                    for day in [today.adding(days: -1), today] {
                        let start = VietnamTime.instant(day, minutes: shift.startMinute ?? 0)
                        if start <= at, at < start.addingTimeInterval(shift.hours * 3600) {
                            slots.append((.now, day, post, shift))
                        }
                    }
                    if shift.isNight { slots.append((.tonight, today, post, shift)) }
                    if let next { slots.append((.nextHolidayOrPeak, next, post, shift)) }
                }
            }
            let days = Set(slots.map(\.1))
            let demand = try need(of: setup, on: days, daysOff: daysOff, peaks: unitPeaks)
            let rostered = try await seats(of: id, on: days, on: db)
            var gaps: [Gap] = []
            for (window, day, post, shift) in slots {
                let key = Slot(date: day.iso, post: post.id, shift: shift.id)
                let required = demand[key] ?? .zero
                let seated = rostered[key] ?? .zero
                for (role, need, have) in [
                    ("leader", required.leaders, seated.leaders), ("officer", required.officers, seated.officers),
                ] where have < need {
                    gaps.append(
                        Gap(
                            window: window,
                            date: day.iso,
                            post: post.id,
                            shift: shift.id,
                            role: role,
                            required: need,
                            rostered: have
                        )
                    )
                }
            }
            let missing = absences[id] ?? []
            if !gaps.isEmpty || !missing.isEmpty {
                result.append(
                    UnitCover(
                        unitID: id,
                        code: unit.code,
                        name: unit.name,
                        noSetup: false,
                        gaps: gaps,
                        notCheckedIn: missing
                    )
                )
            }
        }
        return result
    }

    /// Per unit, the people on published seats under way at `at` who have not checked in past the grace.
    private static func notCheckedIn(units: [UUID], at: Date, on db: any Database) async throws -> [UUID: [Absence]] {
        var seats: [RosterSeat] = []
        for chunk in SQLBatch.chunks(units) {
            seats += try await RosterSeat.query(on: db).filter(\.$unitID ~~ chunk)
                .filter(\.$startsAt <= at.addingTimeInterval(-DutyWatch.rule.grace)).filter(\.$endsAt > at)
                .filter(\.$startsAt > at.addingTimeInterval(-2 * 86_400)).all()
        }
        seats = try await DutyWatch.published(seats, on: db)
        var checked: Set<UUID> = []
        for chunk in SQLBatch.chunks(seats.compactMap(\.id)) {
            checked.formUnion(try await DutyCheckIn.query(on: db).filter(\.$seatID ~~ chunk).all().map(\.seatID))
        }
        let missing = seats.filter { $0.id.map { !checked.contains($0) } ?? false }
        let names = try await OrganisationQueries.staffNames(Set(missing.map(\.staffID)), on: db)
        return Dictionary(grouping: missing, by: \.unitID).mapValues { seats in
            seats.map {
                Absence(
                    name: names[$0.staffID] ?? "",
                    post: $0.post,
                    shift: $0.shift,
                    role: $0.role,
                    startsAt: $0.startsAt
                )
            }
        }
    }

    private struct Slot: Hashable {
        var date: String
        var post: String
        var shift: String
    }

    /// The staffing each shift of each post needs on `days`, as the roster generator would ask for it.
    private static func need(
        of unit: DutyUnit,
        on days: Set<SolarDate>,
        daysOff: Set<SolarDate>,
        peaks: [PeakPeriod]
    ) throws -> [Slot: StaffCount] {
        var need: [Slot: StaffCount] = [:]
        for day in days {
            let instance = try DutyRosterBuilder.instance(
                DutyRosterInput(unit: unit, staff: [], start: day, days: 1, holidays: daysOff, peaks: peaks)
            )
            // The every-day entries first; an entry dated this day replaces its every-day entry.
            for entry in instance.demand.sorted(by: { ($0.date == nil ? 0 : 1) < ($1.date == nil ? 0 : 1) }) {
                need[Slot(date: day.iso, post: entry.post ?? "", shift: entry.shift)] = StaffCount(
                    leaders: entry.leader ?? 0,
                    officers: entry.officer ?? 0
                )
            }
        }
        return need
    }

    /// Leaders and officers on the unit's published rosters, per day, post and shift.
    private static func seats(
        of unitID: UUID,
        on days: Set<SolarDate>,
        on db: any Database
    ) async throws
        -> [Slot: StaffCount]
    {
        var counts: [Slot: StaffCount] = [:]
        for seat in try await RosterService.publishedSeats(of: unitID, on: Array(days), on: db) {
            let key = Slot(date: seat.date, post: seat.post ?? "", shift: seat.shift)
            var count = counts[key] ?? .zero
            if seat.role == "leader" { count.leaders += 1 } else { count.officers += 1 }
            counts[key] = count
        }
        return counts
    }
}
