import AnToanCore
import Foundation
import Plot

/// The next step of the response: the step (the next one first; a later one passes over those between, which
/// needs a reason), a note, and when closing the outcome the TT 124 assessment needs.
enum IncidentStepForm {
    static func view(_ model: IncidentPage.Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let detail = model.detail
        let current = detail.incident.stageValue
        let form = NamedForm(name: IncidentPage.stepForm, failed: model.failed, context: context)
        let stages = IncidentStage.allCases.filter { $0 > current }.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let qualifications =
            [("", lang("— Chọn khi kết thúc —", "— Choose when closing —"))]
            + LegalQualification.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let severities =
            [("", lang("— Chỉ khi là tội phạm —", "— Only for a crime —"))]
            + CrimeSeverity.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        return form.section(lang("Ghi nhận bước xử lý", "Record a step"), url: .incidentStep(detail.id), open: true) {
            form.select("stage", lang("Bước", "Step"), stages, initial: current.next?.rawValue ?? "")
            form.text("note", lang("Ghi chú", "Note"), required: false, max: IncidentLimits.note)
            form.text(
                "skip_reason",
                lang("Lý do bỏ qua các bước trước (nếu có)", "Reason for skipping steps (if any)"),
                required: false,
                max: IncidentLimits.reason
            )
            FieldSet {
                El("legend") { Text(lang("Khi kết thúc vụ việc", "When closing")) }
                form.select(
                    "qualification",
                    lang("Tính chất pháp lý (cơ quan chức năng xác định)", "Legal qualification (as determined)"),
                    qualifications
                )
                form.select(
                    "crime_severity",
                    lang("Mức độ tội phạm", "Crime severity"),
                    severities
                )
                checkbox("force_majeure", lang("Do bất khả kháng", "Force majeure"), form)
                checkbox("detected_promptly", lang("Phát hiện kịp thời", "Detected promptly"), form)
                checkbox("damage_limited", lang("Đã hạn chế được thiệt hại", "Damage was limited"), form)
                form.text(
                    "reported_to_authority_at",
                    lang("Thời điểm báo cơ quan có thẩm quyền", "Reported to the competent authority at"),
                    type: .datetimeLocal,
                    required: false
                )
            }
            .class("closing")
        }
    }

    private static func checkbox(_ name: String, _ label: String, _ form: NamedForm) -> any Component {
        let id = form.idPrefix + name
        var attributes = ["type": "checkbox", "name": name, "value": "on", "id": id]
        if form.value(name) == "on" { attributes["checked"] = "checked" }
        return Div {
            El("input", attributes) {}
            Label(label) {}.attribute(named: "for", value: id)
        }
        .class("choice")
    }
}
