import AnToanCore

/// A commune office in province 79 with a headquarters post on 2 × 12 h and a gate on 3 × 8 h, rostered for
/// February 2027 (Tết Đinh Mùi on Saturday 06/02).
enum DutyFixtures {
    static let province = AreaPath("/79/")!
    static let commune = AreaPath("/79/26734/")!
    static let otherProvince = AreaPath("/01/")!
    static let start = SolarDate(year: 2027, month: 2, day: 1)!

    static let headquarters = DutyPost(
        id: "hq",
        name: "Trực ban trụ sở",
        pattern: .twoShifts,
        requirements: [
            ShiftRequirement(
                shift: "D",
                working: StaffCount(leaders: 1, officers: 1),
                holiday: StaffCount(leaders: 1, officers: 2)
            ),
            ShiftRequirement(shift: "N", working: StaffCount(leaders: 1, officers: 1)),
        ]
    )

    static let gate = DutyPost(
        id: "gate",
        name: "Cổng chính",
        pattern: .threeShifts,
        requirements: [
            ShiftRequirement(shift: "C1", working: StaffCount(officers: 1)),
            ShiftRequirement(shift: "C2", working: StaffCount(officers: 1)),
            ShiftRequirement(shift: "C3", working: StaffCount(officers: 1), weekend: StaffCount(officers: 2)),
        ]
    )

    static func unit(in area: AreaPath = commune, keyTargets: Set<KeyTargetFlag> = []) -> DutyUnit {
        DutyUnit(area: area, keyTargets: keyTargets, posts: [headquarters, gate])
    }

    /// Six leaders at headquarters only, eighteen officers (four only at the gate), a few days of leave.
    static let staff: [RosterStaff] =
        (1...6).map { RosterStaff(id: "l\($0)", role: "leader", posts: ["hq"]) }
        + (1...18).map { index in
            RosterStaff(
                id: "o\(index)",
                role: "officer",
                posts: index <= 4 ? ["gate"] : nil,
                unavailable: index % 5 == 0 ? ["2027-02-1\(index % 10)"] : nil
            )
        }

    /// Tết peak declared by the province: one more officer and one more leader on every shift that has them.
    static let tet = PeakPeriod(
        area: province,
        from: SolarDate(year: 2027, month: 2, day: 3)!,
        to: SolarDate(year: 2027, month: 2, day: 12)!,
        name: "Cao điểm Tết Đinh Mùi",
        uplift: StaffCount(leaders: 1, officers: 1)
    )

    static let holidays = Set(
        HolidayCalendar.proposedHolidays(year: 2027).filter { $0.kind != .anniversary }.map(\.date)
    )

    static func input(
        unit: DutyUnit = unit(),
        peaks: [PeakPeriod] = [tet],
        days: Int = 28
    ) -> DutyRosterInput {
        DutyRosterInput(unit: unit, staff: staff, start: start, days: days, holidays: holidays, peaks: peaks, seed: 7)
    }

    /// What the instance demands for one shift at one post on one date: the dated entry, else the every-day one.
    static func need(_ instance: RosterInstance, _ date: String, _ shift: String, at post: String) -> StaffCount? {
        let entries = instance.demand.filter { $0.shift == shift && $0.post == post }
        guard let entry = entries.first(where: { $0.date == date }) ?? entries.first(where: { $0.date == nil })
        else { return nil }
        return StaffCount(leaders: entry.leader ?? 0, officers: entry.officer ?? 0)
    }
}
