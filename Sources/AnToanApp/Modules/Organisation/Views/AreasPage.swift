import Plot

/// The area tree of today, or as it stood on a chosen day.
enum AreasPage {
    struct Row {
        var depth: Int
        var code: String
        var name: String
        var validity: String
    }

    struct Model {
        var rows: [Row]
        var asOf: String
        var errors = FieldChecker()
        /// Administrators create, rename, merge and split areas from this page.
        var canManage = false
        var forms = AreaForms.Model()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Địa bàn", "Areas"))
            Form(url: SiteURL.areas.path, method: .get) {
                Div {
                    FormField(
                        name: "as_of",
                        label: lang(
                            "Tại ngày (dd/MM/yyyy), để trống là hôm nay",
                            "As of (dd/MM/yyyy), empty for today"
                        ),
                        value: model.asOf,
                        error: model.errors.message(for: "as_of", lang),
                        required: false,
                        maxLength: 10
                    )
                    Button(lang("Xem", "Show")).attribute(named: "type", value: "submit").class("secondary")
                }
                .class("filters")
            }
            if model.canManage {
                AreaForms.view(model.forms, context)
            }
            DataTable(headers: [lang("Mã", "Code"), lang("Tên", "Name"), lang("Hiệu lực", "Valid")]) {
                for row in model.rows {
                    El("tr") {
                        TableCell(row.code)
                        TableCell(String(repeating: "— ", count: row.depth) + row.name)
                        TableCell(row.validity)
                    }
                }
            }
        }
    }
}
