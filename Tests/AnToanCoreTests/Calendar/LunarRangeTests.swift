import Testing

@testable import AnToanCore

@Suite("Lunar calendar range, errors and CSV")
struct LunarRangeTests {
    @Test("every day 1900–2199 round-trips and lunar days run consecutively")
    func roundTripWholeRange() throws {
        let range = LunarCalendar.supportedRange
        var failures: [String] = []
        var previous = try LunarCalendar.lunar(from: range.lowerBound)
        var day = range.lowerBound.adding(days: 1)
        while day <= range.upperBound {
            let lunar = try LunarCalendar.lunar(from: day)
            if try LunarCalendar.solar(from: lunar) != day { failures.append("round trip \(day.iso)") }
            if !Self.follows(previous, with: lunar) { failures.append("sequence \(day.iso): \(previous) → \(lunar)") }
            previous = lunar
            day = day.adding(days: 1)
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    /// The next day is the next lunar day, or day 1 of the next month after a 29- or 30-day month.
    private static func follows(_ a: LunarDate, with b: LunarDate) -> Bool {
        if b.day == a.day + 1 { return (a.year, a.month, a.isLeapMonth) == (b.year, b.month, b.isLeapMonth) }
        guard b.day == 1, a.day == 29 || a.day == 30 else { return false }
        if b.isLeapMonth { return !a.isLeapMonth && b.month == a.month && b.year == a.year }
        let nextMonth = a.month % 12 + 1
        return b.month == nextMonth && b.year == (nextMonth == 1 ? a.year + 1 : a.year)
    }

    @Test("every lunar year 1900–2198 has 353–355 days, or 383–385 with a leap month")
    func yearLengths() throws {
        // Lunar 2199 ends in January 2200, past the supported solar range.
        for year in 1900...2198 {
            let leap = try LunarCalendar.leapMonth(inLunarYear: year)
            var total = 0
            for month in 1...12 {
                total += try LunarCalendar.daysInMonth(year: year, month: month)
                if month == leap { total += try LunarCalendar.daysInMonth(year: year, month: month, isLeapMonth: true) }
            }
            #expect((leap == nil ? 353...355 : 383...385).contains(total), "lunar year \(year): \(total) days")
        }
    }

    @Test("the 30th of a 29-day month does not exist")
    func invalidDay() throws {
        // given lunar month 12 of Giáp Thìn (2024), which has 29 days
        let missing = LunarDate(year: 2024, month: 12, day: 30)
        // then
        #expect(throws: CalendarError.invalidDay(day: 30, daysInMonth: 29)) { try LunarCalendar.solar(from: missing) }
        #expect(throws: CalendarError.invalidDay(day: 0, daysInMonth: 29)) {
            try LunarCalendar.solar(from: LunarDate(year: 2024, month: 12, day: 0))
        }
        #expect(CalendarError.invalidDay(day: 30, daysInMonth: 29).message.vi.contains("chỉ có 29 ngày"))
    }

    @Test("a leap month that the year does not have is rejected with the actual leap month")
    func invalidLeapMonth() {
        #expect(throws: CalendarError.noSuchLeapMonth(year: 2026, month: 6, actualLeapMonth: nil)) {
            try LunarCalendar.solar(from: LunarDate(year: 2026, month: 6, day: 1, isLeapMonth: true))
        }
        #expect(throws: CalendarError.noSuchLeapMonth(year: 2025, month: 5, actualLeapMonth: 6)) {
            try LunarCalendar.solar(from: LunarDate(year: 2025, month: 5, day: 1, isLeapMonth: true))
        }
        let none = CalendarError.noSuchLeapMonth(year: 2026, month: 6, actualLeapMonth: nil).message
        #expect(none.vi == "Năm Bính Ngọ (2026) không có tháng nhuận, nên không có tháng 6 nhuận.")
        #expect(none.en == "Lunar year 2026 has no leap month, so there is no leap month 6.")
        let message = CalendarError.noSuchLeapMonth(year: 2025, month: 5, actualLeapMonth: 6).message
        #expect(message.vi == "Năm Ất Tỵ (2025) nhuận tháng 6, không phải tháng 5.")
        #expect(message.en == "Lunar year 2025 has leap month 6, not 5.")
    }

    @Test("month numbers outside 1...12 and dates outside 1900–2199 are rejected")
    func outOfRange() throws {
        #expect(throws: CalendarError.invalidMonth(13)) {
            try LunarCalendar.solar(from: LunarDate(year: 2025, month: 13, day: 1))
        }
        #expect(throws: CalendarError.outOfRange) {
            try LunarCalendar.solar(from: LunarDate(year: 1899, month: 1, day: 1))
        }
        #expect(throws: CalendarError.outOfRange) {
            try LunarCalendar.solar(from: LunarDate(year: 2200, month: 6, day: 1))
        }
        #expect(throws: CalendarError.outOfRange) {
            try LunarCalendar.lunar(from: #require(SolarDate(iso: "1899-12-31")))
        }
        #expect(throws: CalendarError.outOfRange) {
            try LunarCalendar.lunar(from: #require(SolarDate(iso: "2200-01-01")))
        }
        #expect(throws: CalendarError.outOfRange) { try LunarCalendar.leapMonth(inLunarYear: 2200) }
        #expect(CalendarError.outOfRange.message.en.contains("1900-01-01 to 2199-12-31"))
        #expect(try LunarCalendar.lunar(from: #require(SolarDate(iso: "1900-01-01"))).year == 1899)
    }

    @Test("CSV lines start with the header and flag leap months with 1")
    func csv() throws {
        // given
        let from = try #require(SolarDate(iso: "2025-07-24"))
        let to = try #require(SolarDate(iso: "2025-07-26"))
        // when
        let lines = try LunarCalendar.csvLines(from: from, to: to)
        // then
        #expect(
            lines == [
                "solar,lunar_day,lunar_month,leap,lunar_year",
                "2025-07-24,30,6,0,2025",
                "2025-07-25,1,6,1,2025",
                "2025-07-26,2,6,1,2025",
            ]
        )
        #expect(try LunarCalendar.csvLines(from: to, to: from) == [LunarCalendar.csvHeader])
        #expect(throws: CalendarError.outOfRange) {
            try LunarCalendar.csvLines(
                from: #require(SolarDate(iso: "2199-12-30")),
                to: #require(SolarDate(iso: "2200-01-02"))
            )
        }
    }

    @Test("astronomy matches Meeus' worked example and a full solar theory")
    func astronomy() {
        // Meeus example 49.a: new moon of February 1977 (k = -283) at JDE 2443192.65118.
        #expect(abs(Astronomy.newMoon(k: -283) - 2_443_192.651_18) < 0.000_01)
        // Apparent solar longitude on 1992-10-13.0 TD is 199.9061° by VSOP87 (Meeus example 25.b).
        #expect(abs(Astronomy.sunLongitude(jde: 2_448_908.5) - 199.9061) < 0.004)
        #expect(abs(Astronomy.deltaT(year: 2000) - 63.86) < 0.01)
    }
}
