import Foundation
import Testing

@testable import AnToanCore

@Suite("SolarDate")
struct SolarDateTests {
    @Test("parses ISO and day-first strings in both padded and unpadded forms")
    func parsing() {
        let expected = SolarDate(year: 2027, month: 2, day: 6)
        #expect(expected != nil)
        #expect(SolarDate(iso: "2027-02-06") == expected)
        #expect(SolarDate(dmy: "6/2/2027") == expected)
        #expect(SolarDate(dmy: "06/02/2027") == expected)
        #expect(SolarDate(dmy: "06/2/2027") == expected)
    }

    @Test(
        "rejects malformed or impossible dates",
        arguments: ["2025-02-29", "2025-2-03", "2025-13-01", "20250203", "", "2025-02-0x", "+202-01-01"]
    )
    func rejectsISO(text: String) {
        #expect(SolarDate(iso: text) == nil)
    }

    @Test(
        "rejects malformed day-first strings",
        arguments: ["32/1/2025", "1/1/25", "a/b/cdef", "1/1/2025/1", "29/2/2023"]
    )
    func rejectsDMY(text: String) {
        #expect(SolarDate(dmy: text) == nil)
    }

    @Test("formats as yyyy-MM-dd and dd/MM/yyyy")
    func formatting() throws {
        let date = try #require(SolarDate(year: 2025, month: 8, day: 9))
        #expect(date.iso == "2025-08-09")
        #expect(date.dmy == "09/08/2025")
        #expect("\(date)" == "2025-08-09")
    }

    @Test("Julian Day Number, weekday and day arithmetic agree with known dates")
    func julianDayAndWeekday() throws {
        let j2000 = try #require(SolarDate(iso: "2000-01-01"))
        #expect(j2000.julianDay == 2_451_545)
        #expect(j2000.weekday == .saturday)
        #expect(SolarDate(julianDay: 2_451_545) == j2000)
        #expect(SolarDate(iso: "2026-04-26")?.weekday == .sunday)
        #expect(SolarDate(iso: "2024-02-10")?.weekday.nameVi == "Thứ Bảy")
        #expect(j2000.adding(days: 60).iso == "2000-03-01")
        #expect(j2000.adding(days: -1).iso == "1999-12-31")
        #expect(j2000.days(to: j2000.adding(days: 366)) == 366)
    }

    @Test("orders chronologically")
    func ordering() throws {
        let a = try #require(SolarDate(iso: "2025-12-31"))
        let b = try #require(SolarDate(iso: "2026-01-01"))
        #expect(a < b)
        #expect([b, a].sorted() == [a, b])
    }

    @Test("encodes as an ISO string and rejects invalid ones when decoding")
    func codable() throws {
        let date = try #require(SolarDate(iso: "2033-12-22"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2033-12-22"]"#)
        #expect(try JSONDecoder().decode([SolarDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SolarDate].self, from: Data(#"["2033-02-30"]"#.utf8))
        }
    }
}
