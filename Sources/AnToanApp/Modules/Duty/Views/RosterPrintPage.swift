import AnToanCore
import Foundation
import Plot

/// A roster on paper: A4 landscape, the national heading of an administrative document (NĐ 30/2020), the grid,
/// and the signature block. A page of its own, without the site's menus.
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
            Div {
                Div {
                    Paragraph(model.unitName.uppercased()).class("bold")
                }
                Div {
                    Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").class("bold")
                    Paragraph("Độc lập - Tự do - Hạnh phúc").class("motto")
                }
            }
            .class("heading")
            Paragraph(
                "\(model.place.isEmpty ? "" : model.place + ", ")ngày \(two(model.today.day)) tháng \(two(model.today.month)) năm \(model.today.year)"
            )
            .class("date")
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
            El("table") {
                model.grid.head(lang)
                El("tbody") {
                    for row in model.grid.rows {
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
            model.grid.legendView(lang)
            Div {
                Paragraph("NGƯỜI LẬP")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
