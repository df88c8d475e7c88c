import AnToanCore
import Foundation

/// A roster as spreadsheet tables: one row per seat, then the open seats with their reasons.
enum RosterExport {
    static func tables(
        seats: [RosterSeat],
        names: [UUID: String],
        grid: RosterGrid,
        report: RosterReport,
        lang: Language
    ) -> [SpreadsheetTable] {
        let labels = Dictionary(
            grid.columns.map { ("\($0.post)|\($0.shift)", $0.label) },
            uniquingKeysWith: { a, _ in a }
        )
        var rows = [
            [
                lang("Ngày", "Date"), lang("Âm lịch", "Lunar"), lang("Chốt · ca", "Post · shift"), lang("Từ", "From"),
                lang("Đến", "To"), lang("Vai trò", "Role"), lang("Họ và tên", "Name"),
            ]
        ]
        for seat in seats {
            let day = SolarDate(iso: seat.date)
            rows.append([
                day?.dmy ?? seat.date, day.flatMap { try? LunarCalendar.lunar(from: $0) }?.short ?? "",
                labels["\(seat.post)|\(seat.shift)"] ?? "\(seat.post) · \(seat.shift)",
                VietnamTime.dateTime(seat.startsAt), VietnamTime.dateTime(seat.endsAt),
                RosterGrid.roleName(seat.role, lang), names[seat.staffID] ?? "",
            ])
        }
        var open = [
            [
                lang("Ngày", "Date"), lang("Chốt", "Post"), lang("Ca", "Shift"), lang("Vai trò", "Role"),
                lang("Thiếu", "Missing"), lang("Lý do", "Reason"),
            ]
        ]
        for slot in report.openSlots {
            open.append([
                SolarDate(iso: slot.date)?.dmy ?? slot.date, slot.post, slot.shift,
                RosterGrid.roleName(slot.role, lang),
                String(slot.missing), lang(slot.reasonVi, slot.reason),
            ])
        }
        return [
            SpreadsheetTable(name: lang("Lịch trực", "Roster"), rows: rows),
            SpreadsheetTable(name: lang("Chỗ trống", "Open seats"), rows: open),
        ]
    }
}
