import AnToanCore
import Foundation
import Plot

/// The sender's page: the code asked for, then the tip's status in words, the questions and answers, and a form
/// to answer or add more (which carries the code again: nothing of the sender is kept between requests).
enum TipFollowPage {
    struct Model {
        var code = ""
        var errors = FieldChecker()
        var tip: Shown?
        var answer = ""
        /// The sender's answer was just stored.
        var sent = false
    }

    struct Shown {
        var status: TipStatus
        var what: String
        var receivedAt: Date
        var messages: [TipMessage]
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let errors = model.errors
        return Div {
            H1(lang("Theo dõi tin báo", "Follow a tip"))
            if let tip = model.tip {
                shown(tip, model, context)
            } else {
                PostForm(url: .tips(.follow), csrf: context.csrf, class: "card") {
                    FormField(
                        name: "code",
                        label: lang(
                            "Mã theo dõi (24 ký tự, có thể bỏ dấu gạch)",
                            "Follow-up code (24 characters, dashes optional)"
                        ),
                        value: model.code,
                        error: errors.message(for: "code", lang),
                        autocomplete: "off",
                        maxLength: 40
                    )
                    Button(lang("Xem tin báo", "Show the tip")).attribute(named: "type", value: "submit").class("wide")
                }
                Paragraph {
                    Link(lang("Gửi tin báo mới", "Send a new tip"), url: SiteURL.tips(.submit).path)
                }
            }
        }
    }

    private static func shown(_ tip: Shown, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            if model.sent {
                Paragraph(lang("Đã gửi phần bổ sung của bạn.", "Your addition was sent.")).class("flash flash-success")
                    .attribute(named: "role", value: "status")
            }
            Div {
                Paragraph {
                    El("strong") { Text(lang("Tình trạng: ", "Status: ")) }
                    Span(lang(tip.status.senderVi, tip.status.senderEn)).id("tip-status")
                }
                Paragraph(lang("Gửi lúc ", "Sent at ") + VietnamTime.dateTime(tip.receivedAt)).class("muted")
                Paragraph(tip.what)
            }
            .class("card")
            if !tip.messages.isEmpty {
                H2(lang("Trao đổi", "Messages"))
                List(tip.messages) { message in
                    let asked = message.kind == TipMessage.Kind.question.rawValue
                    return Div {
                        El("strong") {
                            Text(
                                asked
                                    ? lang("Cơ quan chức năng hỏi: ", "The authorities ask: ")
                                    : lang("Bạn trả lời: ", "You wrote: ")
                            )
                        }
                        Text(message.text)
                        Span(" · " + VietnamTime.dateTime(message.writtenAt)).class("muted")
                    }
                    .class(asked ? "tip-question" : "tip-answer")
                }
                .class("tip-messages")
            }
            if !tip.status.isDecided {
                Form(url: SiteURL.tips(.answer).path, method: .post) {
                    Input(type: .hidden, name: "_csrf", value: context.csrf)
                    Input(type: .hidden, name: "code", value: model.code)
                    TipFields.textArea(
                        "text",
                        tip.status == .waitingForSender
                            ? lang("Trả lời câu hỏi", "Answer the question")
                            : lang("Bổ sung thông tin", "Add information"),
                        value: model.answer,
                        error: model.errors.message(for: "text", lang),
                        max: TipService.maxAnswer
                    )
                    TipFields.photos(
                        lang("Thêm ảnh (không bắt buộc)", "Add photos (optional)"),
                        error: model.errors.message(for: "photos", lang)
                    )
                    Button(lang("Gửi", "Send")).attribute(named: "type", value: "submit").class("wide")
                }
                .attribute(named: "enctype", value: "multipart/form-data")
                .class("card")
            }
        }
    }
}
