import AnToanCore
import Foundation
import Testing

@Suite("iCalendar writer")
struct ICSWriterTests {
    /// 5 February 2027, 07:00 in Vietnam = 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_801_785_600)

    @Test("a calendar has CRLF line ends, UTC times with Z, a UID and DTSTAMP per event")
    func shape() {
        // given
        let event = ICSEvent(
            uid: "seat-1@antoan",
            start: Self.start,
            end: Self.start.addingTimeInterval(12 * 3600),
            summary: "Trực ban — Ca ngày",
            location: "Cổng chính"
        )
        // when
        let text = ICSWriter.calendar(name: "Lịch trực", events: [event], stamp: Self.start)
        // then
        let lines = text.components(separatedBy: "\r\n")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.contains("VERSION:2.0") && lines.contains { $0.hasPrefix("PRODID:") })
        #expect(lines.contains("UID:seat-1@antoan"))
        #expect(lines.contains("DTSTAMP:20270205T000000Z"))
        #expect(lines.contains("DTSTART:20270205T000000Z"))
        #expect(lines.contains("DTEND:20270205T120000Z"))
        #expect(lines.contains("SUMMARY:Trực ban — Ca ngày"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
    }

    @Test("text escapes backslash, semicolon, comma and line breaks")
    func escaping() {
        #expect(ICSWriter.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICSWriter.escape("dòng 1\ndòng 2") == #"dòng 1\ndòng 2"#)
    }

    @Test("long lines fold at 75 octets without splitting a Vietnamese letter")
    func folding() {
        // given: 60 "ệ" are 180 octets
        let line = "SUMMARY:" + String(repeating: "ệ", count: 60)
        // when
        let folded = ICSWriter.fold(line)
        // then
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // unfolding gives the line back
        #expect(
            pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line
        )
        #expect(ICSWriter.fold("SHORT:x") == "SHORT:x")
    }

    @Test("an empty calendar is still valid")
    func empty() {
        let text = ICSWriter.calendar(name: "x", events: [], stamp: Self.start)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.contains("VEVENT"))
    }
}
