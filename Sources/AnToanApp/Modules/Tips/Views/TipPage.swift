import AnToanCore
import Foundation
import Plot

/// One tip for those who triage it: what the sender wrote, the exchange, the photos, and the four decisions.
enum TipPage {
    struct Model {
        var tip: Tip
        var concerns: String
        var messages: [TipMessage]
        var photos: [TipPhoto]
        /// The units an incident may be placed at (for a tip that named only an area).
        var units: [(id: UUID, name: String)]
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let tip = model.tip
        let status = tip.statusValue
        return Div {
            H1(lang("Tin báo", "Tip"))
            Div {
                Paragraph {
                    El("strong") { Text(lang("Tình trạng: ", "Status: ")) }
                    Span(lang(status.shortVi, status.shortEn)).id("tip-status")
                }
                Paragraph(lang("Nhận lúc ", "Received ") + VietnamTime.dateTime(tip.receivedAt)).class("muted")
                Paragraph(lang("Liên quan: ", "Concerns: ") + model.concerns)
                Paragraph(tip.what)
                Paragraph(lang("Ở đâu: ", "Where: ") + tip.place)
                if !tip.happened.isEmpty { Paragraph(lang("Khi nào: ", "When: ") + tip.happened) }
                Paragraph(contact(tip, lang))
                if let reason = tip.reason { Paragraph(lang("Lý do bỏ qua: ", "Dismissed because: ") + reason) }
            }
            .class("card")
            if !model.photos.isEmpty {
                Div {
                    for photo in model.photos {
                        if let id = photo.id, photo.contentType == PhotoFile.Format.heic.contentType {
                            // Only Safari shows HEIC in a page: elsewhere it is a file to open.
                            Link(
                                lang("Ảnh HEIC (mở tệp)", "HEIC photo (open the file)"),
                                url: SiteURL.tips(.photo(id)).path
                            )
                        } else if let id = photo.id {
                            Link(url: SiteURL.tips(.photo(id)).path) {
                                El(
                                    "img",
                                    [
                                        "src": SiteURL.tips(.photo(id)).path,
                                        "alt": lang("Ảnh kèm tin báo", "Photo sent with the tip"), "loading": "lazy",
                                    ]
                                ) {}
                            }
                        }
                    }
                }
                .class("photos")
            }
            if !model.messages.isEmpty {
                H2(lang("Trao đổi với người báo tin", "Messages with the sender"))
                List(model.messages) { message in
                    let asked = message.kind == TipMessage.Kind.question.rawValue
                    let who = asked ? (message.authorName ?? "") : lang("Người báo tin", "The sender")
                    return Div {
                        El("strong") { Text(who + ": ") }
                        Text(message.text)
                        Span(" · " + VietnamTime.dateTime(message.writtenAt)).class("muted")
                    }
                }
                .class("tip-messages")
            }
            if !status.isDecided {
                decisions(model, context)
            } else if let failed = model.failed {
                // A decision posted on a tip decided meanwhile (by someone else, or in another tab).
                Paragraph(failed.errors.errors.map { $0.message(lang) }.joined(separator: "; "))
                    .class("flash flash-error").attribute(named: "role", value: "alert")
            }
        }
    }

    private static func contact(_ tip: Tip, _ lang: Language) -> String {
        guard !tip.anonymous else { return lang("Người báo tin: ẩn danh", "Sender: anonymous") }
        let parts = [tip.contactName, tip.contactPhone].compactMap { $0 }
        return lang("Người báo tin: ", "Sender: ") + parts.joined(separator: " · ")
    }

    private static func decisions(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let failed = model.failed
        let id = try? model.tip.requireID()
        let url = SiteURL.tips(.decide(id ?? .placeholder))
        func errors(_ form: String) -> FieldChecker { FormFailure.errors(failed, form) }
        return Div {
            H2(lang("Xử lý", "Decide"))
            PostForm(url: url, csrf: context.csrf, class: "card") {
                Input(type: .hidden, name: "decision", value: TipDecision.askSender.rawValue)
                TipFields.textArea(
                    "text",
                    lang(
                        "Hỏi thêm người báo tin (họ xem được bằng mã theo dõi)",
                        "Ask the sender (they read it with their code)"
                    ),
                    value: FormFailure.value(failed, "ask", "text"),
                    error: errors("ask").message(for: "text", lang),
                    max: TipService.maxQuestion,
                    id: "ask-text"
                )
                Button(lang("Gửi câu hỏi", "Send the question")).attribute(named: "type", value: "submit").class(
                    "secondary"
                )
            }
            PostForm(url: url, csrf: context.csrf, class: "card") {
                Input(type: .hidden, name: "decision", value: TipDecision.acceptAsNote.rawValue)
                Paragraph(
                    lang(
                        "Ghi nhận là tình hình đáng chú ý, để lãnh đạo theo dõi.",
                        "Keep it as a situation note for the leadership to watch."
                    )
                )
                Button(lang("Nhận, ghi là tình hình đáng chú ý", "Accept as a situation note"))
                    .attribute(named: "type", value: "submit").class("secondary")
            }
            PostForm(url: url, csrf: context.csrf, class: "card") {
                Input(type: .hidden, name: "decision", value: TipDecision.acceptAsIncident.rawValue)
                let incidentErrors = errors("incident")
                SelectField(
                    name: "kind",
                    label: lang("Loại vụ việc", "Kind of incident"),
                    options: [("", lang("— Chọn —", "— Choose —"))]
                        + IncidentKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                    selected: FormFailure.value(failed, "incident", "kind"),
                    error: incidentErrors.message(for: "kind", lang)
                )
                SelectField(
                    name: "severity",
                    label: lang("Mức độ", "Severity"),
                    options: [("", lang("— Chọn —", "— Choose —"))]
                        + IncidentSeverity.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                    selected: FormFailure.value(failed, "incident", "severity"),
                    error: incidentErrors.message(for: "severity", lang)
                )
                if model.tip.unitID == nil {
                    SelectField(
                        name: "unit_id",
                        label: lang("Đơn vị nơi xảy ra", "Unit where it happened"),
                        options: [("", lang("— Chọn —", "— Choose —"))]
                            + model.units.map { ($0.id.uuidString.lowercased(), $0.name) },
                        selected: FormFailure.value(failed, "incident", "unit_id"),
                        error: incidentErrors.message(for: "unit_id", lang)
                    )
                }
                Button(lang("Nhận, chuyển thành vụ việc", "Accept as an incident")).attribute(
                    named: "type",
                    value: "submit"
                )
            }
            PostForm(url: url, csrf: context.csrf, class: "card") {
                Input(type: .hidden, name: "decision", value: TipDecision.dismiss.rawValue)
                TipFields.textArea(
                    "text",
                    lang("Lý do không xử lý tiếp (bắt buộc)", "Why it is not taken further (required)"),
                    value: FormFailure.value(failed, "dismiss", "text"),
                    error: errors("dismiss").message(for: "text", lang),
                    max: TipService.maxReason,
                    id: "dismiss-text"
                )
                Button(lang("Bỏ qua tin báo", "Dismiss the tip")).attribute(named: "type", value: "submit").class(
                    "secondary"
                )
            }
        }
    }
}
