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

    static let css = """
        @page { size: A4 landscape; margin: 12mm 15mm; }
        body { font-family: "Times New Roman", Times, serif; font-size: 12pt; color: #000; margin: 0; }
        .heading { display: flex; justify-content: space-between; text-align: center; }
        .heading p { margin: 0; }
        .motto { text-decoration: underline; font-weight: bold; }
        .date { text-align: right; font-style: italic; margin: 6px 0 12px; }
        h1 { text-align: center; font-size: 14pt; margin: 8px 0 2px; }
        .period { text-align: center; margin: 0 0 10px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; font-size: 11pt; }
        tr { page-break-inside: avoid; }
        .open { font-style: italic; }
        .draft { text-align: center; font-weight: bold; letter-spacing: 2px; }
        .signatures { display: flex; justify-content: space-between; text-align: center; margin-top: 16px; }
        .signatures p { margin: 0 40px 64px; font-weight: bold; }
        """

    static func render(_ model: Model, lang: Language) -> String {
        HTML(
            .attribute(named: "lang", value: lang.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .element(named: "title", text: lang("Lịch trực", "Roster") + " · \(model.unitName)"),
                .style(css)
            ),
            .body(.component(body(model, lang)))
        )
        .render()
    }

    private static func body(_ model: Model, _ lang: Language) -> any Component {
        Div {
            Div {
                Div {
                    Paragraph(model.unitName.uppercased()).style("font-weight:bold")
                }
                Div {
                    Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").style("font-weight:bold")
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
                El("thead") {
                    El("tr") {
                        TableHeaderCell(lang("Ngày", "Day"))
                        for column in model.grid.columns { TableHeaderCell(column.label) }
                    }
                }
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
            Div {
                Paragraph("NGƯỜI LẬP")
                Paragraph("THỦ TRƯỞNG ĐƠN VỊ")
            }
            .class("signatures")
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
