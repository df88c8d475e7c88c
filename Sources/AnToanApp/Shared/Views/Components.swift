import Plot

/// A POST form that always carries the CSRF token.
struct PostForm: PlainComponent {
    var url: SiteURL
    var csrf: String
    var `class`: String = ""
    /// When the form was refused: its errors, listed first.
    var summary: ErrorSummary?
    @ComponentBuilder var content: ContentProvider

    var body: any Component {
        Form(url: url.path, method: .post) {
            if let summary { summary }
            Input(type: .hidden, name: "_csrf", value: csrf)
            content()
        }
        .class(`class`)
    }
}

/// A labelled input with its error, if any, kept right beside it.
struct FormField: PlainComponent {
    var name: String
    var label: String
    var type: HTMLInputType = .text
    var value: String = ""
    var error: String?
    var autocomplete: String?
    var required = true
    var maxLength: Int?
    /// The element id, unique on the page; the name unless two forms of a page share a field name.
    var id: String?

    var body: any Component {
        let id = id ?? name
        let errorID = "\(id)-error"
        return Div {
            Label(label) {}.attribute(named: "for", value: id)
            Input(type: type, name: name, value: type == .password ? nil : value)
                .id(id)
                .attribute(named: "autocomplete", value: autocomplete ?? "")
                .attribute(named: "required", value: required ? "required" : "")
                .attribute(named: "maxlength", value: maxLength.map(String.init) ?? "")
                .attribute(named: "aria-invalid", value: error == nil ? "" : "true")
                .attribute(named: "aria-describedby", value: error == nil ? "" : errorID)
            if let error {
                Paragraph(error).class("field-error").id(errorID)
            }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// A `<select>` with its label and error. An option whose value is "" means none: it posts an empty value, which
/// the server reads as absent (`El` keeps the empty `value`, or the browser would post the option's label).
/// A labelled text area with its error beside it: the many-line sibling of `FormField`.
struct TextAreaField: PlainComponent {
    var name: String
    var label: String
    var value: String
    var error: String?
    var max: Int
    var required = true
    var rows = 3
    /// The element id, unique on the page; the name unless two forms of a page share a field name.
    var id: String?

    var body: any Component {
        let id = id ?? name
        var attributes = ["name": name, "id": id, "rows": String(rows), "maxlength": String(max)]
        if required { attributes["required"] = "required" }
        if error != nil {
            attributes["aria-invalid"] = "true"
            attributes["aria-describedby"] = "\(id)-error"
        }
        return Div {
            Label(label) {}.attribute(named: "for", value: id)
            El("textarea", attributes) { Text(value) }
            if let error { Paragraph(error).class("field-error").id("\(id)-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

struct SelectField: PlainComponent {
    var name: String
    var label: String
    var options: [(value: String, label: String)]
    var selected: String
    var error: String?
    /// The element id, unique on the page; the name unless two forms of a page share a field name.
    var id: String?
    /// A choice must be made: the browser refuses to send the form while the empty first option is selected.
    var required = false

    var body: any Component {
        let id = id ?? name
        var attributes = ["name": name, "id": id]
        if required { attributes["required"] = "required" }
        if error != nil {
            attributes["aria-invalid"] = "true"
            attributes["aria-describedby"] = "\(id)-error"
        }
        return Div {
            Label(label) {}.attribute(named: "for", value: id)
            El("select", attributes) {
                for option in options {
                    El(
                        "option",
                        option.value == selected
                            ? ["value": option.value, "selected": "selected"] : ["value": option.value]
                    ) {
                        Text(option.label)
                    }
                }
            }
            if let error {
                Paragraph(error).class("field-error").id("\(id)-error")
            }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// At the top of a refused form: what is wrong, each field named by its label and linked to it, so that a
/// person on a phone sees the errors below the fold. `labels` maps a field to its label; `idPrefix` is what the
/// form put before its field names to make the ids unique on the page.
struct ErrorSummary: PlainComponent {
    var errors: FieldChecker
    var labels: [String: String]
    var idPrefix = ""
    var lang: Language

    var body: any Component {
        var seen: Set<String> = []
        let errors = errors.errors.filter { seen.insert($0.field).inserted }
        guard !errors.isEmpty else { return EmptyComponent() }
        return Div {
            Paragraph(lang("Chưa lưu được, vì:", "Not saved, because:")).class("error-summary-title")
            List(errors) { error in
                let message = error.message(lang)
                let text = labels[error.field].map { "\($0): \(message)" } ?? message
                return Link(text, url: "#\(idPrefix)\(error.field)")
            }
        }
        .class("error-summary")
        .attribute(named: "role", value: "alert")
    }
}

/// A list table: header cells, then rows; on a phone each row stacks into a card.
struct DataTable: PlainComponent {
    var headers: [String]
    @ComponentBuilder var rows: ContentProvider

    var body: any Component {
        Div {
            El("table", ["class": "stack"]) {
                El("thead") {
                    El("tr") {
                        for header in headers { TableHeaderCell(header) }
                    }
                }
                El("tbody") { rows() }
            }
        }
        .class("table-wrap")
    }
}

/// The "search by name" form above a list; `q` is folded on the server, so marks are optional.
struct SearchForm: PlainComponent {
    var url: SiteURL
    var label: String
    var value: String
    var lang: Language

    var body: any Component {
        Form(url: url.path, method: .get) {
            Div {
                FormField(name: "q", label: label, value: value, required: false, maxLength: 100)
                Button(lang("Tìm", "Search")).attribute(named: "type", value: "submit").class("secondary")
            }
            .class("filters")
        }
    }
}
