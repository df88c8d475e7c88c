import AnToanCore
import Foundation

/// A roster as a workbook: the grid a unit prints (title, unit, period; a row per person, a column per day, each
/// cell the short mark of the shift they hold, the legend below), then the seats one per row and the open seats.
/// Days are date cells and counts number cells, so that the sheet sorts and sums.
enum RosterExport {
    struct Input {
        var unitName: String
        var start: SolarDate
        var end: SolarDate
        var seats: [RosterSeat]
        var names: [UUID: String]
        var grid: RosterGrid
        var report: RosterReport
    }

    static func sheets(_ input: Input, lang: Language) -> [XLSXSheet] {
        [grid(input, lang), seatList(input, lang), openSeats(input, lang)]
    }

    private static func grid(_ input: Input, _ lang: Language) -> XLSXSheet {
        let wall = input.grid.wall(lang)
        let period =
            input.start.month == input.end.month && input.start.year == input.end.year
            ? lang("Tháng", "Month") + " \(two(input.start.month))/\(input.start.year)"
            : lang(
                "Từ ngày \(input.start.dmy) đến ngày \(input.end.dmy)",
                "From \(input.start.dmy) to \(input.end.dmy)"
            )
        var rows: [[XLSXCell]] = [
            [.text(input.unitName.uppercased(), bold: true)],
            [.text(lang("LỊCH TRỰC BAN", "DUTY ROSTER"), bold: true)],
            [.text(period)],
            [],
            [.text(lang("STT", "No."), bold: true), .text(lang("Họ và tên", "Name"), bold: true)]
                + wall.days.map { XLSXCell.date($0, bold: true) } + [.text(lang("Số ca", "Shifts"), bold: true)],
        ]
        for (index, person) in wall.people.enumerated() {
            rows.append(
                [.number(index + 1), .text(person.name)]
                    + person.marks.map { XLSXCell.text($0.joined(separator: ", ")) } + [.number(person.shifts)]
            )
        }
        rows.append([])
        rows.append([.text(lang("Các ca trực", "Shifts"), bold: true)])
        for entry in wall.legend {
            rows.append([.text(entry.mark), .text(entry.text)])
        }
        return XLSXSheet(name: lang("Lịch trực", "Roster"), rows: rows, frozenRows: 5)
    }

    private static func seatList(_ input: Input, _ lang: Language) -> XLSXSheet {
        let names = input.grid.names
        var rows: [[XLSXCell]] = [
            [
                lang("Ngày", "Date"), lang("Âm lịch", "Lunar"), lang("Chốt", "Post"), lang("Ca", "Shift"),
                lang("Vai trò", "Role"), lang("Họ và tên", "Name"),
            ]
            .map { XLSXCell.text($0, bold: true) }
        ]
        for seat in input.seats.sorted(by: { $0.startsAt < $1.startsAt }) {
            let day = SolarDate(iso: seat.date)
            rows.append([
                day.map { XLSXCell.date($0) } ?? .text(seat.date),
                .text(day.flatMap { try? LunarCalendar.lunar(from: $0) }?.short ?? ""),
                .text(names.post(seat.post, lang)), .text(names.shift(post: seat.post, seat.shift, lang)),
                .text(RosterGrid.roleName(seat.role, lang)), .text(input.names[seat.staffID] ?? ""),
            ])
        }
        return XLSXSheet(name: lang("Danh sách ca", "Seats"), rows: rows, frozenRows: 1)
    }

    private static func openSeats(_ input: Input, _ lang: Language) -> XLSXSheet {
        let names = input.grid.names
        var rows: [[XLSXCell]] = [
            [
                lang("Ngày", "Date"), lang("Chốt", "Post"), lang("Ca", "Shift"), lang("Vai trò", "Role"),
                lang("Thiếu", "Missing"), lang("Lý do", "Reason"),
            ]
            .map { XLSXCell.text($0, bold: true) }
        ]
        for slot in input.report.openSlots {
            rows.append([
                SolarDate(iso: slot.date).map { XLSXCell.date($0) } ?? .text(slot.date),
                .text(names.post(slot.post, lang)), .text(names.shift(post: slot.post, slot.shift, lang)),
                .text(RosterGrid.roleName(slot.role, lang)), .number(slot.missing),
                .text(lang(slot.reasonVi, slot.reason)),
            ])
        }
        return XLSXSheet(name: lang("Chỗ trống", "Open seats"), rows: rows, frozenRows: 1)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
