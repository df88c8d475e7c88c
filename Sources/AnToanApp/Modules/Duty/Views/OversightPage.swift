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
        var notCheckedIn: [DutyOversight.Absence]
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
            let short = model.rows.filter { $0.noSetup || !$0.gaps.isEmpty }
            let absent = model.rows.filter { !$0.notCheckedIn.isEmpty }
            if short.isEmpty {
                Paragraph(lang("Mọi đơn vị đều đủ người trực.", "Every unit is covered.")).class("ok")
            } else {
                Paragraph(lang("\(short.count) đơn vị thiếu người trực", "\(short.count) units lack cover"))
                DataTable(headers: [lang("Đơn vị", "Unit"), lang("Thiếu", "Short of")]) {
                    for row in short {
                        El("tr") {
                            unitCell(row)
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
            if !absent.isEmpty {
                H2(lang("Chưa nhận ca", "Not checked in"))
                Paragraph(
                    lang(
                        "\(absent.count) đơn vị có người trực chưa nhận ca quá \(Int(DutyWatch.rule.grace / 60)) phút",
                        "\(absent.count) units have someone on duty not checked in "
                            + "\(Int(DutyWatch.rule.grace / 60)) minutes after the start"
                    )
                )
                DataTable(headers: [lang("Đơn vị", "Unit"), lang("Người chưa nhận ca", "Not checked in")]) {
                    for row in absent {
                        El("tr") {
                            unitCell(row)
                            TableCell { List(row.notCheckedIn.map { absenceText($0, lang) }) { Text($0) } }
                        }
                    }
                }
            }
        }
    }

    private static func unitCell(_ row: Row) -> any Component {
        TableCell {
            Link(row.name, url: SiteURL.unit(row.unitID).path)
            El("br") {}
            Span(row.code).class("muted")
        }
    }

    static func absenceText(_ absence: DutyOversight.Absence, _ lang: Language) -> String {
        "\(absence.name), \(lang("chốt", "post")) \(absence.post), "
            + "\(lang("ca", "shift")) \(absence.shift) \(lang("từ", "from")) \(VietnamTime.dateTime(absence.startsAt))"
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
