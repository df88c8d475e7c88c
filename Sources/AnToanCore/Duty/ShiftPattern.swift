/// One shift of a post's daily pattern: start `HH:mm` (Vietnam local time) and length in hours.
public struct DutyShift: Codable, Sendable, Hashable {
    public var id: String
    public var start: String
    public var hours: Double
    public var name: String?

    public init(id: String, start: String, hours: Double, name: String? = nil) {
        self.id = id
        self.start = start
        self.hours = hours
        self.name = name
    }

    /// Minutes after midnight at which the shift starts; nil when `start` is not `HH:mm`.
    public var startMinute: Int? { RosterModel.minuteOfDay(start) }

    /// Touches 22:00–06:00, the night hours of Bộ luật Lao động 2019 Điều 106 (the roster model's rule too).
    public var isNight: Bool {
        guard let startMinute = RosterModel.minuteOfDay(start) else { return false }
        return RosterModel.overlapsDaily(startMinute, minutes, 22 * 60, 8 * 60)
    }

    var minutes: Int {
        hours.isFinite ? Int((hours * 60).rounded()) : 0
    }
}

/// How a post's day is cut into shifts: 3 × 8 h, 2 × 12 h, one 24 h duty, or a custom list.
public struct ShiftPattern: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case threeShifts = "3x8"
        case twoShifts = "2x12"
        case fullDay = "24h"
        case custom
    }

    public let kind: Kind
    public let shifts: [DutyShift]

    /// Ca 1 06:00–14:00, ca 2 14:00–22:00, ca 3 22:00–06:00 (exactly the legal night hours).
    public static let threeShifts = ShiftPattern(
        kind: .threeShifts,
        shifts: [
            DutyShift(id: "C1", start: "06:00", hours: 8, name: "Ca 1 (06:00–14:00)"),
            DutyShift(id: "C2", start: "14:00", hours: 8, name: "Ca 2 (14:00–22:00)"),
            DutyShift(id: "C3", start: "22:00", hours: 8, name: "Ca 3 (22:00–06:00)"),
        ]
    )

    /// Ca ngày 07:00–19:00 and ca đêm 19:00–07:00, the shifts of the benchmark instances.
    public static let twoShifts = ShiftPattern(
        kind: .twoShifts,
        shifts: [
            DutyShift(id: "D", start: "07:00", hours: 12, name: "Ca ngày (07:00–19:00)"),
            DutyShift(id: "N", start: "19:00", hours: 12, name: "Ca đêm (19:00–07:00)"),
        ]
    )

    /// One 24-hour duty from 07:00 (thường trực 24/24).
    public static let fullDay = ShiftPattern(
        kind: .fullDay,
        shifts: [DutyShift(id: "T", start: "07:00", hours: 24, name: "Trực 24 giờ (07:00–07:00)")]
    )

    /// A validated custom pattern; throws naming the first bad shift.
    public static func custom(_ shifts: [DutyShift]) throws(ShiftPatternError) -> ShiftPattern {
        let pattern = ShiftPattern(kind: .custom, shifts: shifts)
        try pattern.validate()
        return pattern
    }

    private init(kind: Kind, shifts: [DutyShift]) {
        self.kind = kind
        self.shifts = shifts
    }

    /// Ids unique and non-empty, times `HH:mm`, lengths in (0, 24] h, no two shifts overlapping on the daily
    /// cycle (so 19:00–07:00 and 07:00–19:00 touch but do not overlap). Decoded patterns are checked here too.
    public func validate() throws(ShiftPatternError) {
        guard !shifts.isEmpty else { throw .empty }
        var seen: Set<String> = []
        var starts: [Int] = []
        for (index, shift) in shifts.enumerated() {
            guard !shift.id.isEmpty else { throw .emptyIdentifier(position: index + 1) }
            guard seen.insert(shift.id).inserted else { throw .duplicateShift(shift: shift.id) }
            guard let start = RosterModel.minuteOfDay(shift.start) else {
                throw .invalidTime(shift: shift.id, value: shift.start)
            }
            guard shift.hours.isFinite, shift.hours <= 24, shift.minutes > 0 else {
                throw .invalidLength(shift: shift.id, hours: shift.hours)
            }
            for (earlier, earlierStart) in starts.enumerated()
            where RosterModel.overlapsDaily(start, shift.minutes, earlierStart, shifts[earlier].minutes) {
                throw .overlap(shift: shift.id, other: shifts[earlier].id)
            }
            starts.append(start)
        }
    }
}
