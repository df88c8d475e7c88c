import AnToanCore
import Fluent
import Foundation
import Vapor

/// Duty data for the demo province, written through the services the API uses: this year's days off confirmed,
/// a Tết peak period declared by the province police, a duty set-up per unit sized to its people, and rosters
/// generated and published from the first of this month until past the next holiday or peak day. Three units
/// are left short on purpose, so that oversight shows real gaps: one has no set-up, one asks for more leaders
/// than it has, and one's roster is still a draft.
enum DemoDuty {
    struct ShortUnit: Sendable {
        var id: UUID
        var code: String
        var name: String
        var reason: String
    }

    struct Summary: Sendable {
        var setUp: Int
        var published: Int
        /// The units oversight lists: those left short on purpose.
        var short: [ShortUnit]
    }

    /// Beyond this many top-level units (the province-size benchmark seed) no duty data is made: a roster is
    /// solved per unit and month.
    static let maxUnits = 100

    static func load(app: Application) async throws -> Summary {
        let req = Request(application: app, logger: app.logger, on: app.eventLoopGroup.any())
        let admin = try await principal("quantri", on: app.db)
        let today = VietnamTime.day(of: app.clock.now())
        _ = try await DutyCalendar.confirm(year: today.year, days: nil, by: admin, on: req)
        let peak = try await declareTetPeak(after: today, by: try await principal("congan.tinh", on: app.db), on: req)
        let months = try await rosterMonths(from: today, peak: peak, on: app.db)

        let loginUnit = try await principal("antt", on: app.db).scope.unitID
        let units = try await OrgUnit.query(on: app.db).filter(\.$parent.$id == nil).sort(\.$code).all()
        var setUp = 0
        var published = 0
        var short: [ShortUnit] = []
        let candidates = units.filter { $0.id != loginUnit }
        let noSetup = candidates.last
        var people: [UUID: (leaders: Int, officers: Int)] = [:]
        for unit in units {
            guard let id = unit.id else { continue }
            let staff = try await StaffMember.query(on: app.db).filter(\.$unit.$id == id)
                .filter(\.$status == "active").all()
            people[id] = (staff.filter(\.isLeader).count, staff.filter { !$0.isLeader }.count)
        }
        let fewLeaders = candidates.dropLast().last
        let draft = candidates.dropLast().last { $0.id != fewLeaders?.id }
        for unit in units {
            guard let id = unit.id, let count = people[id] else { continue }
            if unit.id == noSetup?.id {
                short.append(ShortUnit(id: id, code: unit.code, name: unit.name, reason: "no set-up"))
                continue
            }
            let sites = try await Site.query(on: app.db).filter(\.$unit.$id == id).sort(\.$code).all()
            let headquarters = sites.first { $0.kind == SiteKind.headquarters.rawValue }?.name ?? "Trụ sở"
            let gate = sites.first { $0.kind == SiteKind.gate.rawValue }?.name ?? "Cổng chính"
            let posts =
                unit.id == fewLeaders?.id
                ? DemoDutySetup.moreLeaders(than: count.leaders, headquarters: headquarters)
                : DemoDutySetup.posts(
                    officers: count.officers,
                    keyTargets: Set(unit.keyTargetFlags),
                    headquarters: headquarters,
                    gate: gate
                )
            try await RosterService.saveSetup(posts, of: id, by: admin, on: req)
            setUp += 1
            for (start, days) in months {
                let roster = try await RosterService.generate(
                    for: unit,
                    start: start,
                    days: days,
                    seed: 1,
                    by: admin,
                    on: req
                )
                if unit.id == draft?.id { continue }
                // The demo's short unit is published short on purpose, its open seats confirmed.
                try await RosterService.publish(roster, confirmOpenSeats: true, by: admin, on: req)
                published += 1
            }
            if unit.id == fewLeaders?.id {
                short.append(ShortUnit(id: id, code: unit.code, name: unit.name, reason: "too few leaders"))
            } else if unit.id == draft?.id {
                short.append(ShortUnit(id: id, code: unit.code, name: unit.name, reason: "roster not published"))
            }
        }
        // `baove` signs in as the officer of the login unit's shift under way or next, so that "Trực ca" has
        // a shift to check in to.
        if let loginUnit,
            let seat = try await RosterSeat.query(on: app.db).filter(\.$unitID == loginUnit)
                .filter(\.$role == "officer").filter(\.$endsAt > app.clock.now()).sort(\.$startsAt).first(),
            let guardAccount = try await User.find(username: "baove", on: app.db)
        {
            try await StaffAccounts.link(
                staffID: seat.staffID,
                userID: guardAccount.id,
                in: loginUnit,
                by: admin,
                on: req
            )
        }
        return Summary(setUp: setUp, published: published, short: short)
    }

    /// Tết Nguyên đán of the next lunar year, from a week before mùng 1 to mùng 6, one more officer on every
    /// shift, declared for the whole province.
    private static func declareTetPeak(
        after today: SolarDate,
        by authority: Principal,
        on req: Request
    ) async throws
        -> PeakPeriodRecord
    {
        var year = today.year
        var tet = try LunarCalendar.solar(from: LunarDate(year: year, month: 1, day: 1))
        if tet.adding(days: 5) < today {
            year += 1
            tet = try LunarCalendar.solar(from: LunarDate(year: year, month: 1, day: 1))
        }
        guard case .area(let path) = authority.scope,
            let province = try await Area.query(on: req.db).filter(\.$path == path.value).first()
        else { throw AppError.notFound }
        let input = PeakPeriodInput(
            name: "Cao điểm Tết Nguyên đán \(LunarDate.canChi(year: year)) \(year)",
            areaId: try province.requireID(),
            startDate: tet.adding(days: -7).iso,
            endDate: tet.adding(days: 5).iso,
            extraLeaders: 0,
            extraOfficers: 1
        )
        return try await DutyCalendar.declarePeak(input, by: authority, on: req)
    }

    /// Whole months from this one through the next, and on to the month of the next day off or peak day that
    /// oversight looks ahead to; the first starts the day before today on the first of a month (the night shift
    /// that began then is still on).
    private static func rosterMonths(
        from today: SolarDate,
        peak: PeakPeriodRecord,
        on db: any Database
    ) async throws -> [(start: SolarDate, days: Int)] {
        let horizon = today.adding(days: DutyOversight.horizonDays)
        // Oversight reads each unit's days off by its weekly rest days: the later of the two patterns' next ones.
        var special: SolarDate?
        for rest in WeeklyRest.allCases {
            let daysOff = try await DutyCalendar.daysOff(from: today, to: horizon, rest: rest, on: db)
            let next = (1...DutyOversight.horizonDays).map { today.adding(days: $0) }.first { day in
                daysOff.contains(day) || peak.peakPeriod?.covers(day) == true
            }
            if let next, special.map({ $0 < next }) ?? true { special = next }
        }
        var months: [(start: SolarDate, days: Int)] = []
        var first = SolarDate(year: today.year, month: today.month, day: 1) ?? today
        repeat {
            let days = SolarDate.daysInMonth(year: first.year, month: first.month)
            months.append((first, days))
            first = first.adding(days: days)
        } while months.count < 2 || special.map { first <= $0 } == true
        if today.day == 1 { months[0] = (today.adding(days: -1), months[0].days + 1) }
        return months
    }

    /// The demo account `username` as the services see a signed-in account.
    private static func principal(_ username: String, on db: any Database) async throws -> Principal {
        guard let user = try await User.find(username: username, on: db) else { throw AppError.notFound }
        return Principal(
            id: try user.requireID(),
            username: user.username,
            displayName: user.displayName,
            role: user.roleValue,
            scope: user.scope,
            language: Language(rawValue: user.language),
            sessionID: nil
        )
    }
}

extension Scope {
    /// The unit of a unit scope.
    fileprivate var unitID: UUID? {
        if case .unit(let id, _) = self { return id }
        return nil
    }
}
