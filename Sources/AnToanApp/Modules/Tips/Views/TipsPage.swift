import AnToanCore
import Foundation
import Plot

/// Triage: the tips in the reader's scope, those to decide first.
enum TipsPage {
    struct Row {
        var id: UUID
        var status: TipStatus
        var what: String
        var place: String
        /// The unit, or the area's name for a tip that named only an area.
        var concerns: String
        var receivedAt: Date
    }

    struct Model {
        var open: [Row]
        var decided: [Row]
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Tin báo, tố giác", "Tips"))
            Paragraph {
                Text(
                    lang(
                        "Tin báo người dân và cán bộ gửi qua trang công khai ",
                        "Tips that citizens and staff send through the public page "
                    )
                )
                Link(lang("Gửi tin báo", "Send a tip"), url: SiteURL.tips(.submit).path)
            }
            .class("muted")
            // Redrawn in place by the live-page script when a tip of the reader's scope arrives or is answered.
            Div {
                H2(lang("Cần xử lý (\(model.open.count))", "To decide (\(model.open.count))"))
                table(model.open, lang, empty: lang("Không có tin báo nào cần xử lý.", "No tip is waiting."))
                H2(lang("Đã xử lý gần đây", "Decided lately"))
                table(model.decided, lang, empty: lang("Chưa có.", "None yet."))
            }
            .id("tip-list")
            .attribute(named: "data-live", value: "\(EventType.tipReceived.rawValue) \(EventType.tipAnswered.rawValue)")
            .attribute(named: "data-live-region", value: "tips")
        }
    }

    private static func table(_ rows: [Row], _ lang: Language, empty: String) -> any Component {
        guard !rows.isEmpty else { return Paragraph(empty).class("muted") }
        return DataTable(
            headers: [
                lang("Nhận lúc", "Received"), lang("Sự việc", "What"), lang("Liên quan", "Concerns"),
                lang("Tình trạng", "Status"),
            ]
        ) {
            for row in rows {
                El("tr") {
                    TableCell(VietnamTime.dateTime(row.receivedAt))
                    TableCell {
                        Link(TipService.summary(row.what), url: SiteURL.tips(.tip(row.id)).path)
                        Span(" · " + row.place).class("muted")
                    }
                    TableCell(row.concerns)
                    TableCell(lang(row.status.shortVi, row.status.shortEn))

                }
            }
        }
    }
}
