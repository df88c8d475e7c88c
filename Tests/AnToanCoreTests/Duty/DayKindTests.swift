import AnToanCore
import Testing

@Suite("Day kinds")
struct DayKindTests {
    static let tet = PeakPeriod(
        area: AreaPath("/79/")!,
        from: SolarDate(year: 2027, month: 2, day: 3)!,
        to: SolarDate(year: 2027, month: 2, day: 12)!,
        name: "Tết Đinh Mùi",
        uplift: StaffCount(officers: 1)
    )
    static let holidays = Set(HolidayCalendar.proposedHolidays(year: 2027).map(\.date))

    static func kind(
        _ iso: String,
        peaks: [PeakPeriod] = [tet],
        weekend: Set<Weekday> = [.saturday, .sunday]
    )
        -> DayKind?
    {
        SolarDate(iso: iso).map { DayKind.of($0, holidays: holidays, peaks: peaks, weekend: weekend) }
    }

    @Test(
        "peak beats holiday beats weekend beats working day",
        arguments: [
            ("2027-03-01", DayKind.working),  // Monday
            ("2027-03-06", .weekend),  // Saturday
            ("2027-04-16", .holiday),  // Friday, Giỗ Tổ Hùng Vương
            ("2027-05-01", .holiday),  // Saturday and Labour Day
            ("2027-02-03", .peak),  // Wednesday inside the Tết peak
            ("2027-02-07", .peak),  // Sunday, mùng 2 Tết, inside the peak
            ("2027-02-13", .weekend),  // Saturday just after the peak
        ]
    )
    func precedence(date: String, expected: DayKind) {
        #expect(Self.kind(date) == expected)
    }

    @Test("without the peak the Tết days are holidays, the Sunday too")
    func withoutPeak() {
        #expect(Self.kind("2027-02-07", peaks: []) == .holiday)
        #expect(Self.kind("2027-02-04", peaks: []) == .working)
    }

    @Test("a unit resting only on Sunday works on Saturday")
    func sundayOnly() {
        #expect(Self.kind("2027-03-06", weekend: [.sunday]) == .working)
        #expect(Self.kind("2027-03-07", weekend: [.sunday]) == .weekend)
    }

    @Test("kinds are ordered by precedence")
    func ordering() {
        #expect(DayKind.allCases.sorted() == [.working, .weekend, .holiday, .peak])
        #expect(DayKind.peak > .holiday && DayKind.weekend > .working)
    }

    @Test("a requirement falls back peak → holiday → weekend → working")
    func requirementFallback() {
        let quiet = ShiftRequirement(shift: "D", working: StaffCount(leaders: 1, officers: 1))
        #expect(DayKind.allCases.map { quiet.count(on: $0) }.allSatisfy { $0 == StaffCount(leaders: 1, officers: 1) })
        let busy = ShiftRequirement(
            shift: "D",
            working: StaffCount(leaders: 1, officers: 1),
            weekend: StaffCount(leaders: 1, officers: 2)
        )
        #expect(busy.count(on: .holiday) == StaffCount(leaders: 1, officers: 2))
        #expect(busy.count(on: .peak) == StaffCount(leaders: 1, officers: 2))
    }

    @Test("a peak period covers its dates and the areas under its own")
    func peakCoverage() throws {
        let tet = Self.tet
        #expect(tet.covers(try #require(SolarDate(iso: "2027-02-12"))))
        #expect(!tet.covers(try #require(SolarDate(iso: "2027-02-13"))))
        #expect(tet.applies(to: try #require(AreaPath("/79/26734/"))))
        #expect(tet.applies(to: try #require(AreaPath("/79/"))))
        #expect(!tet.applies(to: try #require(AreaPath("/7/"))))
        #expect(!tet.applies(to: try #require(AreaPath("/01/00001/"))))
    }
}
