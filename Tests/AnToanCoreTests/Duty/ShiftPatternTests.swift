import AnToanCore
import Foundation
import Testing

@Suite("Shift patterns")
struct ShiftPatternTests {
    @Test(
        "the standard patterns are valid, fill 24 hours and mark the shifts touching 22:00–06:00 as nights",
        arguments: [
            (ShiftPattern.threeShifts, ["C3"]), (ShiftPattern.twoShifts, ["N"]), (ShiftPattern.fullDay, ["T"]),
        ]
    )
    func standardPatterns(pattern: ShiftPattern, nights: [String]) throws {
        try pattern.validate()
        #expect(pattern.shifts.reduce(0) { $0 + $1.hours } == 24)
        #expect(pattern.shifts.filter(\.isNight).map(\.id) == nights)
    }

    @Test("a custom pattern may leave gaps in the day")
    func customWithGap() throws {
        let pattern = try ShiftPattern.custom([
            DutyShift(id: "HC", start: "07:30", hours: 9.5, name: "Giờ hành chính"),
            DutyShift(id: "P", start: "22:00", hours: 6),
        ])
        #expect(pattern.kind == .custom)
        #expect(pattern.shifts.map(\.isNight) == [false, true])
    }

    @Test(
        "a bad custom pattern is rejected with an error naming the shift",
        arguments: [
            (
                [DutyShift(id: "A", start: "07:00", hours: 12), DutyShift(id: "B", start: "18:00", hours: 8)],
                ShiftPatternError.overlap(shift: "B", other: "A")
            ),
            // 19:00–07:00 runs into the next morning, so a 06:00 shift overlaps it.
            (
                [DutyShift(id: "N", start: "19:00", hours: 12), DutyShift(id: "S", start: "06:00", hours: 4)],
                .overlap(shift: "S", other: "N")
            ),
            ([DutyShift(id: "A", start: "07:00", hours: 0)], .invalidLength(shift: "A", hours: 0)),
            ([DutyShift(id: "A", start: "07:00", hours: 0.001)], .invalidLength(shift: "A", hours: 0.001)),
            ([DutyShift(id: "A", start: "07:00", hours: 25)], .invalidLength(shift: "A", hours: 25)),
            ([DutyShift(id: "A", start: "7h", hours: 8)], .invalidTime(shift: "A", value: "7h")),
            (
                [DutyShift(id: "A", start: "07:00", hours: 8), DutyShift(id: "A", start: "15:00", hours: 8)],
                .duplicateShift(shift: "A")
            ),
            ([DutyShift(id: "", start: "07:00", hours: 8)], .emptyIdentifier(position: 1)),
            ([], .empty),
        ] as [([DutyShift], ShiftPatternError)]
    )
    func rejects(shifts: [DutyShift], error: ShiftPatternError) {
        #expect(throws: error) { try ShiftPattern.custom(shifts) }
    }

    @Test("the messages name the shift in Vietnamese and English")
    func messages() {
        let error = ShiftPatternError.overlap(shift: "B", other: "A")
        #expect(error.vietnameseMessage == "Ca `B` trùng giờ với ca `A`.")
        #expect(error.englishMessage == "Shift `B` overlaps shift `A`.")
        #expect(ShiftPatternError.invalidLength(shift: "A", hours: 0).vietnameseMessage.hasPrefix("Ca `A` dài 0 giờ"))
    }

    @Test("a decoded pattern is checked too")
    func decodedPatternIsChecked() throws {
        let json =
            #"{"kind":"custom","shifts":[{"id":"A","start":"07:00","hours":12},{"id":"B","start":"08:00","hours":4}]}"#
        let pattern = try JSONDecoder().decode(ShiftPattern.self, from: Data(json.utf8))
        #expect(throws: ShiftPatternError.overlap(shift: "B", other: "A")) { try pattern.validate() }
    }
}
