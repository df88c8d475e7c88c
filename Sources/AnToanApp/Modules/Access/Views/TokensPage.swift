import Foundation
import Plot

/// One's own API tokens; a new token is shown once, right after it is made.
enum TokensPage {
    struct Row {
        var id: UUID
        var name: String
        var prefix: String
        var createdAt: String
        var revoked: Bool
    }

    struct Model {
        var rows: [Row]
        var newToken: String?
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Mã truy cập API", "API tokens"))
            if let token = model.newToken {
                Div {
                    Paragraph(
                        lang(
                            "Mã mới — hãy sao chép ngay, mã chỉ hiện một lần:",
                            "New token — copy it now, it is shown only once:"
                        )
                    )
                    Paragraph(token).class("secret").id("new-token")
                }
                .class("card")
            }
            PostForm(
                url: .tokens,
                csrf: context.csrf,
                class: "card",
                summary: ErrorSummary(errors: model.errors, labels: ["name": lang("Tên gợi nhớ", "Label")], lang: lang)
            ) {
                FormField(
                    name: "name",
                    label: lang("Tên gợi nhớ", "Label"),
                    error: model.errors.message(for: "name", lang),
                    maxLength: 100
                )
                Button(lang("Tạo mã", "Create token")).attribute(named: "type", value: "submit")
            }
            DataTable(headers: [
                lang("Tên", "Label"), lang("Bắt đầu bằng", "Starts with"), lang("Tạo lúc", "Created"), "",
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell(row.name)
                        TableCell(row.prefix + "…")
                        TableCell(row.createdAt)
                        TableCell {
                            if row.revoked {
                                Span(lang("Đã thu hồi", "Revoked")).class("muted")
                            } else {
                                PostForm(url: .tokenRevoke(row.id), csrf: context.csrf, class: "inline") {
                                    Button(lang("Thu hồi", "Revoke")).attribute(named: "type", value: "submit")
                                        .class("danger")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
