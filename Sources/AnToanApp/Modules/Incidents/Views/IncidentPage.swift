import AnToanCore
import Foundation
import Plot

/// An incident: what was reported, its photos, who was told and who acknowledged, the timeline of the response,
/// and for the unit's leadership and the authorities the acknowledgement and the next step.
enum IncidentPage {
    struct Model {
        var detail: IncidentDetail
        var canHandle: Bool
        var failed: FormFailure?
    }

    static let stepForm = "step"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let detail = model.detail
        let incident = detail.incident
        let stage = incident.stageValue
        return Div {
            H1(IncidentWords.kind(incident.kindValue, lang) + " — " + incident.place)
            // What others change while the page is open (acknowledgements, escalations, steps) is redrawn in place
            // by the live-page script; the step form below it is left as the reader is filling it.
            Div {
                live(model, context)
            }
            .id("incident-live")
            .attribute(named: "data-live", value: IncidentsPage.liveEvents)
            .attribute(named: "data-live-region", value: "incident")
            if model.canHandle, stage != .closed {
                IncidentStepForm.view(model, context)
            }
            Paragraph {
                Link(
                    lang("Biên bản sự việc (để in)", "Incident minutes (to print)"),
                    url: SiteURL.incidentMinutes(detail.id).path
                )
                Text(" · ")
                Link(lang("Danh sách vụ việc", "All incidents"), url: SiteURL.incidents.path)
            }
        }
        .class("incident")
    }

    /// The parts of the page that change as the incident is handled.
    private static func live(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let detail = model.detail
        let incident = detail.incident
        let stage = incident.stageValue
        return Div {
            Paragraph {
                Span(IncidentWords.severity(incident.severityValue, lang))
                    .class("severity severity-\(incident.severity)")
                Text(" · ")
                Span(IncidentWords.stage(stage, lang)).class("stage")
                if incident.acknowledgedAt == nil, stage != .closed {
                    Text(" · ")
                    Span(lang("Chưa ai xác nhận", "Not acknowledged yet")).class("unacknowledged")
                }
            }
            if model.canHandle, !detail.readerAcknowledged {
                PostForm(url: .incidentAcknowledge(detail.id), csrf: context.csrf, class: "card attention") {
                    if detail.awaitsReader {
                        Paragraph(lang("Bạn được báo về vụ việc này.", "You were told of this incident."))
                    }
                    Button(lang("Xác nhận đã nhận tin", "Acknowledge")).attribute(named: "type", value: "submit")
                        .id("acknowledge")
                }
            }
            facts(detail, lang)
            if !detail.photos.isEmpty {
                H2(lang("Ảnh", "Photos"))
                Div {
                    for (index, photo) in detail.photos.enumerated() {
                        let url = SiteURL.incidentPhoto(detail.id, photo: photo.id).path
                        if photo.showsInPage {
                            Link(url: url) {
                                El(
                                    "img",
                                    [
                                        "src": url,
                                        "alt": lang(
                                            "Ảnh \(index + 1) của vụ việc",
                                            "Photo \(index + 1) of the incident"
                                        ),
                                        "loading": "lazy",
                                    ]
                                ) {}
                            }
                        } else {
                            Link(
                                lang("Ảnh \(index + 1) (HEIC, tải về)", "Photo \(index + 1) (HEIC, download)"),
                                url: url
                            )
                        }
                    }
                }
                .class("photos")
            }
            H2(lang("Diễn biến xử lý", "Timeline"))
            El("ol", ["class": "timeline", "id": "timeline"]) {
                for event in detail.timeline {
                    El("li", ["class": "timeline-\(event.kind)"]) {
                        El("time", ["datetime": event.at.ISO8601Format()]) { Text(VietnamTime.dateTime(event.at)) }
                        Text(" ")
                        Span(IncidentWords.entry(event, lang))
                        if !event.note.isEmpty, event.kind != IncidentEvent.Kind.escalated.rawValue {
                            Paragraph(
                                event.kind == IncidentEvent.Kind.skipped.rawValue
                                    ? lang("Lý do: ", "Reason: ") + event.note : event.note
                            )
                            .class("muted")
                        }
                    }
                }
            }
            if !detail.addressees.isEmpty {
                H2(lang("Người được báo", "Told"))
                List(detail.addressees) { addressee in
                    let state =
                        addressee.acknowledgedAt.map {
                            lang("đã xác nhận lúc ", "acknowledged at ") + VietnamTime.dateTime($0)
                        } ?? lang("chưa xác nhận", "not acknowledged")
                    return Text("\(addressee.name) — \(state)")
                }
                .class("plain-list")
            }
            if let outcome = incident.outcome {
                outcomeBlock(outcome, lang)
            }
        }
    }

    private static func facts(_ detail: IncidentDetail, _ lang: Language) -> any Component {
        let incident = detail.incident
        return El("dl") {
            El("dt") { Text(lang("Đơn vị", "Unit")) }
            El("dd") { Text(detail.unitName) }
            El("dt") { Text(lang("Thời gian xảy ra", "Happened at")) }
            El("dd") { Text(VietnamTime.dateTime(incident.occurredAt)) }
            El("dt") { Text(lang("Người báo cáo", "Reported by")) }
            El("dd") { Text("\(incident.reporterName), \(VietnamTime.dateTime(incident.reportedAt))") }
            El("dt") { Text(lang("Diễn biến", "What happened")) }
            El("dd") { Text(incident.description) }
            if !incident.peopleInvolved.isEmpty {
                El("dt") { Text(lang("Người liên quan", "People involved")) }
                El("dd") { Text(incident.peopleInvolved) }
            }
            if let damage = incident.damageVND {
                El("dt") { Text(lang("Thiệt hại ước tính", "Estimated damage")) }
                El("dd") { Text(IncidentWords.vnd(damage)) }
            }
            let criteria = incident.kindValue.criteria
            if !criteria.isEmpty {
                El("dt") { Text(lang("Tiêu chí TT 124 liên quan", "TT 124 criteria at stake")) }
                El("dd") { Text(criteria.map { lang("Điều ", "Art. ") + $0 }.joined(separator: ", ")) }
            }
        }
    }

    static func outcomeBlock(_ outcome: IncidentOutcome, _ lang: Language) -> any Component {
        let yes = lang("Có", "Yes")
        let no = lang("Không", "No")
        var qualification = lang(outcome.qualification.nameVi, outcome.qualification.nameEn)
        if let severity = outcome.crimeSeverity {
            qualification += " — " + lang(severity.nameVi, severity.nameEn)
        }
        return Div {
            H2(lang("Kết quả xử lý", "Outcome"))
            El("dl") {
                El("dt") { Text(lang("Tính chất pháp lý", "Legal qualification")) }
                El("dd") { Text(qualification) }
                El("dt") { Text(lang("Bất khả kháng", "Force majeure")) }
                El("dd") { Text(outcome.forceMajeure ? yes : no) }
                El("dt") { Text(lang("Phát hiện kịp thời", "Detected promptly")) }
                El("dd") { Text(outcome.detectedPromptly ? yes : no) }
                El("dt") { Text(lang("Hạn chế được thiệt hại", "Damage limited")) }
                El("dd") { Text(outcome.damageLimited ? yes : no) }
                El("dt") { Text(lang("Đã báo cơ quan có thẩm quyền", "Reported to the competent authority")) }
                El("dd") { Text(outcome.reportedToAuthorityAt.map(VietnamTime.dateTime) ?? no) }
            }
        }
    }
}
