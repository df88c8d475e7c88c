import Foundation

/// One event of an iCalendar feed; times are instants, written in UTC.
public struct ICSEvent: Sendable, Equatable {
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var location: String?
    public var description: String?
    /// A reminder this many minutes before the start (a VALARM the phone shows), if any.
    public var reminderMinutes: Int?

    public init(
        uid: String,
        start: Date,
        end: Date,
        summary: String,
        location: String? = nil,
        description: String? = nil,
        reminderMinutes: Int? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.reminderMinutes = reminderMinutes
    }
}

/// Writes an RFC 5545 calendar a phone can subscribe to: CRLF line ends, lines folded at 75 octets,
/// text escaped, every time in UTC with `Z`. The stamp comes from the caller, never from a clock.
public enum ICSWriter {
    public static func calendar(name: String, events: [ICSEvent], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//AnToan//Duty roster//VI", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
        ]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(stamp)]
            lines += ["DTSTART:" + utc(event.start), "DTEND:" + utc(event.end), "SUMMARY:" + escape(event.summary)]
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
            if let minutes = event.reminderMinutes {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(event.summary)]
                lines += ["TRIGGER:-PT\(minutes)M", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20270205T000000Z`: the instant in UTC, to the second.
    public static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let year = String(parts.year ?? 1970)
        return year + two(parts.month) + two(parts.day) + "T" + two(parts.hour) + two(parts.minute)
            + two(parts.second) + "Z"
    }

    /// TEXT values escape backslash, semicolon and comma, and write a line break as `\n` (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Splits a content line into pieces of at most 75 octets, each continuation starting with a space
    /// (RFC 5545 §3.1), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            // The first line holds 75 octets; a continuation line holds 74 after its leading space.
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
