import Foundation
import Plot

/// One subscription: what it receives, and its latest deliveries with every attempt (time, answer, duration).
enum WebhookPage {
    struct Attempt {
        var at: Date
        var status: Int?
        var error: String?
        var millis: Int
    }

    struct Delivery {
        var id: UUID
        var eventID: UUID
        var type: String
        var state: WebhookDelivery.State
        var createdAt: Date?
        var attempts: [Attempt]
    }

    struct Model {
        var id: UUID
        var row: WebhooksPage.Row
        var deliveries: [Delivery]
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let row = model.row
        return Div {
            H1(row.description.isEmpty ? row.url : row.description)
            Div {
                Paragraph("\(lang("Địa chỉ nhận", "Receiver")): \(row.url)")
                Paragraph("\(lang("Sự kiện", "Events")): \(row.types.joined(separator: ", "))")
                Paragraph("\(lang("Phạm vi", "Reach")): \(row.reach) · \(lang("đăng ký bởi", "by")) \(row.owner)")
                Paragraph(WebhooksPage.counts(row, lang))
                PostForm(url: .admin(.webhookDelete(model.id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Huỷ đăng ký", "Unsubscribe")).attribute(named: "type", value: "submit").class("danger")
                }
            }
            .class("card")
            H2(lang("Các lượt gửi gần nhất", "Latest deliveries"))
            if model.deliveries.isEmpty {
                Paragraph(lang("Chưa có lượt gửi nào.", "No deliveries yet.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Sự kiện", "Event"), lang("Trạng thái", "State"), lang("Các lần gửi", "Attempts"), "",
                ]) {
                    for delivery in model.deliveries { self.delivery(delivery, context) }
                }
            }
        }
    }

    private static func delivery(_ delivery: Delivery, _ context: PageContext) -> any Component {
        let lang = context.lang
        return El("tr") {
            TableCell {
                Text(WebhookEventTypes.name(delivery.type, lang))
                if let created = delivery.createdAt { Paragraph(VietnamTime.dateTime(created)).class("muted") }
            }
            TableCell(state(delivery.state, lang))
            TableCell {
                if delivery.attempts.isEmpty {
                    Span(lang("Chưa gửi", "Not sent yet")).class("muted")
                } else {
                    List(delivery.attempts) { attempt in
                        Text(
                            "\(VietnamTime.dateTime(attempt.at)) — \(answer(attempt, lang)) — \(attempt.millis) ms"
                        )
                    }
                }
            }
            TableCell {
                if delivery.state == .failed {
                    PostForm(url: .admin(.deliveryRetry(delivery.id)), csrf: context.csrf, class: "inline") {
                        Button(lang("Gửi lại", "Send again")).attribute(named: "type", value: "submit")
                    }
                }
            }
        }
    }

    private static func answer(_ attempt: Attempt, _ lang: Language) -> String {
        if let status = attempt.status {
            let ok = (200..<300).contains(status)
            return "HTTP \(status)" + (ok ? "" : " (\(lang("không thành công", "not a success")))")
        }
        return lang("không kết nối được", "no answer") + (attempt.error.map { ": \($0)" } ?? "")
    }

    static func state(_ state: WebhookDelivery.State, _ lang: Language) -> String {
        switch state {
        case .pending: lang("Đang gửi", "Pending")
        case .delivered: lang("Đã gửi", "Delivered")
        case .failed: lang("Thất bại", "Failed")
        }
    }
}
