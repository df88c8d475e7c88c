import AnToanCore
import Foundation
import Plot

/// The units of the reader's scope that lack a leader or enough officers on duty, and where.
enum OversightPage {
    struct Row {
        var unitID: UUID
        var name: String
        var code: String
        var noSetup: Bool
        var gaps: [DutyOversight.Gap]
    }

    struct Model {
        var rows: [Row]
        var at: Date
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Giám sát trực", "Duty oversight"))
            Paragraph {
                Text(
                    lang(
                        "Đơn vị thiếu lãnh đạo trực hoặc thiếu người trực — lúc này, đêm nay và ngày lễ hoặc cao điểm "
                            + "tới — theo lịch trực đã công bố. Thời điểm: ",
                        "Units short of a duty leader or of officers — now, tonight and on the next holiday or peak "
                            + "day — by their published rosters. As of "
                    )
                )
                DateLabel(at: model.at, lang)
                Text(".")
            }
            .class("muted")
            if model.rows.isEmpty {
                Paragraph(lang("Mọi đơn vị đều đủ người trực.", "Every unit is covered.")).class("ok")
            } else {
                Paragraph(lang("\(model.rows.count) đơn vị thiếu người trực", "\(model.rows.count) units lack cover"))
                DataTable(headers: [lang("Đơn vị", "Unit"), lang("Thiếu", "Short of")]) {
                    for row in model.rows {
                        El("tr") {
                            TableCell {
                                Link(row.name, url: SiteURL.unit(row.unitID).path)
                                El("br") {}
                                Span(row.code).class("muted")
                            }
                            TableCell {
                                if row.noSetup {
                                    Text(lang("Chưa khai báo chốt trực và ca", "No duty posts set up"))
                                } else {
                                    List(row.gaps) { gap in
                                        ListItem {
                                            Text(windowText(gap.window, lang) + ", ")
                                            DateLabel(iso: gap.date, lang)
                                            Text(", " + gapText(gap, lang))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func windowText(_ window: DutyOversight.Window, _ lang: Language) -> String {
        switch window {
        case .now: lang("Lúc này", "Now")
        case .tonight: lang("Đêm nay", "Tonight")
        case .nextHolidayOrPeak: lang("Ngày lễ/cao điểm tới", "Next holiday/peak")
        }
    }

    /// Where and whom a gap lacks: "chốt hq, ca N: lãnh đạo trực 0/1".
    static func gapText(_ gap: DutyOversight.Gap, _ lang: Language) -> String {
        let role = gap.role == "leader" ? lang("lãnh đạo trực", "duty leader") : lang("người trực", "officers")
        return "\(lang("chốt", "post")) \(gap.post), \(lang("ca", "shift")) \(gap.shift): "
            + lang("\(role) \(gap.rostered)/\(gap.required)", "\(role) \(gap.rostered) of \(gap.required)")
    }
}
