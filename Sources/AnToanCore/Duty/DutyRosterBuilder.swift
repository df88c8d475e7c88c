/// Turns a unit's posts, patterns and requirements plus the calendar into a `RosterInstance` for `RosterSolver`.
///
/// Each shift of each post gets an every-day demand entry with its working-day count and a dated entry for every
/// day whose kind (weekend, holiday, peak) gives another count. Night shifts at the main post carry the unit's
/// key-target uplift every day; peak days add the largest uplift of the peak periods covering them. Each post
/// carries its priority, so that seats the staff cannot fill stay open at the posts that matter least.
public enum DutyRosterBuilder {
    /// Throws `DutyPlanError` naming the post or shift at fault; a built instance always passes validation.
    public static func instance(_ input: DutyRosterInput) throws -> RosterInstance {
        let unit = input.unit
        try check(unit.posts)
        try check(input.peaks)
        guard (1...366).contains(input.days) else {
            throw DutyPlanError.instance(.invalidDays(field: "days", value: input.days))
        }
        let dates = (0..<input.days).map { input.start.adding(days: $0) }
        let peaks = input.peaks.filter { $0.applies(to: unit.area) }
        let kinds = dates.map {
            DayKind.of($0, holidays: input.holidays, peaks: peaks, weekend: input.weeklyRestDays)
        }
        let keyTarget = KeyTargetUplift.night(for: unit.keyTargets, rules: input.keyTargetUplifts)
        var demand: [RosterDemand] = []
        for (postIndex, post) in unit.posts.enumerated() {
            for shift in post.pattern.shifts {
                guard let requirement = post.requirements.first(where: { $0.shift == shift.id }) else { continue }
                let extra = postIndex == 0 && shift.isNight ? keyTarget : .zero
                let everyDay = requirement.count(on: .working) + extra
                demand.append(entry(nil, shift, post, everyDay))
                for (index, date) in dates.enumerated() {
                    var need = requirement.count(on: kinds[index]) + extra
                    if kinds[index] == .peak { need = need.raised(by: PeakPeriod.uplift(on: date, among: peaks)) }
                    if need != everyDay { demand.append(entry(date, shift, post, need)) }
                }
            }
        }
        let holidays = dates.filter { input.holidays.contains($0) }.map(\.iso)
        let instance = RosterInstance(
            start: input.start.iso,
            days: input.days,
            posts: unit.posts.map(\.id),
            shifts: try templates(unit.posts),
            staff: input.staff,
            demand: demand,
            rules: unit.rules,
            holidays: holidays.isEmpty ? nil : holidays,
            history: input.history.isEmpty ? nil : input.history,
            previous: input.previous.isEmpty ? nil : input.previous,
            priorities: Dictionary(
                unit.posts.enumerated().map { ($1.id, $1.priority(isMain: $0 == 0)) },
                uniquingKeysWith: { first, _ in first }
            ),
            seed: input.seed
        )
        do {
            try RosterSolver.validate(instance)
        } catch let error as RosterError {
            throw DutyPlanError.instance(error)
        }
        return instance
    }

    private static func entry(
        _ date: SolarDate?,
        _ shift: DutyShift,
        _ post: DutyPost,
        _ need: StaffCount
    )
        -> RosterDemand
    {
        RosterDemand(date: date?.iso, shift: shift.id, post: post.id, leader: need.leaders, officer: need.officers)
    }
}

extension StaffCount {
    /// Adds `uplift` only to a role the shift already needs, so a post without a leader seat gets none.
    func raised(by uplift: StaffCount) -> StaffCount {
        StaffCount(
            leaders: leaders > 0 ? leaders + uplift.leaders : leaders,
            officers: officers > 0 ? officers + uplift.officers : officers
        )
    }
}
