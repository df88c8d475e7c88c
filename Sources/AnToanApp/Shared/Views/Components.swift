import Plot

/// A POST form that always carries the CSRF token.
struct PostForm: Component {
    var url: SiteURL
    var csrf: String
    var `class`: String = ""
    @ComponentBuilder var content: ContentProvider

    var body: any Component {
        Form(url: url.path, method: .post) {
            Input(type: .hidden, name: "_csrf", value: csrf)
            content()
        }
        .class(`class`)
    }
}

/// A labelled input with its error, if any, kept right beside it.
struct FormField: Component {
    var name: String
    var label: String
    var type: HTMLInputType = .text
    var value: String = ""
    var error: String?
    var autocomplete: String?
    var required = true
    var maxLength: Int?

    var body: any Component {
        let errorID = "\(name)-error"
        return Div {
            Label(label) {}.attribute(named: "for", value: name)
            Input(type: type, name: name, value: type == .password ? nil : value)
                .id(name)
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

/// A `<select>` with its label and error.
struct SelectField: Component {
    var name: String
    var label: String
    var options: [(value: String, label: String)]
    var selected: String
    var error: String?

    var body: any Component {
        Div {
            Label(label) {}.attribute(named: "for", value: name)
            El("select", ["name": name, "id": name]) {
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
                Paragraph(error).class("field-error")
            }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// A list table: header cells, then rows; on a phone each row stacks into a card.
struct DataTable: Component {
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
struct SearchForm: Component {
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
