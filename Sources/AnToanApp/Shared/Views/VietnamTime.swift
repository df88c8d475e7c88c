import AnToanCore
import Foundation

/// Time is UTC inside and Asia/Ho_Chi_Minh on screen: dd/MM/yyyy and HH:mm.
enum VietnamTime {
    // Vietnam has kept UTC+7 without daylight saving since 1975, so the fixed offset is a safe fallback.
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }

    static func dateTime(_ date: Date) -> String { formatter("dd/MM/yyyy HH:mm").string(from: date) }

    static func date(_ date: Date) -> String { formatter("dd/MM/yyyy").string(from: date) }

    static func time(_ date: Date) -> String { formatter("HH:mm").string(from: date) }

    /// The start of the minute `date` falls in (Vietnam's offset is whole hours, so the same minute everywhere).
    static func minute(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }

    /// The calendar day in Vietnam at `date`.
    static func day(of date: Date) -> SolarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        // Components of a real instant always make a valid day; the Julian-day form cannot fail.
        return SolarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? SolarDate(julianDay: 2_451_545)
    }

    /// "05/02/2027 (29/12 âm)": a day as duty pages show it, its lunar date beside it; `time` (HH:mm) goes
    /// right after the solar date: "05/02/2027 08:00 (29/12 âm)".
    static func dayWithLunar(_ day: SolarDate, _ lang: Language, time: String? = nil) -> String {
        let solar = time.map { "\(day.dmy) \($0)" } ?? day.dmy
        guard let lunar = try? LunarCalendar.lunar(from: day) else { return solar }
        return "\(solar) (\(lunar.short) \(lang("âm", "lunar")))"
    }

    /// The instant `minutes` after midnight of `day` in Vietnam (UTC+7 all year; Vietnam keeps no summer time).
    static func instant(_ day: SolarDate, minutes: Int) -> Date {
        let unixEpochJulianDay = 2_440_588
        let seconds = (day.julianDay - unixEpochJulianDay) * 86_400 + minutes * 60 - 7 * 3_600
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Parses dd/MM/yyyy (or d/M/yyyy) as the start of that day in Vietnam.
    static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, (1...31).contains(parts[0]), (1...12).contains(parts[1]),
            (1900...2199).contains(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: parts[2], month: parts[1], day: parts[0])
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == parts[0]
        else { return nil }
        return date
    }
}
