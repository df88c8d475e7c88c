/// Conversions between the Gregorian and the Vietnamese lunar calendar (UTC+7 from 1968, UTC+8 from 1929,
/// the meridian of Beijing before), with the published exceptions of `LunarTable.publishedCorrections`.
public enum LunarCalendar {
    /// Solar days that can be converted, in both directions: a lunar date converts when its solar day is in here.
    public static let supportedRange: ClosedRange<SolarDate> = {
        let first = SolarDate(julianDay: SolarDate.julianDay(year: 1900, month: 1, day: 1))
        let last = SolarDate(julianDay: SolarDate.julianDay(year: 2199, month: 12, day: 31))
        return first...last
    }()

    /// Lunar years whose Tết lies in `supportedRange` (the last month or two of lunar 2199 fall in 2200, outside it).
    public static let supportedLunarYears = 1900...2199

    public static func lunar(from solar: SolarDate) throws(CalendarError) -> LunarDate {
        guard supportedRange.contains(solar) else { throw .outOfRange }
        let table = LunarTable.shared
        let julianDay = solar.julianDay
        guard let i = table.monthIndex(containing: julianDay) else { throw .outOfRange }
        let month = table.months[i]
        return LunarDate(
            year: month.year,
            month: month.month,
            day: julianDay - month.start + 1,
            isLeapMonth: month.isLeap
        )
    }

    public static func solar(from lunar: LunarDate) throws(CalendarError) -> SolarDate {
        guard (1...12).contains(lunar.month) else { throw .invalidMonth(lunar.month) }
        let table = LunarTable.shared
        let key = LunarTable.Key(year: lunar.year, month: lunar.month, isLeap: lunar.isLeapMonth)
        guard let i = table.index[key] else {
            let plainKey = LunarTable.Key(year: lunar.year, month: lunar.month, isLeap: false)
            guard lunar.isLeapMonth, table.index[plainKey] != nil else { throw .outOfRange }
            throw .noSuchLeapMonth(year: lunar.year, month: lunar.month, actualLeapMonth: table.leapMonths[lunar.year])
        }
        let month = table.months[i]
        guard (1...month.length).contains(lunar.day) else {
            throw .invalidDay(day: lunar.day, daysInMonth: month.length)
        }
        let solar = SolarDate(julianDay: month.start + lunar.day - 1)
        guard supportedRange.contains(solar) else { throw .outOfRange }
        return solar
    }

    /// Number of the leap month (tháng nhuận) of a lunar year, or nil when the year has twelve months.
    public static func leapMonth(inLunarYear year: Int) throws(CalendarError) -> Int? {
        guard supportedLunarYears.contains(year) else { throw .outOfRange }
        return LunarTable.shared.leapMonths[year]
    }

    /// Number of days (29 or 30) of a lunar month.
    public static func daysInMonth(year: Int, month: Int, isLeapMonth: Bool = false) throws(CalendarError) -> Int {
        let first = try solar(from: LunarDate(year: year, month: month, day: 1, isLeapMonth: isLeapMonth))
        let table = LunarTable.shared
        guard let i = table.monthIndex(containing: first.julianDay) else { throw .outOfRange }
        return table.months[i].length
    }
}
