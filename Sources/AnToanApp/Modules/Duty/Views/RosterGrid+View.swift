import AnToanCore
import Foundation
import Plot

/// The grid's header and legend, shared by the roster page and its print: the posts' names over their shifts'
/// short names, and under the grid each post's shifts with their hours.
extension RosterGrid {
    func head(_ lang: Language) -> any Component {
        El("thead") {
            El("tr") {
                TableHeaderCell(lang("Ngày", "Day")).attribute(named: "rowspan", value: "2")
                for span in postSpans {
                    TableHeaderCell(names.post(span.post, lang))
                        .attribute(named: "colspan", value: String(span.count))
                        .attribute(named: "scope", value: "colgroup")
                }
            }
            El("tr") {
                for column in columns {
                    TableHeaderCell(names.shortShift(post: column.post, column.shift))
                        .attribute(named: "scope", value: "col")
                }
            }
        }
    }

    func legendView(_ lang: Language) -> any Component {
        Div {
            Paragraph { El("strong") { Text(lang("Các ca trực", "Shifts")) } }
            List(legend(lang))
        }
        .class("legend")
    }
}
