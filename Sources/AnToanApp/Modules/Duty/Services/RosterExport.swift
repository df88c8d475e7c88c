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

    /// "D", "N" for the main post's shifts; "D-2" for the second post's: short by design, explained by the legend.
    static func marks(_ grid: RosterGrid) -> [String: String] {
        let posts = grid.postSpans.map(\.post)
        var marks: [String: String] = [:]
        for column in grid.columns {
            let number = (posts.firstIndex(of: column.post) ?? 0) + 1
            marks["\(column.post)|\(column.shift)"] = number == 1 ? column.shift : "\(column.shift)-\(number)"
        }
        return marks
    }

    private static func grid(_ input: Input, _ lang: Language) -> XLSXSheet {
        let marks = marks(input.grid)
        let days = (0...max(0, input.start.days(to: input.end))).map { input.start.adding(days: $0) }
        var cells: [UUID: [Int: [String]]] = [:]
        var leaders: Set<UUID> = []
        for seat in input.seats.sorted(by: { $0.startsAt < $1.startsAt }) {
            guard let day = SolarDate(iso: seat.date) else { continue }
            let mark = (marks["\(seat.post)|\(seat.shift)"] ?? seat.shift) + (seat.role == "leader" ? "★" : "")
            cells[seat.staffID, default: [:]][input.start.days(to: day), default: []].append(mark)
            if seat.role == "leader" { leaders.insert(seat.staffID) }
        }
        let people = Set(input.seats.map(\.staffID)).union(input.report.load.compactMap { UUID(uuidString: $0.staff) })
            .sorted { a, b in
                let left = (leaders.contains(a) ? 0 : 1, input.names[a] ?? "")
                let right = (leaders.contains(b) ? 0 : 1, input.names[b] ?? "")
                return left < right
            }
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
                + days.map { XLSXCell.date($0, bold: true) } + [.text(lang("Số ca", "Shifts"), bold: true)],
        ]
        for (index, person) in people.enumerated() {
            let held = cells[person] ?? [:]
            rows.append(
                [.number(index + 1), .text(input.names[person] ?? "—")]
                    + days.indices.map { XLSXCell.text(held[$0]?.joined(separator: ", ") ?? "") }
                    + [.number(held.values.reduce(0) { $0 + $1.count })]
            )
        }
        rows.append([])
        rows.append([.text(lang("Các ca trực", "Shifts"), bold: true)])
        for column in input.grid.columns {
            rows.append([
                .text(marks["\(column.post)|\(column.shift)"] ?? column.shift),
                .text(input.grid.names.seat(post: column.post, shift: column.shift, lang)),
            ])
        }
        rows.append([.text("★"), .text(lang("lãnh đạo trực", "duty leader"))])
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
