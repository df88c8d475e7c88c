import Testing

@testable import AnToanCore

@Suite("Holiday calendar")
struct HolidayCalendarTests {
    private func summary(_ holidays: [Holiday]) -> [String] {
        holidays.map { "\($0.date.dmy) \($0.kind.rawValue)" }
    }

    @Test("2025: eve 29 tháng Chạp + mùng 1–4, Giỗ Tổ Monday, 2/9 Tuesday with 1/9, no Sunday holiday")
    func holidays2025() {
        let holidays = HolidayCalendar.proposedHolidays(year: 2025)
        #expect(
            summary(holidays) == [
                "01/01/2025 statutory", "28/01/2025 statutory", "29/01/2025 statutory", "30/01/2025 statutory",
                "31/01/2025 statutory", "01/02/2025 statutory", "07/04/2025 statutory", "30/04/2025 statutory",
                "01/05/2025 statutory", "01/09/2025 statutory", "02/09/2025 statutory",
            ]
        )
        #expect(holidays[1].nameVi == "Tết Nguyên đán (29 tháng Chạp)")
        #expect(holidays.filter { $0.kind == .statutory }.count == 11)
    }

    @Test("2026: Giỗ Tổ on Sunday 26/04 gives a compensatory Monday 27/04")
    func holidays2026() throws {
        // given
        let holidays = HolidayCalendar.proposedHolidays(year: 2026)
        // then
        #expect(
            summary(holidays) == [
                "01/01/2026 statutory", "16/02/2026 statutory", "17/02/2026 statutory", "18/02/2026 statutory",
                "19/02/2026 statutory", "20/02/2026 statutory", "26/04/2026 statutory", "27/04/2026 compensatory",
                "30/04/2026 statutory", "01/05/2026 statutory", "01/09/2026 statutory", "02/09/2026 statutory",
            ]
        )
        let compensatory = try #require(holidays.first { $0.kind == .compensatory })
        #expect(compensatory.date.weekday == .monday)
        #expect(compensatory.nameVi == "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)")
    }

    @Test("2027: mùng 2 Tết on Sunday is made up after the Tết block; 2/9 Thursday takes 3/9")
    func holidays2027() {
        #expect(
            summary(HolidayCalendar.proposedHolidays(year: 2027)) == [
                "01/01/2027 statutory", "05/02/2027 statutory", "06/02/2027 statutory", "07/02/2027 statutory",
                "08/02/2027 statutory", "09/02/2027 statutory", "10/02/2027 compensatory", "16/04/2027 statutory",
                "30/04/2027 statutory", "01/05/2027 statutory", "02/09/2027 statutory", "03/09/2027 statutory",
            ]
        )
    }

    @Test("2023: Sunday holidays are made up on the next day that is neither Sunday nor a holiday")
    func compensatorySkipsHolidays() {
        // given 1/1 on Sunday, mùng 1 Tết (22/01) on Sunday, and 30/4 on Sunday followed by the 1/5 holiday
        let compensatory = HolidayCalendar.proposedHolidays(year: 2023).filter { $0.kind == .compensatory }
        // then 2/1, the day after the Tết block, and 2/5 (as the 2023 decisions did)
        #expect(
            summary(compensatory) == ["02/01/2023 compensatory", "26/01/2023 compensatory", "02/05/2023 compensatory"]
        )
    }

    @Test("Giỗ Tổ 2033 on Saturday is made up only when Saturday is a rest day; 1/5 on Sunday always is")
    func saturdayRest() {
        let sundayOnly = HolidayCalendar.proposedHolidays(year: 2033).filter { $0.kind == .compensatory }
        let weekend = HolidayCalendar.proposedHolidays(year: 2033, weeklyRestDays: [.saturday, .sunday])
            .filter { $0.kind == .compensatory }
        #expect(summary(sundayOnly) == ["04/02/2033 compensatory", "02/05/2033 compensatory"])
        #expect(
            summary(weekend) == [
                "03/01/2033 compensatory", "04/02/2033 compensatory", "11/04/2033 compensatory",
                "02/05/2033 compensatory", "03/05/2033 compensatory",
            ]
        )
    }

    @Test(
        "the day next to 2/9 joins the weekend, as in the decisions of 2021–2025",
        arguments: [
            (2021, "03/09/2021"), (2022, "01/09/2022"), (2023, "01/09/2023"), (2024, "03/09/2024"),
            (2025, "01/09/2025"),
        ]
    )
    func nationalDayAdjacent(year: Int, expected: String) {
        #expect(HolidayCalendar.nationalDayAdjacentDay(year: year)?.dmy == expected)
    }

    @Test("1947: Giỗ Tổ on 30/4 is one day with both names, and the day it shares is made up on 2/5")
    func hungKingsOnReunificationDay() {
        let days = HolidayCalendar.proposedHolidays(year: 1947)
        #expect(Set(days.map(\.date)).count == days.count)
        let april30 = days.first { $0.date.dmy == "30/04/1947" }
        #expect(april30?.nameVi.contains("Giỗ Tổ Hùng Vương") == true)
        #expect(april30?.nameVi.contains("Ngày Chiến thắng") == true)
        #expect(days.contains { $0.date.dmy == "02/05/1947" && $0.kind == .compensatory })
    }

    @Test("anniversaries of 2025 in date order, lunar ones included")
    func anniversaries() {
        let days = HolidayCalendar.anniversaries(year: 2025)
        #expect(days.allSatisfy { $0.kind == .anniversary })
        #expect(
            days.map(\.date.dmy) == [
                "29/01/2025", "03/02/2025", "28/03/2025", "07/04/2025", "30/04/2025", "01/05/2025", "19/08/2025",
                "02/09/2025", "04/10/2025", "22/12/2025",
            ]
        )
        #expect(days[6].nameVi.contains("Công an nhân dân"))
    }

    @Test("lunar holidays are omitted outside the supported years")
    func outsideRange() {
        let holidays = HolidayCalendar.proposedHolidays(year: 2300)
        #expect(holidays.count == 6)
        #expect(HolidayCalendar.anniversaries(year: 2300).count == 8)
    }
}
