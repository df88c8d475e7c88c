import Testing

@testable import AnToanCore

@Suite("Lunar calendar conversions")
struct LunarCalendarTests {
    private func solar(_ dmy: String) throws -> SolarDate { try #require(SolarDate(dmy: dmy)) }

    @Test(
        "domain conversion vectors",
        arguments: [
            ("29/01/2025", LunarDate(year: 2025, month: 1, day: 1), "1/1 Ất Tỵ"),
            ("28/01/2025", LunarDate(year: 2024, month: 12, day: 29), "29/12 Giáp Thìn"),
            ("07/04/2025", LunarDate(year: 2025, month: 3, day: 10), "10/3 Ất Tỵ"),
            ("19/08/2025", LunarDate(year: 2025, month: 6, day: 26, isLeapMonth: true), "26/6 nhuận Ất Tỵ"),
            ("21/03/2023", LunarDate(year: 2023, month: 2, day: 30), "30/2 Quý Mão"),
            ("22/03/2023", LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true), "1/2 nhuận Quý Mão"),
        ]
    )
    func conversionVectors(dmy: String, expected: LunarDate, display: String) throws {
        // given
        let date = try solar(dmy)
        // when
        let lunar = try LunarCalendar.lunar(from: date)
        // then
        #expect(lunar == expected)
        #expect(lunar.display == display)
        #expect(try LunarCalendar.solar(from: expected) == date)
    }

    @Test(
        "Tết and Giỗ Tổ 2024–2035 with can chi, weekdays and leap months",
        arguments: [
            YearVector(2024, "Giáp Thìn", "10/02/2024", .saturday, "18/04/2024", .thursday),
            YearVector(2025, "Ất Tỵ", "29/01/2025", .wednesday, "07/04/2025", .monday, leap: (6, "25/07/2025")),
            YearVector(2026, "Bính Ngọ", "17/02/2026", .tuesday, "26/04/2026", .sunday),
            YearVector(2027, "Đinh Mùi", "06/02/2027", .saturday, "16/04/2027", .friday),
            YearVector(2028, "Mậu Thân", "26/01/2028", .wednesday, "04/04/2028", .tuesday, leap: (5, "23/06/2028")),
            YearVector(2029, "Kỷ Dậu", "13/02/2029", .tuesday, "23/04/2029", .monday),
            YearVector(2030, "Canh Tuất", "02/02/2030", .saturday, "12/04/2030", .friday),
            YearVector(2031, "Tân Hợi", "23/01/2031", .thursday, "01/04/2031", .tuesday, leap: (3, "21/04/2031")),
            YearVector(2032, "Nhâm Tý", "11/02/2032", .wednesday, "19/04/2032", .monday),
            YearVector(2033, "Quý Sửu", "31/01/2033", .monday, "09/04/2033", .saturday, leap: (11, "22/12/2033")),
            YearVector(2034, "Giáp Dần", "19/02/2034", .sunday, "28/04/2034", .friday),
            YearVector(2035, "Ất Mão", "08/02/2035", .thursday, "17/04/2035", .tuesday),
        ]
    )
    func yearTable(vector: YearVector) throws {
        let tet = try LunarCalendar.solar(from: LunarDate(year: vector.year, month: 1, day: 1))
        let hungKings = try LunarCalendar.solar(from: LunarDate(year: vector.year, month: 3, day: 10))
        #expect(tet.dmy == vector.tet)
        #expect(tet.weekday == vector.tetWeekday)
        #expect(hungKings.dmy == vector.hungKings)
        #expect(hungKings.weekday == vector.hungKingsWeekday)
        #expect(LunarDate.canChi(year: vector.year) == vector.canChi)
        #expect(try LunarCalendar.leapMonth(inLunarYear: vector.year) == vector.leapMonth)
        if let month = vector.leapMonth, let start = vector.leapStart {
            let first = try LunarCalendar.solar(
                from: LunarDate(year: vector.year, month: month, day: 1, isLeapMonth: true)
            )
            #expect(first.dmy == start)
        }
    }

    @Test("2033: the month after the winter-solstice month 11 is leap 11, and Tết 2034 follows month 12")
    func leapEleven2033() throws {
        // given the three lunations around the December 2033 solstice
        let month11 = try LunarCalendar.lunar(from: solar("22/11/2033"))
        let leap11 = try LunarCalendar.lunar(from: solar("22/12/2033"))
        let month12 = try LunarCalendar.lunar(from: solar("20/01/2034"))
        // then they are 11, 11 nhuận and 12, all in lunar year Quý Sửu 2033
        #expect(month11 == LunarDate(year: 2033, month: 11, day: 1))
        #expect(leap11 == LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true))
        #expect(month12 == LunarDate(year: 2033, month: 12, day: 1))
        #expect(leap11.display == "1/11 nhuận Quý Sửu")
        #expect(try LunarCalendar.lunar(from: solar("21/12/2033")).month == 11)
        #expect(try LunarCalendar.lunar(from: solar("19/02/2034")) == LunarDate(year: 2034, month: 1, day: 1))
    }

    @Test("earlier leap months 2020 (4) and 2023 (2)")
    func earlierLeapMonths() throws {
        #expect(try LunarCalendar.leapMonth(inLunarYear: 2020) == 4)
        #expect(try LunarCalendar.leapMonth(inLunarYear: 2023) == 2)
        #expect(try LunarCalendar.leapMonth(inLunarYear: 2024) == nil)
        let leap2023 = try LunarCalendar.solar(from: LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true))
        #expect(leap2023.dmy == "22/03/2023")
    }

    @Test("Vietnamese Tết differs from the Chinese New Year in 1968, 1985, 2007 and 2030")
    func vietnamVersusChina() throws {
        // given the same algorithm at UTC+8, the meridian of the Chinese calendar
        let china = LunarTable(firstCycle: 1966, lastCycle: 2031) { _ in 8 }
        for (year, vietnam, chinese) in [
            (1968, "29/01/1968", "30/01/1968"), (1985, "21/01/1985", "20/02/1985"),
            (2007, "17/02/2007", "18/02/2007"), (2030, "02/02/2030", "03/02/2030"),
        ] {
            // when
            let tet = try LunarCalendar.solar(from: LunarDate(year: year, month: 1, day: 1))
            let index = try #require(china.index[LunarTable.Key(year: year, month: 1, isLeap: false)])
            // then
            #expect(tet.dmy == vietnam)
            #expect(SolarDate(julianDay: china.months[index].start).dmy == chinese)
        }
    }

    @Test(
        "published Vietnamese Tết dates",
        arguments: [
            "31/01/1900", "13/02/1945", "03/02/1954", "29/01/1968", "11/02/1975", "31/01/1976", "28/01/1979",
            "16/02/1980", "21/01/1985", "09/02/1986", "06/02/1989", "27/01/1990", "15/02/1991", "04/02/1992",
            "23/01/1993", "10/02/1994", "31/01/1995", "19/02/1996", "07/02/1997", "28/01/1998", "16/02/1999",
            "05/02/2000", "24/01/2001", "12/02/2002", "01/02/2003", "22/01/2004", "09/02/2005", "29/01/2006",
            "17/02/2007", "07/02/2008", "26/01/2009", "14/02/2010", "03/02/2011", "23/01/2012", "10/02/2013",
            "31/01/2014", "19/02/2015", "08/02/2016", "28/01/2017", "16/02/2018", "05/02/2019", "25/01/2020",
            "12/02/2021", "01/02/2022", "22/01/2023",
        ]
    )
    func publishedTet(dmy: String) throws {
        let date = try solar(dmy)
        #expect(try LunarCalendar.lunar(from: date) == LunarDate(year: date.year, month: 1, day: 1))
    }

    @Test(
        "months where the published tables depart from UTC+8 or from the astronomy start on the published day",
        arguments: [
            // New moons minutes after midnight at UTC+8, before midnight on Beijing's meridian (UTC+7:45:40).
            ("23/04/1906", LunarDate(year: 1906, month: 4, day: 1), "22/04/1906", 29),
            ("17/11/1914", LunarDate(year: 1914, month: 10, day: 1), "16/11/1914", 29),
            ("03/02/1916", LunarDate(year: 1916, month: 1, day: 1), "02/02/1916", 29),
            ("10/11/1920", LunarDate(year: 1920, month: 10, day: 1), "09/11/1920", 29),
            // Published exceptions: Tết 1925 a day after the new moon, May 2054 a day before.
            ("25/01/1925", LunarDate(year: 1925, month: 1, day: 1), "24/01/1925", 30),
            ("07/05/2054", LunarDate(year: 2054, month: 4, day: 1), "06/05/2054", 29),
        ]
    )
    func publishedMonthStarts(dmy: String, first: LunarDate, eve: String, lastDay: Int) throws {
        // given the first day of the month in the published tables and the day before it
        let date = try solar(dmy)
        // when
        let lunar = try LunarCalendar.lunar(from: date)
        let previous = try LunarCalendar.lunar(from: solar(eve))
        // then
        #expect(lunar == first)
        #expect(try LunarCalendar.solar(from: first) == date)
        #expect(previous.day == lastDay)
        #expect(previous.month == (first.month + 10) % 12 + 1)
    }

    @Test("year names follow the 60-year cycle")
    func canChi() {
        #expect(LunarDate.canChi(year: 1984) == "Giáp Tý")
        #expect(LunarDate.canChi(year: 1968) == "Mậu Thân")
        #expect(LunarDate.canChi(year: 2043) == "Quý Hợi")
        #expect(LunarDate(year: 2025, month: 1, day: 1).canChi == "Ất Tỵ")
    }
}

/// One row of the domain note's Tết / Giỗ Tổ table.
struct YearVector: Sendable, CustomTestStringConvertible {
    let year: Int
    let canChi: String
    let tet: String
    let tetWeekday: Weekday
    let hungKings: String
    let hungKingsWeekday: Weekday
    let leapMonth: Int?
    let leapStart: String?

    init(
        _ year: Int,
        _ canChi: String,
        _ tet: String,
        _ tetWeekday: Weekday,
        _ hungKings: String,
        _ hungKingsWeekday: Weekday,
        leap: (Int, String)? = nil
    ) {
        self.year = year
        self.canChi = canChi
        self.tet = tet
        self.tetWeekday = tetWeekday
        self.hungKings = hungKings
        self.hungKingsWeekday = hungKingsWeekday
        leapMonth = leap?.0
        leapStart = leap?.1
    }

    var testDescription: String { "\(year) \(canChi)" }
}
