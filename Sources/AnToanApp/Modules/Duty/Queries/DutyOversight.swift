import AnToanCore
import Fluent
import Foundation
import SQLKit

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

    /// A leader on a shift under way, whom an authority calls.
    struct OnDuty: Sendable, Equatable {
        var name: String
        var phone: String?
        var post: String
        var shift: String
    }

    struct UnitCover: Sendable {
        var unitID: UUID
        var code: String
        var name: String
        var kind: String = ""
        var noSetup: Bool
        var gaps: [Gap]
        var notCheckedIn: [Absence] = []
        /// The unit's own phone number.
        var phone: String? = nil
        /// The leaders on duty now.
        var leaders: [OnDuty] = []
        /// The unit's posts, to name posts and shifts.
        var posts: [DutyPost] = []
        /// How the posts differ from those its published roster was made from (empty when they do not).
        var outOfDate = RosterFreshness.Changes()

        /// The words for the unit's posts and shifts, as every duty page writes them.
        var names: DutyNames { DutyNames(posts: posts) }
    }

    /// Looks this far ahead for the next holiday or peak day.
    static let horizonDays = 60

    /// The units in `scope` that lack cover at `at`, in name order; covered units are left out.
    /// Who has not checked in is told only for `at` up to `now` (a check-in still to come is not missing), and
    /// only for each post's shift under way and the one before it.
    /// A fixed number of statements, however many units the scope holds: each reads every unit in scope at once.
    static func gaps(in scope: Scope, at: Date, now: Date, on db: any Database) async throws -> [UnitCover] {
        let today = VietnamTime.day(of: at)
        let inScope: SQLQueryString = "u.parent_id IS NULL AND \(OrganisationQueries.unitScope(scope))"
        let units = try await db.rows(
            """
            SELECT u.id, u.code, u.name, u.kind, u.area_path, u.flags, u.phone FROM units u WHERE \(inScope) \
            ORDER BY u.name_folded, u.id
            """
        ) {
            UnitLine(
                id: try $0.next(),
                code: try $0.next(),
                name: try $0.next(),
                kind: try $0.next(),
                areaPath: try $0.next(),
                flags: try $0.next(),
                phone: try $0.next()
            )
        }
        var setups: [UUID: [DutyPost]] = [:]
        var setupTexts: [UUID: String] = [:]
        var decoded: [String: [DutyPost]] = [:]
        let setupRows = try await db.rows(
            "SELECT d.unit_id, d.posts FROM duty_setups d JOIN units u ON u.id = d.unit_id WHERE \(inScope)"
        ) { (try $0.next(UUID.self), try $0.next(String.self)) }
        for (unit, posts) in setupRows {
            // Many units share one set-up: each distinct one is decoded once.
            if decoded[posts] == nil {
                decoded[posts] = try JSONDecoder().decode([DutyPost].self, from: Data(posts.utf8))
            }
            setups[unit] = decoded[posts]
            setupTexts[unit] = posts
        }
        let horizon = today.adding(days: horizonDays)
        // Each unit's days off follow its weekly rest days: what it chose, or the standard for its kind.
        let rests = try await db.rows(
            "SELECT r.unit_id, r.weekly_rest FROM unit_rest_days r JOIN units u ON u.id = r.unit_id WHERE \(inScope)"
        ) { (try $0.next(UUID.self), try $0.next(String.self)) }
        var chosenRest: [UUID: WeeklyRest] = [:]
        for (unit, rest) in rests { chosenRest[unit] = WeeklyRest(rawValue: rest) }
        var daysOffByRest: [WeeklyRest: Set<SolarDate>] = [:]
        for rest in WeeklyRest.allCases {
            daysOffByRest[rest] = try await DutyCalendar.daysOff(
                from: today.adding(days: -1),
                to: horizon,
                rest: rest,
                on: db
            )
        }
        // The posts each published roster still running was made from, to tell a roster made before a change.
        let made = try await db.rows(
            """
            SELECT r.unit_id, r.setup_posts FROM rosters r JOIN units u ON u.id = r.unit_id \
            WHERE r.status = 'published' AND r.end_date >= \(bind: today.iso) AND r.setup_posts IS NOT NULL \
            AND \(inScope)
            """
        ) { (try $0.next(UUID.self), try $0.next(String.self)) }
        let snapshots = Dictionary(made, uniquingKeysWith: { first, _ in first })
        let peaks = try await PeakPeriodRecord.query(on: db).filter(\.$endDate >= today.iso)
            .filter(\.$startDate <= horizon.iso).all().compactMap(\.peakPeriod)
        // Each unit's slots first, so that one statement counts the seats of every unit on every day asked.
        var plans: [(UnitLine, [DutyPost]?, [(Window, SolarDate, DutyPost, DutyShift)], [PeakPeriod])] = []
        var unitDaysOff: [UUID: (rest: WeeklyRest, days: Set<SolarDate>)] = [:]
        for unit in units {
            guard let area = AreaPath(unit.areaPath) else { continue }
            guard let posts = setups[unit.id] else {
                plans.append((unit, nil, [], []))
                continue
            }
            let rest = chosenRest[unit.id] ?? WeeklyRest.standard(for: UnitKind(rawValue: unit.kind))
            let daysOff = daysOffByRest[rest] ?? []
            unitDaysOff[unit.id] = (rest, daysOff)
            let unitPeaks = peaks.filter { $0.applies(to: area) }
            let next = (1...horizonDays).map { today.adding(days: $0) }.first { day in
                daysOff.contains(day) || unitPeaks.contains { $0.covers(day) }
            }
            plans.append((unit, posts, slots(of: posts, at: at, today: today, next: next), unitPeaks))
        }
        let days = Set(plans.flatMap { $0.2.map(\.1) })
        let rostered = try await seatCounts(on: days, inScope: inScope, on: db)
        let watch = at <= now ? try await watch(at: at, today: today, inScope: inScope, on: db) : [:]
        var result: [UnitCover] = []
        // Units alike in set-up, key targets, days asked and peaks need the same: their demand is built once.
        var demands: [String: [Slot: StaffCount]] = [:]
        for (unit, posts, slots, unitPeaks) in plans {
            guard let posts else {
                result.append(
                    UnitCover(
                        unitID: unit.id,
                        code: unit.code,
                        name: unit.name,
                        kind: unit.kind,
                        noSetup: true,
                        gaps: [],
                        phone: unit.phone,
                        leaders: watch[unit.id]?.leaders ?? []
                    )
                )
                continue
            }
            guard let area = AreaPath(unit.areaPath) else { continue }
            let flags = Set(unit.flags.split(separator: ",").compactMap { KeyTargetFlag(rawValue: String($0)) })
            let setup = DutyUnit(area: area, keyTargets: flags, posts: posts)
            let slotDays = Set(slots.map(\.1))
            let (rest, daysOff) = unitDaysOff[unit.id] ?? (.sunday, [])
            let alike = [
                setupTexts[unit.id] ?? "", unit.flags, rest.rawValue,
                slotDays.map(\.iso).sorted().joined(separator: ","),
                unitPeaks.map { "\($0.name)/\($0.from.iso)/\($0.to.iso)/\($0.uplift.leaders)/\($0.uplift.officers)" }
                    .joined(separator: ","),
            ].joined(separator: "|")
            let demand =
                try demands[alike]
                ?? need(
                    of: setup,
                    on: slotDays,
                    daysOff: daysOff,
                    rest: rest,
                    peaks: unitPeaks
                )
            demands[alike] = demand
            var gaps: [Gap] = []
            for (window, day, post, shift) in slots {
                let key = Slot(date: day.iso, post: post.id, shift: shift.id)
                let required = demand[key] ?? .zero
                let seated = rostered[UnitSlot(unit: unit.id, slot: key)] ?? .zero
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
            let missing = watch[unit.id]?.absent ?? []
            if !gaps.isEmpty || !missing.isEmpty {
                let outOfDate = RosterFreshness.changes(made: snapshots[unit.id], now: posts)
                result.append(
                    UnitCover(
                        unitID: unit.id,
                        code: unit.code,
                        name: unit.name,
                        kind: unit.kind,
                        noSetup: false,
                        gaps: gaps,
                        notCheckedIn: missing,
                        phone: unit.phone,
                        leaders: watch[unit.id]?.leaders ?? [],
                        posts: posts,
                        outOfDate: outOfDate
                    )
                )
            }
        }
        return result
    }

    /// The columns of a unit that oversight reads.
    private struct UnitLine {
        var id: UUID
        var code: String
        var name: String
        var kind: String
        var areaPath: String
        var flags: String
        var phone: String?
    }

    /// The shifts oversight checks: those under way at `at`, tonight's, and every shift of the next holiday or
    /// peak day.
    private static func slots(
        of posts: [DutyPost],
        at: Date,
        today: SolarDate,
        next: SolarDate?
    ) -> [(Window, SolarDate, DutyPost, DutyShift)] {
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
        return slots
    }

    private struct UnitSlot: Hashable {
        var unit: UUID
        var slot: Slot
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
        rest: WeeklyRest,
        peaks: [PeakPeriod]
    ) throws -> [Slot: StaffCount] {
        var need: [Slot: StaffCount] = [:]
        for day in days {
            let instance = try DutyRosterBuilder.instance(
                DutyRosterInput(
                    unit: unit,
                    staff: [],
                    start: day,
                    days: 1,
                    holidays: daysOff,
                    weeklyRestDays: rest.days,
                    peaks: peaks
                )
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

    /// Leaders and officers on the published rosters of every unit in scope, per unit, day, post and shift.
    private static func seatCounts(
        on days: Set<SolarDate>,
        inScope: SQLQueryString,
        on db: any Database
    ) async throws -> [UnitSlot: StaffCount] {
        guard !days.isEmpty else { return [:] }
        let rows = try await db.rows(
            """
            SELECT s.unit_id, s.date, s.post, s.shift, s.role, COUNT(*) \
            FROM rosters r JOIN units u ON u.id = r.unit_id JOIN roster_seats s ON s.roster_id = r.id \
            WHERE r.status = 'published' AND \(inScope) AND s.date IN (\(binds: days.map(\.iso).sorted())) \
            GROUP BY s.unit_id, s.date, s.post, s.shift, s.role
            """
        ) {
            (
                UnitSlot(
                    unit: try $0.next(),
                    slot: Slot(date: try $0.next(), post: try $0.next(), shift: try $0.next())
                ),
                try $0.next(String.self),
                try $0.next(Int.self)
            )
        }
        var counts: [UnitSlot: StaffCount] = [:]
        for (key, role, seated) in rows {
            var count = counts[key] ?? .zero
            if role == "leader" { count.leaders += seated } else { count.officers += seated }
            counts[key] = count
        }
        return counts
    }
}
