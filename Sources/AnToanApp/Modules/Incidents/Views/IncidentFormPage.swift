import AnToanCore
import Foundation
import Plot

/// The report form, made for a phone and thirty seconds: what, where, how grave, what happened, and photos from
/// the camera; the time is now unless changed. Only the kind, place, severity and description are required.
enum IncidentFormPage {
    struct Model {
        var unitID: UUID
        var unitName: String
        var sites: [(id: UUID, name: String)]
        /// Now, as the `datetime-local` value the form starts with.
        var now: String
        var failed: FormFailure?
    }

    static let formName = "incident"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let labels: [String: String] = [
            "kind": lang("Loại vụ việc", "Kind"), "severity": lang("Mức độ", "Severity"),
            "site": lang("Nơi xảy ra", "Place"),
            "place": model.sites.isEmpty
                ? lang("Nơi xảy ra", "Place") : lang("Ghi rõ thêm hoặc nơi khác", "More precisely, or elsewhere"),
            "occurred_at": lang("Thời gian xảy ra", "When it happened"),
            "description": lang("Diễn biến sự việc", "What happened"),
            "people_involved": lang("Người liên quan", "People involved"),
            "damage_vnd": lang("Thiệt hại ước tính (đồng)", "Estimated damage (VND)"),
            "photos": lang("Ảnh chụp", "Photos"),
        ]
        let summary = ErrorSummary(
            errors: FormFailure.errors(model.failed, formName),
            labels: labels,
            idPrefix: form.idPrefix,
            lang: lang
        )
        // Every choice starts on a value that saves: "other" until the reporter picks the kind, the unit's first
        // site until they pick another or "elsewhere".
        let kinds = IncidentKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let severities = IncidentSeverity.allCases.map {
            ($0.rawValue, lang($0.nameVi, $0.nameEn) + " — " + delayText($0, lang))
        }
        let sites =
            model.sites.map { ($0.id.uuidString.lowercased(), $0.name) }
            + [("", lang("— Nơi khác (ghi bên dưới) —", "— Elsewhere (write below) —"))]
        return Div {
            H1(lang("Báo cáo vụ việc", "Report an incident"))
            Paragraph(model.unitName).class("muted")
            Form(url: SiteURL.incidentNew(unit: model.unitID).path, method: .post) {
                summary
                Input(type: .hidden, name: "_csrf", value: context.csrf)
                form.select("kind", labels["kind"] ?? "", kinds, initial: IncidentKind.other.rawValue)
                form.select(
                    "severity",
                    labels["severity"] ?? "",
                    severities,
                    initial: IncidentSeverity.high.rawValue
                )
                Paragraph(
                    lang(
                        "Quá số phút này mà chưa ai xác nhận, vụ việc được báo lên cấp trên.",
                        "Unacknowledged after these minutes, the incident goes to the next level up."
                    )
                )
                .class("muted")
                if !model.sites.isEmpty {
                    form.select(
                        "site",
                        labels["site"] ?? "",
                        sites,
                        initial: model.sites.first?.id.uuidString.lowercased() ?? ""
                    )
                }
                FormField(
                    name: "place",
                    label: labels["place"] ?? "",
                    value: form.value("place"),
                    error: form.error("place"),
                    required: model.sites.isEmpty,
                    maxLength: IncidentLimits.place,
                    id: form.idPrefix + "place"
                )
                FormField(
                    name: "occurred_at",
                    label: labels["occurred_at"] ?? "",
                    type: .datetimeLocal,
                    value: form.value("occurred_at", initial: model.now),
                    error: form.error("occurred_at"),
                    required: false,
                    id: form.idPrefix + "occurred_at"
                )
                textArea(
                    "description",
                    labels["description"] ?? "",
                    form,
                    max: IncidentLimits.description,
                    required: true
                )
                textArea(
                    "people_involved",
                    labels["people_involved"] ?? "",
                    form,
                    max: IncidentLimits.peopleInvolved,
                    required: false
                )
                FormField(
                    name: "damage_vnd",
                    label: labels["damage_vnd"] ?? "",
                    type: .number,
                    value: form.value("damage_vnd"),
                    error: form.error("damage_vnd"),
                    required: false,
                    id: form.idPrefix + "damage_vnd"
                )
                photoField(form, label: labels["photos"] ?? "", lang)
                Div {
                    El(
                        "input",
                        ["type": "checkbox", "name": "keep_location", "value": "on", "id": "incident-keep_location"]
                    ) {}
                    Label(
                        lang(
                            "Giữ vị trí chụp trong ảnh (mặc định: xóa thông tin vị trí)",
                            "Keep the photos' location (by default it is removed)"
                        )
                    ) {}
                    .attribute(named: "for", value: "incident-keep_location")
                }
                .class("choice")
                Button(lang("Gửi báo cáo", "Send the report")).attribute(named: "type", value: "submit")
            }
            .attribute(named: "enctype", value: "multipart/form-data")
            .class("card")
        }
    }

    static func delayText(_ severity: IncidentSeverity, _ lang: Language) -> String {
        let minutes = Int(severity.acknowledgementDelay / 60)
        return lang("\(minutes) phút", "\(minutes) min")
    }

    private static func textArea(
        _ name: String,
        _ label: String,
        _ form: NamedForm,
        max: Int,
        required: Bool
    ) -> any Component {
        TextAreaField(
            name: name,
            label: label,
            value: form.value(name),
            error: form.error(name),
            max: max,
            required: required,
            id: form.idPrefix + name
        )
    }

    private static func photoField(_ form: NamedForm, label: String, _ lang: Language) -> any Component {
        let id = form.idPrefix + "photos"
        let error = form.error("photos")
        var attributes = [
            "type": "file", "name": "photos[]", "id": id, "accept": "image/*", "capture": "environment",
            "multiple": "multiple",
        ]
        if error != nil { attributes["aria-invalid"] = "true" }
        return Div {
            Label(
                "\(label) "
                    + lang(
                        "(tối đa \(PhotoUpload.maxCount) ảnh, mỗi ảnh \(PhotoUpload.maxBytes / 1_048_576) MB)",
                        "(up to \(PhotoUpload.maxCount), \(PhotoUpload.maxBytes / 1_048_576) MB each)"
                    )
            ) {}
            .attribute(named: "for", value: id)
            El("input", attributes) {}
            if let error { Paragraph(error).class("field-error").id("\(id)-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}
