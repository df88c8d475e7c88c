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
            Paragraph(
                lang(
                    "Đơn vị thiếu lãnh đạo trực hoặc thiếu người trực — lúc này, đêm nay và ngày lễ hoặc cao điểm tới — "
                        + "theo lịch trực đã công bố. Thời điểm: \(VietnamTime.dateTime(model.at)).",
                    "Units short of a duty leader or of officers — now, tonight and on the next holiday or peak day — "
                        + "by their published rosters. As of \(VietnamTime.dateTime(model.at))."
                )
            )
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
                                    List(
                                        row.gaps.map { gapText($0, lang) }
                                            + row.notCheckedIn.map { absenceText($0, lang) }
                                    ) {
                                        Text($0)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func absenceText(_ absence: DutyOversight.Absence, _ lang: Language) -> String {
        lang("Chưa nhận ca", "Not checked in") + ": \(absence.name), \(lang("chốt", "post")) \(absence.post), "
            + "\(lang("ca", "shift")) \(absence.shift) \(lang("từ", "from")) \(VietnamTime.dateTime(absence.startsAt))"
    }

    static func gapText(_ gap: DutyOversight.Gap, _ lang: Language) -> String {
        let window =
            switch gap.window {
            case .now: lang("Lúc này", "Now")
            case .tonight: lang("Đêm nay", "Tonight")
            case .nextHolidayOrPeak: lang("Ngày lễ/cao điểm tới", "Next holiday/peak")
            }
        let day = SolarDate(iso: gap.date).map { VietnamTime.dayWithLunar($0, lang) } ?? gap.date
        let role = gap.role == "leader" ? lang("lãnh đạo trực", "duty leader") : lang("người trực", "officers")
        return "\(window), \(day), \(lang("chốt", "post")) \(gap.post), \(lang("ca", "shift")) \(gap.shift): "
            + lang("\(role) \(gap.rostered)/\(gap.required)", "\(role) \(gap.rostered) of \(gap.required)")
    }
}
