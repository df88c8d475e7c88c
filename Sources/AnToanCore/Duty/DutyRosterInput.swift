/// Everything needed to roster one unit for one period; time comes in as `start`, never from a clock.
public struct DutyRosterInput: Sendable, Equatable {
    public var unit: DutyUnit
    /// People with their roles, eligible posts and leave (`unavailable` dates).
    public var staff: [RosterStaff]
    public var start: SolarDate
    public var days: Int
    /// Days off of the year's holiday schedule (statutory and compensatory; not mere anniversaries).
    public var holidays: Set<SolarDate>
    /// The unit's weekly rest days: the days whose demand is the weekend's.
    public var weeklyRestDays: Set<Weekday>
    /// Peak periods declared for the unit's area or any area above it; others are ignored.
    public var peaks: [PeakPeriod]
    /// The published roster of this period, kept where still valid.
    public var previous: [RosterAssignment]
    /// Shifts already worked this year, for fairness.
    public var history: [RosterHistory]
    public var keyTargetUplifts: [KeyTargetUplift]
    public var seed: UInt64?

    public init(
        unit: DutyUnit,
        staff: [RosterStaff],
        start: SolarDate,
        days: Int,
        holidays: Set<SolarDate> = [],
        weeklyRestDays: Set<Weekday> = [.saturday, .sunday],
        peaks: [PeakPeriod] = [],
        previous: [RosterAssignment] = [],
        history: [RosterHistory] = [],
        keyTargetUplifts: [KeyTargetUplift] = KeyTargetUplift.standard,
        seed: UInt64? = nil
    ) {
        self.unit = unit
        self.staff = staff
        self.start = start
        self.days = days
        self.holidays = holidays
        self.weeklyRestDays = weeklyRestDays
        self.peaks = peaks
        self.previous = previous
        self.history = history
        self.keyTargetUplifts = keyTargetUplifts
        self.seed = seed
    }
}
