/// How many leaders (lãnh đạo trực) and officers or guards (cán bộ, nhân viên bảo vệ) a shift needs.
public struct StaffCount: Codable, Sendable, Hashable {
    public var leaders: Int
    public var officers: Int

    public init(leaders: Int = 0, officers: Int = 0) {
        self.leaders = leaders
        self.officers = officers
    }

    public static let zero = StaffCount()

    public static func + (lhs: StaffCount, rhs: StaffCount) -> StaffCount {
        StaffCount(leaders: lhs.leaders + rhs.leaders, officers: lhs.officers + rhs.officers)
    }

    var isNegative: Bool {
        leaders < 0 || officers < 0
    }
}

/// The staffing of one shift of a post by kind of day. A kind left out takes the next lower one
/// (peak → holiday → weekend → working), so a post that needs the same every day sets `working` only.
public struct ShiftRequirement: Codable, Sendable, Equatable {
    public var shift: String
    public var working: StaffCount
    public var weekend: StaffCount?
    public var holiday: StaffCount?
    public var peak: StaffCount?

    public init(
        shift: String,
        working: StaffCount,
        weekend: StaffCount? = nil,
        holiday: StaffCount? = nil,
        peak: StaffCount? = nil
    ) {
        self.shift = shift
        self.working = working
        self.weekend = weekend
        self.holiday = holiday
        self.peak = peak
    }

    public func count(on kind: DayKind) -> StaffCount {
        switch kind {
        case .working: working
        case .weekend: weekend ?? working
        case .holiday: holiday ?? count(on: .weekend)
        case .peak: peak ?? count(on: .holiday)
        }
    }

    var counts: [(DayKind, StaffCount)] {
        [(.working, working), (.weekend, weekend), (.holiday, holiday), (.peak, peak)].compactMap { kind, count in
            count.map { (kind, $0) }
        }
    }
}
