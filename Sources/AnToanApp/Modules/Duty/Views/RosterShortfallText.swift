import AnToanCore
import Foundation

/// A roster's open seats in words, one line per shift and post that falls short, in date order:
/// "Đêm 01/02/2027, Ca 3 (22:00–06:00): Bốt gác phía sau không có người".
enum RosterShortfallText {
    static func lines(_ grid: RosterGrid, posts: [DutyPost], _ lang: Language) -> [String] {
        var lines: [String] = []
        for row in grid.rows {
            for (column, cell) in zip(grid.columns, row.cells) where !cell.open.isEmpty {
                let missing = cell.open.reduce(0) { $0 + $1.missing }
                let post = posts.first { $0.id == column.post }
                let shift = post?.pattern.shifts.first { $0.id == column.shift }
                let when =
                    shift?.isNight == true
                    ? lang("Đêm \(row.date.dmy)", "Night of \(row.date.dmy)")
                    : lang("Ngày \(row.date.dmy)", "Day \(row.date.dmy)")
                let postName = post?.name ?? column.post
                let what =
                    cell.people.isEmpty
                    ? lang("\(postName) không có người", "nobody at \(postName)")
                    : lang("\(postName) thiếu \(missing) người", "\(postName) \(missing) short")
                lines.append("\(when), \(shift?.name ?? column.shift): \(what)")
            }
        }
        return lines
    }
}
