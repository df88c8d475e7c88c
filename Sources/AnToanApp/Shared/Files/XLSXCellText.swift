import Foundation

/// How a date-like number format shows a serial number: date, time of day, or both.
enum XLSXDateStyle: Equatable {
    case date
    case time(seconds: Bool)
    case dateTime(seconds: Bool)

    /// Built-in ids from ECMA-376 §18.8.30; 27–36 and 50–58 are the East Asian locale dates.
    static func forBuiltInID(_ id: Int) -> XLSXDateStyle? {
        switch id {
        case 14...17, 27...36, 50...58: return .date
        case 18, 20: return .time(seconds: false)
        case 19, 21, 45, 47: return .time(seconds: true)
        case 22: return .dateTime(seconds: false)
        default: return nil
        }
    }

    static func forFormatCode(_ code: String) -> XLSXDateStyle? {
        var hasDate = false
        var hasMonthOrMinute = false
        var hasHour = false
        var hasSeconds = false
        var quoted = false
        var bracket: String?
        var skipNext = false
        for character in code.lowercased() {
            if skipNext {
                skipNext = false
            } else if quoted {
                quoted = character != "\""
            } else if let content = bracket {
                guard character == "]" else {
                    bracket = content + String(character)
                    continue
                }
                // [h], [mm] and [ss] are elapsed durations, not dates; [Red] or [$-42A] do not matter.
                if let first = content.first, "hms".contains(first), content.allSatisfy({ $0 == first }) {
                    return nil
                }
                bracket = nil
            } else {
                switch character {
                case "\"": quoted = true
                case "[": bracket = ""
                case "\\", "_", "*": skipNext = true
                case "d", "y": hasDate = true
                case "m": hasMonthOrMinute = true
                case "h": hasHour = true
                case "s": hasSeconds = true
                default: break
                }
                // Only the first section (positive numbers) decides how a value shows.
                if character == ";" {
                    break
                }
            }
        }
        let hasTime = hasHour || hasSeconds
        switch (hasDate || (hasMonthOrMinute && !hasTime), hasTime) {
        case (true, true): return .dateTime(seconds: hasSeconds)
        case (true, false): return .date
        case (false, true): return .time(seconds: hasSeconds)
        case (false, false): return nil
        }
    }
}

/// Turns raw `<v>` values into the text Excel would show for them.
enum XLSXCellText {
    /// Integers without ".0"; otherwise at most 15 significant digits, as Excel displays.
    static func number(_ raw: String) -> String {
        if let integer = Int64(raw) {
            return String(integer)
        }
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(format: "%.15g", value).uppercased()
    }

    static func date(serial raw: String, style: XLSXDateStyle, uses1904Dates: Bool) -> String {
        // Serial 2,958,465 is 31/12/9999, the last date Excel can show.
        guard let serial = Double(raw), serial >= 0, serial < 2_958_466 else { return number(raw) }
        let totalSeconds = Int((serial * 86_400).rounded())
        var days = totalSeconds / 86_400
        let secondsOfDay = totalSeconds % 86_400
        if uses1904Dates {
            days += daysFromCivil(year: 1904, month: 1, day: 1)
        } else {
            // Excel counts a 29/02/1900 that never existed, so serials before it are one day later.
            days += daysFromCivil(year: 1899, month: 12, day: serial < 60 ? 31 : 30)
        }
        let (year, month, day) = civilFromDays(days)
        let dateText = pad(day) + "/" + pad(month) + "/" + String(year)
        var timeText = pad(secondsOfDay / 3600) + ":" + pad(secondsOfDay / 60 % 60)
        switch style {
        case .date:
            return dateText
        case .time(let seconds):
            if seconds {
                timeText += ":" + pad(secondsOfDay % 60)
            }
            return timeText
        case .dateTime(let seconds):
            if seconds {
                timeText += ":" + pad(secondsOfDay % 60)
            }
            return dateText + " " + timeText
        }
    }

    /// `t="d"` cells hold ISO 8601 text such as `2024-03-05T00:00:00`.
    static func isoDate(_ raw: String) -> String {
        let parts = raw.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return raw
        }
        return pad(day) + "/" + pad(month) + "/" + String(year)
    }

    /// Zero-based column and one-based row of a reference such as `C5`; either is nil when absent.
    static func reference(_ ref: String) -> (column: Int?, row: Int?) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in ref.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit, column < 100_000 else { return (nil, nil) }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard row < 100_000_000 else { return (nil, nil) }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            case UInt8(ascii: "$"):
                continue
            default:
                return (nil, nil)
            }
        }
        return (sawLetter ? column - 1 : nil, sawDigit ? row : nil)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    // Howard Hinnant's proleptic Gregorian algorithms; days are counted from 1970-01-01.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
