import AnToanCore
import Foundation

/// The grid a unit pins on the wall as its "lịch trực": a row per person, a column per day, each cell the short
/// marks of the shifts the person holds that day. The print page and the spreadsheet both show this one model.
extension RosterGrid {
    struct Wall {
        struct Person {
            var staffID: UUID
            var name: String
            /// Holds at least one leader's seat: leaders are listed first.
            var leader: Bool
            /// One entry per day of `days`: the marks of that day's shifts ("D", "N-2★").
            var marks: [[String]]

            var shifts: Int { marks.reduce(0) { $0 + $1.count } }
        }

        var days: [SolarDate]
        var people: [Person]
        /// Each mark with the post and shift it stands for ("D" → "Trụ sở · Ca ngày 07:00–19:00"), then "★".
        var legend: [(mark: String, text: String)]
    }

    /// "D", "N" for the main post's shifts; "D-2" for the second post's: short by design, explained by the legend.
    var marks: [String: String] {
        let posts = postSpans.map(\.post)
        var marks: [String: String] = [:]
        for column in columns {
            let number = (posts.firstIndex(of: column.post) ?? 0) + 1
            marks["\(column.post)|\(column.shift)"] = number == 1 ? column.shift : "\(column.shift)-\(number)"
        }
        return marks
    }

    func wall(_ lang: Language) -> Wall {
        let marks = marks
        var held: [UUID: [Int: [String]]] = [:]
        var leaders: Set<UUID> = []
        for (day, row) in rows.enumerated() {
            for (index, cell) in row.cells.enumerated() {
                let column = columns[index]
                let mark = marks["\(column.post)|\(column.shift)"] ?? column.shift
                for person in cell.people {
                    held[person.staffID, default: [:]][day, default: []].append(mark + (person.leader ? "★" : ""))
                    if person.leader { leaders.insert(person.staffID) }
                }
            }
        }
        let ids = Set(staff.keys).union(held.keys).sorted { a, b in
            (leaders.contains(a) ? 0 : 1, staff[a] ?? "") < (leaders.contains(b) ? 0 : 1, staff[b] ?? "")
        }
        let people = ids.map { id in
            Wall.Person(
                staffID: id,
                name: staff[id] ?? "—",
                leader: leaders.contains(id),
                marks: rows.indices.map { held[id]?[$0] ?? [] }
            )
        }
        let legend =
            columns.map { column in
                (
                    marks["\(column.post)|\(column.shift)"] ?? column.shift,
                    names.seat(post: column.post, shift: column.shift, lang)
                )
            } + [("★", lang("lãnh đạo trực", "duty leader"))]
        return Wall(days: rows.map(\.date), people: people, legend: legend)
    }
}
