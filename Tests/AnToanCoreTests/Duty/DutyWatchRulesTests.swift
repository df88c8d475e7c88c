import Foundation
import Testing

@testable import AnToanCore

@Suite("Attendance and the duty log book")
struct DutyWatchRulesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var end: Date { start.addingTimeInterval(12 * 3_600) }

    @Test("check-in opens an hour before the shift and closes when it ends")
    func window() {
        let rule = AttendanceRule.standard
        #expect(!rule.accepts(start: start, end: end, at: start.addingTimeInterval(-3_601)))
        #expect(rule.accepts(start: start, end: end, at: start.addingTimeInterval(-3_600)))
        #expect(rule.accepts(start: start, end: end, at: end.addingTimeInterval(-1)))
        #expect(!rule.accepts(start: start, end: end, at: end))
    }

    @Test("on time up to 15 minutes after the start, late after; missing while under way, absent after")
    func status() {
        let rule = AttendanceRule.standard
        let status = { (checkedIn: TimeInterval?, at: TimeInterval) in
            rule.status(
                start: start,
                end: end,
                checkedInAt: checkedIn.map { start.addingTimeInterval($0) },
                at: start.addingTimeInterval(at)
            )
        }
        #expect(status(-600, 0) == .onTime)
        #expect(status(900, 900) == .onTime)
        #expect(status(901, 901) == .late)
        #expect(status(nil, 900) == .expected)
        #expect(status(nil, 901) == .missing)
        #expect(status(nil, 12 * 3_600) == .absent)
    }

    @Test("open items stay open until closed; corrections replace, never edit")
    func book() throws {
        var book = [
            DutyLog.Entry(id: "1", kind: .note),
            DutyLog.Entry(id: "2", kind: .open),
            DutyLog.Entry(id: "3", kind: .open),
        ]
        #expect(DutyLog.openItems(book) == ["2", "3"])
        try DutyLog.check(kind: .close, refersTo: "2", in: book)
        book.append(DutyLog.Entry(id: "4", kind: .close, refersTo: "2"))
        #expect(DutyLog.openItems(book) == ["3"])
        #expect(throws: DutyLog.Problem.notOpen) { try DutyLog.check(kind: .close, refersTo: "2", in: book) }
        #expect(throws: DutyLog.Problem.notOpen) { try DutyLog.check(kind: .close, refersTo: "1", in: book) }
        #expect(throws: DutyLog.Problem.unknownReference) {
            try DutyLog.check(kind: .correction, refersTo: "9", in: book)
        }
        #expect(throws: DutyLog.Problem.missingReference) { try DutyLog.check(kind: .close, refersTo: nil, in: book) }
        try DutyLog.check(kind: .correction, refersTo: "1", in: book)
        book.append(DutyLog.Entry(id: "5", kind: .correction, refersTo: "1"))
        #expect(DutyLog.corrections(book) == ["1": "5"])
        #expect(throws: DutyLog.Problem.alreadyCorrected) {
            try DutyLog.check(kind: .correction, refersTo: "1", in: book)
        }
        try DutyLog.check(kind: .correction, refersTo: "5", in: book)
    }
}
