import AnToanCore
import Foundation
import Plot

/// An observation at a checkpoint: the form (text and a photo from the camera) and the observation itself, with
/// the form that turns it into an incident.
enum PatrolObservationPage {
    static let formName = "observation"
    static let incidentForm = "incident"

    struct FormModel {
        var checkpointID: UUID
        var checkpointName: String
        var roundID: UUID?
        var failed: FormFailure?
    }

    static func form(_ model: FormModel, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let labels = [
            "text": lang("Thấy gì", "What was seen"), "photo": lang("Ảnh", "Photo"), "round": lang("Lượt", "Round"),
        ]
        return Div {
            H1(lang("Ghi nhận bất thường", "Note something seen"))
            Paragraph(model.checkpointName).class("muted")
            Form(url: PatrolURL.observe.path, method: .post) {
                ErrorSummary(
                    errors: FormFailure.errors(model.failed, formName),
                    labels: labels,
                    idPrefix: form.idPrefix,
                    lang: lang
                )
                Input(type: .hidden, name: "_csrf", value: context.csrf)
                Input(type: .hidden, name: "checkpoint", value: model.checkpointID.uuidString.lowercased())
                Input(type: .hidden, name: "round", value: model.roundID?.uuidString.lowercased() ?? "")
                TextAreaField(
                    name: "text",
                    label: labels["text"] ?? "",
                    value: form.value("text"),
                    error: form.error("text"),
                    max: PatrolLimits.observation,
                    id: form.idPrefix + "text"
                )
                Div {
                    Label(labels["photo"] ?? "") {}.attribute(named: "for", value: form.idPrefix + "photo")
                    El(
                        "input",
                        [
                            "type": "file", "name": "photo[]", "id": form.idPrefix + "photo", "accept": "image/*",
                            "capture": "environment",
                        ]
                    ) {}
                    if let error = form.error("photo") { Paragraph(error).class("field-error") }
                }
                .class("field")
                Button(lang("Gửi ghi nhận", "Send")).attribute(named: "type", value: "submit")
            }
            .attribute(named: "enctype", value: "multipart/form-data")
            .class("card")
        }
    }

    struct Model {
        var observation: PatrolObservation
        var checkpointName: String
        var canReport: Bool
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let observation = model.observation
        let id = observation.id ?? .placeholder
        let form = NamedForm(name: incidentForm, failed: model.failed, context: context)
        return Div {
            H1(lang("Ghi nhận bất thường", "Observation") + ": " + model.checkpointName)
            Paragraph(observation.userName + " · " + VietnamTime.dateTime(observation.at)).class("muted")
            Paragraph(observation.text)
            if observation.photoType != nil {
                El(
                    "img",
                    [
                        "src": PatrolURL.observationPhoto(id).path, "alt": lang("Ảnh ghi nhận", "Photo"),
                        "class": "photo",
                    ]
                ) {}
            }
            if let round = observation.roundID {
                Paragraph { Link(lang("Xem lượt tuần tra", "See the round"), url: PatrolURL.round(round).path) }
            }
            if let incident = observation.incidentID {
                Paragraph {
                    Link(
                        lang("Đã chuyển thành vụ việc — xem", "Turned into an incident — see it"),
                        url: SiteURL.incident(incident).path
                    )
                }
            } else if model.canReport {
                form.section(
                    lang("Chuyển thành vụ việc", "Turn into an incident"),
                    url: .patrols(.observationIncident(id))
                ) {
                    form.select(
                        "kind",
                        lang("Loại vụ việc", "Kind"),
                        IncidentKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        initial: IncidentKind.other.rawValue
                    )
                    form.select(
                        "severity",
                        lang("Mức độ", "Severity"),
                        IncidentSeverity.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        initial: IncidentSeverity.medium.rawValue
                    )
                }
            }
        }
    }
}
