import Foundation

/// A day of the (proleptic) Gregorian calendar, without time or time zone.
public struct SolarDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 30/02 or month 13.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...SolarDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Builds the date from a Julian Day Number (the day that begins at noon of that JD).
    public init(julianDay: Int) {
        // Inverse of the day-count formula below (Fliegel & Van Flandern style integer arithmetic).
        let a = julianDay + 32_044
        let b = (4 * a + 3) / 146_097
        let c = a - 146_097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        day = e - (153 * m + 2) / 5 + 1
        month = m + 3 - 12 * (m / 10)
        year = 100 * b + d - 4800 + m / 10
    }

    /// Parses "yyyy-MM-dd".
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = SolarDate.number(parts[0]), let month = SolarDate.number(parts[1]),
            let day = SolarDate.number(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses "d/M/yyyy" or "dd/MM/yyyy", the Vietnamese day-first order.
    public init?(dmy: String) {
        let parts = dmy.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let day = SolarDate.number(parts[0]), let month = SolarDate.number(parts[1]),
            let year = SolarDate.number(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "yyyy-MM-dd".
    public var iso: String {
        "\(SolarDate.pad(year, 4))-\(SolarDate.pad(month, 2))-\(SolarDate.pad(day, 2))"
    }

    /// "dd/MM/yyyy".
    public var dmy: String {
        "\(SolarDate.pad(day, 2))/\(SolarDate.pad(month, 2))/\(SolarDate.pad(year, 4))"
    }

    public var julianDay: Int { SolarDate.julianDay(year: year, month: month, day: day) }

    /// Julian Day Number of a proleptic Gregorian date; the fields are not validated.
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32_045
    }

    public var weekday: Weekday {
        // JDN 0 was a Monday, so JDN mod 7 counts from Monday = 0.
        Weekday(rawValue: julianDay % 7 + 1) ?? .monday
    }

    public func adding(days: Int) -> SolarDate {
        SolarDate(julianDay: julianDay + days)
    }

    /// Signed number of days from `self` to `other`.
    public func days(to other: SolarDate) -> Int {
        other.julianDay - julianDay
    }

    public static func < (lhs: SolarDate, rhs: SolarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension SolarDate: CustomStringConvertible {
    public var description: String { iso }
}

// Encoded as the ISO string so JSON payloads and stored rows stay readable.
extension SolarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = SolarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a yyyy-MM-dd date, got \(text)"
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Day of the week, numbered ISO style (Monday = 1 ... Sunday = 7).
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    public var nameVi: String {
        switch self {
        case .monday: "Thứ Hai"
        case .tuesday: "Thứ Ba"
        case .wednesday: "Thứ Tư"
        case .thursday: "Thứ Năm"
        case .friday: "Thứ Sáu"
        case .saturday: "Thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }
}
