import AnToanCore
import Foundation
import Plot

/// The biên bản sự việc (incident minutes) in the layout of an administrative document (NĐ 30/2020/NĐ-CP): the
/// unit's name beside the national motto, the place and date line, the title, the facts, the response and its
/// outcome, and the signature blocks of the parties. On screen with a print button; on paper without the site.
enum IncidentMinutesPage {
    struct Model {
        var detail: IncidentDetail
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let detail = model.detail
        let incident = detail.incident
        let day = VietnamTime.day(of: incident.reportedAt)
        let steps = detail.timeline.filter {
            $0.kind == IncidentEvent.Kind.step.rawValue || $0.kind == IncidentEvent.Kind.skipped.rawValue
        }
        return Div {
            Div {
                Button(lang("In biên bản", "Print the minutes")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về vụ việc", "Back to the incident"), url: SiteURL.incident(detail.id).path)
            }
            .class("no-print filters")
            Div {
                DocumentHeading(unitName: detail.unitName, place: detail.areaName, day: day)
                H1("BIÊN BẢN SỰ VIỆC")
                Paragraph("Về việc: \(incident.kindValue.nameVi.lowercased()) tại \(incident.place)").class("subject")
                Paragraph(
                    "Vào hồi \(VietnamTime.time(incident.occurredAt).replacingOccurrences(of: ":", with: " giờ ")) phút, "
                        + "ngày \(VietnamTime.date(incident.occurredAt)), tại \(incident.place), \(detail.unitName)"
                        + (detail.unitAddress.isEmpty ? "" : " (\(detail.unitAddress))") + ", đã xảy ra sự việc sau:"
                )
                Paragraph(incident.description).class("facts")
                if !incident.peopleInvolved.isEmpty {
                    Paragraph("Người liên quan: \(incident.peopleInvolved)")
                }
                if let damage = incident.damageVND {
                    Paragraph("Thiệt hại ước tính: \(IncidentWords.vnd(damage)).")
                }
                Paragraph(
                    "Người báo cáo: \(incident.reporterName), lúc \(VietnamTime.dateTime(incident.reportedAt)). "
                        + "Mức độ: \(incident.severityValue.nameVi.lowercased())."
                )
                if !steps.isEmpty {
                    Paragraph("Diễn biến xử lý:")
                    El("ol") {
                        for step in steps {
                            ListItem(minutesLine(step))
                        }
                    }
                }
                if let outcome = incident.outcome {
                    Paragraph(outcomeText(outcome))
                }
                Paragraph(
                    "Biên bản lập lúc \(VietnamTime.dateTime(incident.reportedAt)), đã đọc lại cho những người có mặt "
                        + "cùng nghe, công nhận đúng và ký tên dưới đây."
                )
                Div {
                    signature("NGƯỜI LẬP BIÊN BẢN", incident.reporterName)
                    signature("NGƯỜI LIÊN QUAN", nil)
                    signature("ĐẠI DIỆN ĐƠN VỊ", nil)
                }
                .class("signatures")
            }
            .class("minutes")
            .id("minutes")
        }
    }

    private static func minutesLine(_ event: IncidentEvent) -> String {
        let stage = event.stage.flatMap(IncidentStage.init(rawValue:))?.nameVi ?? ""
        let when = VietnamTime.dateTime(event.at)
        if event.kind == IncidentEvent.Kind.skipped.rawValue {
            return "\(when): bỏ qua bước «\(stage)» (lý do: \(event.note)) — \(event.actorName)"
        }
        return "\(when): \(stage) — \(event.actorName)" + (event.note.isEmpty ? "" : ". \(event.note)")
    }

    private static func outcomeText(_ outcome: IncidentOutcome) -> String {
        var text = "Kết quả: \(outcome.qualification.nameVi.lowercased())"
        if let severity = outcome.crimeSeverity { text += " (\(severity.nameVi.lowercased()))" }
        text += outcome.forceMajeure ? "; do bất khả kháng" : ""
        text += outcome.detectedPromptly ? "; phát hiện kịp thời" : "; không phát hiện kịp thời"
        text += outcome.damageLimited ? "; đã hạn chế thiệt hại" : "; chưa hạn chế được thiệt hại"
        if let reported = outcome.reportedToAuthorityAt {
            text += "; đã báo cơ quan có thẩm quyền lúc \(VietnamTime.dateTime(reported))"
        }
        return text + "."
    }

    private static func signature(_ role: String, _ name: String?) -> any Component {
        Div {
            Paragraph(role).class("bold")
            Paragraph("(Ký, ghi rõ họ tên)").class("muted")
            if let name { Paragraph(name).class("signer") }
        }
    }

}
