import AnToanCore
import Foundation
import Plot

/// A roster on paper: A4 landscape, the national heading of an administrative document (NĐ 30/2020), the grid a
/// unit pins on the wall (a row per person, a column per day, as the spreadsheet has it), the signature block, and
/// on the pages after, the same roster day by day and post by post. A page of its own, without the site's menus.
enum RosterPrintPage {
    struct Model {
        var unitName: String
        var place: String
        var today: SolarDate
        var start: SolarDate
        var end: SolarDate
        var draft: Bool
        var grid: RosterGrid
    }

    static func render(_ model: Model, lang: Language) -> String {
        HTMLDocument.render(
            lang: lang,
            title: lang("Lịch trực", "Roster") + " · \(model.unitName)",
            stylesheet: .printStylesheet
        ) {
            body(model, lang)
        }
    }

    private static func body(_ model: Model, _ lang: Language) -> any Component {
        Div {
            DocumentHeading(unitName: model.unitName, place: model.place, day: model.today)
            if model.draft {
                Paragraph(lang("BẢN NHÁP — CHƯA CÔNG BỐ", "DRAFT — NOT PUBLISHED")).class("draft")
            }
            H1("LỊCH TRỰC BAN")
            Paragraph(
                lang(
                    "Từ ngày \(model.start.dmy) đến ngày \(model.end.dmy)",
                    "From \(model.start.dmy) to \(model.end.dmy)"
                )
            )
            .class("period")
            wallTable(model.grid.wall(lang), lang)
            Div {
                Paragraph("NGƯỜI LẬP")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
            dayTable(model.grid, lang)
        }
    }

    /// The grid as the spreadsheet has it: a row per person, a column per day, the marks' legend below.
    private static func wallTable(_ wall: RosterGrid.Wall, _ lang: Language) -> any Component {
        Div {
            El("table", ["class": "wall", "id": "roster-wall"]) {
                El("thead") {
                    El("tr") {
                        TableHeaderCell(lang("STT", "No.")).attribute(named: "scope", value: "col")
                        TableHeaderCell(lang("Họ và tên", "Name")).attribute(named: "scope", value: "col")
                        for day in wall.days {
                            TableHeaderCell {
                                Div { Text(DocumentHeading.two(day.day)) }
                                Div { Text(weekday(day, lang)) }.class("weekday")
                            }
                            .attribute(named: "scope", value: "col")
                            .attribute(named: "title", value: day.dmy)
                        }
                        TableHeaderCell(lang("Số ca", "Shifts")).attribute(named: "scope", value: "col")
                    }
                }
                El("tbody") {
                    for (index, person) in wall.people.enumerated() {
                        El("tr") {
                            TableCell(String(index + 1))
                            TableCell(person.name).class("name")
                            for marks in person.marks {
                                TableCell(marks.joined(separator: ", ")).class("mark")
                            }
                            TableCell(String(person.shifts))
                        }
                    }
                }
            }
            Div {
                Paragraph { El("strong") { Text(lang("Các ca trực", "Shifts")) } }
                List(wall.legend.map { "\($0.mark): \($0.text)" })
            }
            .class("legend")
        }
    }

    /// The same roster day by day and post by post, on the pages after: who stands where on a given day.
    private static func dayTable(_ grid: RosterGrid, _ lang: Language) -> any Component {
        Div {
            H2(lang("Chi tiết theo ngày và chốt", "By day and post"))
            El("table") {
                grid.head(lang)
                El("tbody") {
                    for row in grid.rows {
                        El("tr") {
                            TableCell(
                                (lang == .vi ? "\(row.date.weekday.nameVi), " : "")
                                    + VietnamTime.dayWithLunar(row.date, lang)
                            )
                            for cell in row.cells {
                                TableCell {
                                    for person in cell.people {
                                        Div {
                                            Text(person.leader ? "\(person.name) (\(lang("LĐ", "L")))" : person.name)
                                        }
                                    }
                                    for open in cell.open {
                                        Div { Text(RosterGrid.openText(open.role, open.missing, lang)) }.class("open")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Paragraph(lang("(LĐ): lãnh đạo trực", "(L): duty leader"))
            grid.legendView(lang)
        }
        .class("by-day")
    }

    /// "T2" … "CN", the way a Vietnamese calendar heads its columns.
    private static func weekday(_ day: SolarDate, _ lang: Language) -> String {
        let weekday = day.weekday
        if lang == .vi { return weekday == .sunday ? "CN" : "T\(weekday.rawValue + 1)" }
        return ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][weekday.rawValue - 1]
    }

}
