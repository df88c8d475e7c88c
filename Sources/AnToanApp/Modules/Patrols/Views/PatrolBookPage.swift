import AnToanCore
import Foundation
import Plot

/// The sổ tuần tra of a day: every round of the reader's scope, with who walked it and each checkpoint's time or
/// absence, in the layout of an administrative book, to print and sign.
enum PatrolBookPage {
    struct Entry {
        var round: PatrolRound
        var routeName: String
        var rows: [PatrolRoundDetail.Row]
        var walkers: [String]
    }

    struct Model {
        var day: SolarDate
        var unitName: String
        var entries: [Entry]
        var errors: FieldChecker
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let day = model.day
        return Div {
            Div {
                Form(url: PatrolURL.book.path, method: .get) {
                    Div {
                        FormField(
                            name: "day",
                            label: lang("Ngày", "Day"),
                            type: .date,
                            value: day.iso,
                            error: model.errors.message(for: "day", lang),
                            required: false
                        )
                        Button(lang("Xem", "Show")).attribute(named: "type", value: "submit").class("secondary")
                    }
                    .class("filters")
                }
                Button(lang("In sổ", "Print the book")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
            }
            .class("no-print")
            Div {
                DocumentHeading(unitName: model.unitName)
                H1("SỔ TUẦN TRA")
                Paragraph("Ngày \(day.dmy)").class("period")
                if model.entries.isEmpty {
                    Paragraph(lang("Không có lượt tuần tra nào trong ngày.", "No patrol round that day.")).class(
                        "muted"
                    )
                }
                for entry in model.entries {
                    H2(
                        entry.routeName + " · " + PatrolWords.window(entry.round) + " · "
                            + PatrolWords.status(entry.round.statusValue, lang)
                    )
                    Paragraph(
                        lang("Người tuần tra: ", "Walked by: ")
                            + (entry.walkers.isEmpty ? "—" : entry.walkers.joined(separator: ", "))
                    )
                    DataTable(headers: [lang("Điểm", "Checkpoint"), lang("Giờ", "Time"), lang("Kết quả", "Result")]) {
                        for row in entry.rows {
                            El("tr") {
                                El("td") { Text(row.name) }
                                El("td") { Text(row.scannedAt.map(VietnamTime.time) ?? "") }
                                El(
                                    "td",
                                    [
                                        "class":
                                            "status-\(row.state == .missing ? "missing" : row.state == .late ? "late" : "ok")"
                                    ]
                                ) {
                                    Text(PatrolWords.state(row.state, lang))
                                }
                            }
                        }
                    }
                }
                Div {
                    Div {
                        Paragraph("NGƯỜI TUẦN TRA").class("bold")
                        Paragraph("(Ký, ghi rõ họ tên)").class("open")
                    }
                    Div {
                        Paragraph("CHỈ HUY TRỰC").class("bold")
                        Paragraph("(Ký, ghi rõ họ tên)").class("open")
                    }
                }
                .class("signatures")
            }
            .class("minutes")
        }
    }
}
