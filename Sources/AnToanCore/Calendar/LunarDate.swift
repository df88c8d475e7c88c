/// A date of the Vietnamese lunisolar calendar (âm lịch); `year` is the lunar year that starts at Tết.
public struct LunarDate: Hashable, Sendable, Codable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let isLeapMonth: Bool

    /// Not validated here: `LunarCalendar.solar(from:)` reports dates that do not exist.
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// Sexagenary name of the lunar year, e.g. "Ất Tỵ" for 2025.
    public var canChi: String { LunarDate.canChi(year: year) }

    /// Vietnamese display such as "1/1 Ất Tỵ" or "26/6 nhuận Ất Tỵ".
    public var display: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") \(canChi)"
    }

    /// The day and month alone, "n" after a leap month: "1/1", "29/12", "15/4n" — for beside a solar date.
    public var short: String {
        "\(day)/\(month)\(isLeapMonth ? "n" : "")"
    }

    static let heavenlyStems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
    static let earthlyBranches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]

    public static func canChi(year: Int) -> String {
        // Double modulo keeps the index non-negative for any year.
        let stem = heavenlyStems[((year + 6) % 10 + 10) % 10]
        let branch = earthlyBranches[((year + 8) % 12 + 12) % 12]
        return "\(stem) \(branch)"
    }
}

extension LunarDate: CustomStringConvertible {
    public var description: String { display }
}
