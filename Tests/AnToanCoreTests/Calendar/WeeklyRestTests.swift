import Testing

@testable import AnToanCore

@Suite("Weekly rest days")
struct WeeklyRestTests {
    private func offDays(_ year: Int, _ rest: WeeklyRest) -> [String] {
        HolidayCalendar.daysOff(schedule: HolidayCalendar.proposedHolidays(year: year), weeklyRestDays: rest.days)
            .filter { $0.kind == .compensatory }.map(\.date.dmy)
    }

    @Test("01/05/2027, a Saturday, is made up on Monday 03/05 for a Saturday-and-Sunday unit, not for a Sunday one")
    func labourDay2027() throws {
        // given the year's proposed schedule (computed for Sunday rest)
        let schedule = HolidayCalendar.proposedHolidays(year: 2027)
        // when
        let agency = HolidayCalendar.daysOff(schedule: schedule, weeklyRestDays: WeeklyRest.saturdayAndSunday.days)
        let factory = HolidayCalendar.daysOff(schedule: schedule, weeklyRestDays: WeeklyRest.sunday.days)
        // then
        let monday = try #require(agency.first { $0.date == SolarDate(year: 2027, month: 5, day: 3) })
        #expect(monday.kind == .compensatory)
        #expect(monday.nameVi == "Nghỉ bù Ngày Quốc tế Lao động (1/5)")
        #expect(!factory.contains { $0.date == SolarDate(year: 2027, month: 5, day: 3) })
    }

    @Test("Tết 2027 (Saturday 06/02 and Sunday 07/02): two days made up for Saturday-and-Sunday, one for Sunday")
    func tet2027() {
        #expect(offDays(2027, .saturdayAndSunday) == ["10/02/2027", "11/02/2027", "03/05/2027"])
        #expect(offDays(2027, .sunday) == ["10/02/2027"])
    }

    @Test("a day added by hand stays and is not made up; a compensatory day never falls on it")
    func customDaysKept() {
        // given 01/05/2027 (Saturday), a day added for Monday 03/05 and an anniversary
        let may = HolidayCalendar.proposedHolidays(year: 2027).filter { $0.date.month == 5 }
        let added = Holiday(
            date: SolarDate(year: 2027, month: 5, day: 3)!,
            nameVi: "Nghỉ theo quyết định",
            nameEn: "Day off by decision",
            kind: .custom
        )
        let sunday = Holiday(
            date: SolarDate(year: 2027, month: 5, day: 9)!,
            nameVi: "Thêm",
            nameEn: "More",
            kind: .custom
        )
        let anniversary = Holiday(
            date: SolarDate(year: 2027, month: 5, day: 19)!,
            nameVi: "Kỷ niệm",
            nameEn: "Day",
            kind: .anniversary
        )
        // when
        let days = HolidayCalendar.daysOff(
            schedule: may + [added, sunday, anniversary],
            weeklyRestDays: [.saturday, .sunday]
        )
        // then: the Saturday is made up on Tuesday 04/05; the Sunday added by hand is not; the anniversary is no day off
        #expect(
            days.map { "\($0.date.dmy) \($0.kind.rawValue)" } == [
                "01/05/2027 statutory", "03/05/2027 custom", "04/05/2027 compensatory", "09/05/2027 custom",
            ]
        )
    }

    @Test("agencies and schools rest on Saturday and Sunday unless they say otherwise; others on Sunday")
    func standard() {
        #expect(WeeklyRest.standard(for: .agency) == .saturdayAndSunday)
        #expect(WeeklyRest.standard(for: .school) == .saturdayAndSunday)
        #expect(WeeklyRest.standard(for: .enterprise) == .sunday)
        #expect(WeeklyRest.standard(for: nil) == .sunday)
    }

    @Test("a roster's weekend demand falls on the unit's rest days: Saturday is a working day for a Sunday unit")
    func rosterWeekend() throws {
        // given the gate, whose night shift doubles on weekends, and Saturday 13/02/2027
        var input = DutyFixtures.input(peaks: [])
        // when
        input.weeklyRestDays = WeeklyRest.sunday.days
        let sundayUnit = try DutyRosterBuilder.instance(input)
        input.weeklyRestDays = WeeklyRest.saturdayAndSunday.days
        let agency = try DutyRosterBuilder.instance(input)
        // then
        #expect(DutyFixtures.need(sundayUnit, "2027-02-13", "C3", at: "gate") == StaffCount(officers: 1))
        #expect(DutyFixtures.need(agency, "2027-02-13", "C3", at: "gate") == StaffCount(officers: 2))
        #expect(DutyFixtures.need(sundayUnit, "2027-02-14", "C3", at: "gate") == StaffCount(officers: 2))
    }
}
