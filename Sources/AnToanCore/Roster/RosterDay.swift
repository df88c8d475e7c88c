/// A civil day counted from 1970-01-01, parsed from and printed as ISO "yyyy-MM-dd".
struct RosterDay: Hashable, Comparable, Sendable {
    let ordinal: Int

    init(ordinal: Int) {
        self.ordinal = ordinal
    }

    init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= RosterDay.length(ofMonth: month, year: year)
        else { return nil }
        ordinal = RosterDay.ordinal(year: year, month: month, day: day)
    }

    static func < (lhs: RosterDay, rhs: RosterDay) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    func adding(_ days: Int) -> RosterDay {
        RosterDay(ordinal: ordinal + days)
    }

    /// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
    var isoWeekday: Int {
        ((ordinal % 7 + 7 + 3) % 7) + 1
    }

    var isWeekend: Bool {
        isoWeekday >= 6
    }

    var iso: String {
        let (year, month, day) = civil
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    // Howard Hinnant's days-from-civil / civil-from-days algorithms (proleptic Gregorian).
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private var civil: (Int, Int, Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
