import Foundation
import Plot

/// Webhook subscriptions within the reader's scope and the form that adds one; a new subscription's secret is
/// shown once, right after it is made.
enum WebhooksPage {
    struct Row {
        var id: UUID
        var url: String
        var description: String
        var types: [String]
        /// Whose events: "every event" or the area's name.
        var reach: String
        var owner: String
        var pending: Int
        var delivered: Int
        var failed: Int
    }

    struct Model {
        var rows: [Row]
        var newSecret: String?
        /// What was typed, when the form is shown again with its errors.
        var values: [String: String] = [:]
        /// A new form starts on the report of an incident, the event most receivers are for.
        var chosenTypes: Set<String> = ["incident.reported"]
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Webhook", "Webhooks"))
            Paragraph(
                lang(
                    "Máy chủ gửi mỗi sự kiện đã chọn đến địa chỉ đăng ký, có chữ ký theo chuẩn Standard Webhooks, "
                        + "và gửi lại trong hơn một ngày nếu nơi nhận chưa trả lời thành công.",
                    "The server posts each chosen event to the subscribed address, signed as Standard Webhooks says, "
                        + "and tries again for more than a day until the receiver answers with success."
                )
            )
            .class("muted")
            if let secret = model.newSecret {
                Div {
                    Paragraph(
                        lang(
                            "Khoá ký của webhook mới — hãy sao chép ngay, khoá chỉ hiện một lần:",
                            "The new webhook's signing secret — copy it now, it is shown only once:"
                        )
                    )
                    Paragraph(secret).class("secret").id("new-secret")
                }
                .class("card")
            }
            form(model, context)
            if model.rows.isEmpty {
                Paragraph(lang("Chưa có webhook nào.", "No webhooks yet.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Địa chỉ nhận", "Receiver"), lang("Sự kiện", "Events"), lang("Phạm vi", "Reach"),
                    lang("Lượt gửi", "Deliveries"),
                ]) {
                    for row in model.rows {
                        El("tr") {
                            TableCell {
                                Link(
                                    row.description.isEmpty ? row.url : row.description,
                                    url: SiteURL.admin(.webhook(row.id)).path
                                )
                                if !row.description.isEmpty { Paragraph(row.url).class("muted") }
                            }
                            TableCell(row.types.joined(separator: ", "))
                            TableCell("\(row.reach) · \(lang("đăng ký bởi", "by")) \(row.owner)")
                            TableCell(counts(row, lang))
                        }
                    }
                }
            }
        }
    }

    static func counts(_ row: Row, _ lang: Language) -> String {
        "\(lang("đã gửi", "delivered")) \(row.delivered) · \(lang("đang gửi", "pending")) \(row.pending) · "
            + "\(lang("thất bại", "failed")) \(row.failed)"
    }

    private static func form(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let labels = [
            "url": lang("Địa chỉ nhận (http:// hoặc https://)", "Receiver address (http:// or https://)"),
            "description": lang("Mô tả", "Description"), "event_types": lang("Sự kiện", "Events"),
        ]
        return PostForm(
            url: .admin(.webhooks),
            csrf: context.csrf,
            class: "card",
            summary: ErrorSummary(errors: model.errors, labels: labels, lang: lang)
        ) {
            H2(lang("Đăng ký webhook mới", "New webhook"))
            FormField(
                name: "url",
                label: labels["url"] ?? "",
                type: .url,
                value: model.values["url"] ?? "",
                error: model.errors.message(for: "url", lang),
                maxLength: 2_000
            )
            FormField(
                name: "description",
                label: labels["description"] ?? "",
                value: model.values["description"] ?? "",
                error: model.errors.message(for: "description", lang),
                required: false,
                maxLength: 200
            )
            El("fieldset", ["id": "event_types"]) {
                El("legend") { Text(labels["event_types"] ?? "") }
                if let error = model.errors.message(for: "event_types", lang) {
                    Paragraph(error).class("field-error").id("event_types-error")
                }
                for (index, entry) in WebhookEventTypes.all.enumerated() {
                    checkbox(entry.type.rawValue, lang(entry.vi, entry.en), index, model.chosenTypes)
                }
            }
            Button(lang("Đăng ký", "Subscribe")).attribute(named: "type", value: "submit")
        }
    }

    private static func checkbox(_ value: String, _ label: String, _ index: Int, _ chosen: Set<String>) -> any Component
    {
        let id = "event-type-\(index)"
        var attributes = ["type": "checkbox", "name": "event_types[]", "value": value, "id": id]
        if chosen.contains(value) { attributes["checked"] = "checked" }
        return Div {
            El("input", attributes) {}
            Label(label) {}.attribute(named: "for", value: id)
        }
        .class("choice")
    }
}
