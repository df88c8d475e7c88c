/// What kind of day a date is for duty demand; a higher kind wins: peak > holiday > weekend > working.
public enum DayKind: String, Codable, Sendable, CaseIterable, Comparable {
    case working
    case weekend
    case holiday
    case peak

    /// The kind of `date` given the year's holiday schedule and the peak periods (those not covering the date
    /// are ignored, so a caller may pass every peak of the unit's area). Saturday and Sunday are the weekend
    /// unless the unit says otherwise.
    public static func of(
        _ date: SolarDate,
        holidays: Set<SolarDate>,
        peaks: [PeakPeriod],
        weekend: Set<Weekday> = [.saturday, .sunday]
    ) -> DayKind {
        if peaks.contains(where: { $0.covers(date) }) { return .peak }
        if holidays.contains(date) { return .holiday }
        if weekend.contains(date.weekday) { return .weekend }
        return .working
    }

    public static func < (lhs: DayKind, rhs: DayKind) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .working: 0
        case .weekend: 1
        case .holiday: 2
        case .peak: 3
        }
    }

    public var nameVi: String {
        switch self {
        case .working: "ngày làm việc"
        case .weekend: "cuối tuần"
        case .holiday: "ngày lễ, Tết"
        case .peak: "cao điểm"
        }
    }
}
