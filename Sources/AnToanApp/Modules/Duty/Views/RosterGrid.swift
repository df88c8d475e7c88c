import AnToanCore
import Foundation

/// A roster as a day × (post, shift) grid of names with the open seats of each cell; the roster page,
/// the print page and the spreadsheet read it.
struct RosterGrid {
    struct Column: Equatable {
        var post: String
        var shift: String
    }

    struct Person {
        var seatID: UUID
        var staffID: UUID
        var name: String
        var leader: Bool
    }

    struct Cell {
        var people: [Person] = []
        var open: [(role: String, missing: Int)] = []
    }

    struct Row {
        var date: SolarDate
        var cells: [Cell]
    }

    var columns: [Column]
    var rows: [Row]
    /// The posts' and shifts' names for the header and the legend.
    var names: DutyNames
    /// Everyone on the roster's duty list by name, with or without a seat: the rows of the grid a unit prints.
    var staff: [UUID: String]

    init(
        start: SolarDate,
        end: SolarDate,
        seats: [RosterSeat],
        names: [UUID: String],
        posts: [DutyPost],
        open: [RosterOpenSlot]
    ) {
        // Posts in set-up order (the main post first), shifts in the order of their pattern.
        self.names = DutyNames(posts: posts)
        self.staff = names
        var order: [String: (Int, Int, String)] = [:]
        for (postIndex, post) in posts.enumerated() {
            for (shiftIndex, shift) in post.pattern.shifts.enumerated() {
                order["\(post.id)|\(shift.id)"] = (postIndex, shiftIndex, "")
            }
        }
        var keys: [String] = []
        for key in seats.map({ "\($0.post)|\($0.shift)" }) + open.map({ "\($0.post)|\($0.shift)" })
        where !keys.contains(key) {
            keys.append(key)
        }
        keys.sort { left, right in
            let a = order[left] ?? (Int.max, 0, left)
            let b = order[right] ?? (Int.max, 0, right)
            return (a.0, a.1, a.2) < (b.0, b.1, b.2)
        }
        columns = keys.map { key in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let post = parts.first ?? ""
            let shift = parts.count > 1 ? parts[1] : ""
            return Column(post: post, shift: shift)
        }
        let days = max(0, start.days(to: end) + 1)
        var rows = (0..<days).map {
            Row(date: start.adding(days: $0), cells: Array(repeating: Cell(), count: keys.count))
        }
        // Each day's row by its stored date, parsed once per day rather than once per seat.
        let dayIndex = Dictionary(rows.indices.map { (rows[$0].date.iso, $0) }, uniquingKeysWith: { first, _ in first })
        // Each column by its post and shift.
        var columnOf: [String: [String: Int]] = [:]
        for (offset, column) in columns.enumerated() { columnOf[column.post, default: [:]][column.shift] = offset }
        for seat in seats {
            guard let day = dayIndex[seat.date], let id = seat.id, let column = columnOf[seat.post]?[seat.shift] else {
                continue
            }
            let person = Person(
                seatID: id,
                staffID: seat.staffID,
                name: names[seat.staffID] ?? "—",
                leader: seat.role == "leader"
            )
            rows[day].cells[column].people.append(person)
        }
        for slot in open {
            guard let day = dayIndex[slot.date], let column = columnOf[slot.post]?[slot.shift] else { continue }
            rows[day].cells[column].open.append((slot.role, slot.missing))
        }
        for day in rows.indices {
            for column in rows[day].cells.indices {
                // Leaders first, then by name.
                rows[day].cells[column].people.sort { ($0.leader ? 0 : 1, $0.name) < ($1.leader ? 0 : 1, $1.name) }
            }
        }
        self.rows = rows
    }

    /// "Thiếu 1 lãnh đạo" / "1 officer short".
    static func openText(_ role: String, _ missing: Int, _ lang: Language) -> String {
        role == "leader"
            ? lang("Thiếu \(missing) lãnh đạo", "\(missing) leader(s) short")
            : lang("Thiếu \(missing) cán bộ", "\(missing) officer(s) short")
    }

    static func roleName(_ role: String, _ lang: Language) -> String {
        role == "leader" ? lang("Lãnh đạo trực", "Duty leader") : lang("Cán bộ trực", "Duty officer")
    }

    static func statusName(_ status: String, _ lang: Language) -> String {
        switch status {
        case "draft": lang("Bản nháp", "Draft")
        case "published": lang("Đã công bố", "Published")
        case "replaced": lang("Đã thay thế", "Replaced")
        case "submitted": lang("Đã trình ký", "Submitted for approval")
        case "returned": lang("Bị trả lại", "Returned")
        case "pending": lang("Chờ duyệt", "Pending")
        case "approved": lang("Đã duyệt", "Approved")
        case "rejected": lang("Từ chối", "Rejected")
        default: status
        }
    }
}

extension RosterGrid {
    /// "Cổng chính · Ca 1 (06:00–14:00)": a seat's post and shift by their set-up names.
    static func label(post: String, shift: String, posts: [DutyPost]) -> String {
        let names = DutyNames(posts: posts)
        let shiftName = names.shift(post: post, shift).map { $0.name ?? DutyNames.hours($0) } ?? "ca \(shift)"
        return "\(names.post(post, .vi)) · \(shiftName)"
    }

    /// The columns' posts in order, each with the number of its shift columns: the header's first row.
    var postSpans: [(post: String, count: Int)] {
        var spans: [(post: String, count: Int)] = []
        for column in columns {
            if let last = spans.last, last.post == column.post {
                spans[spans.count - 1].count += 1
            } else {
                spans.append((column.post, 1))
            }
        }
        return spans
    }

    /// One line per post: "Trụ sở: Ca ngày 07:00–19:00; Ca đêm 19:00–07:00", the legend under the grid.
    func legend(_ lang: Language) -> [String] {
        postSpans.map { span in
            let shifts = columns.filter { $0.post == span.post }.map { names.shift(post: $0.post, $0.shift, lang) }
            return "\(names.post(span.post, lang)): \(shifts.joined(separator: "; "))"
        }
    }

    /// "05/02/2027 · Cổng chính · Ca 1 (06:00–14:00)".
    static func seatText(_ seat: RosterSeat, posts: [DutyPost]) -> String {
        "\(SolarDate(iso: seat.date)?.dmy ?? seat.date) · \(label(post: seat.post, shift: seat.shift, posts: posts))"
    }
}
