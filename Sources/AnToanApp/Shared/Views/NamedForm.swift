import Plot

/// One of several forms on a page, folded in a `<details>`: when it is the one that failed, it opens and its
/// fields show what was typed with each error beside its field.
struct NamedForm {
    var name: String
    var failed: FormFailure?
    var context: PageContext

    var isOpen: Bool { failed?.form == name }

    /// What was typed when this form failed, else `initial` (an edit form's current value).
    func value(_ field: String, initial: String = "") -> String {
        isOpen ? FormFailure.value(failed, name, field) : initial
    }

    func error(_ field: String) -> String? {
        FormFailure.errors(failed, name).message(for: field, context.lang)
    }

    func text(
        _ field: String,
        _ label: String,
        type: HTMLInputType = .text,
        required: Bool = true,
        max: Int = 200,
        initial: String = ""
    ) -> any Component {
        FormField(
            name: field,
            label: label,
            type: type,
            value: value(field, initial: initial),
            error: error(field),
            required: required,
            maxLength: max
        )
    }

    func select(
        _ field: String,
        _ label: String,
        _ options: [(value: String, label: String)],
        initial: String = ""
    ) -> any Component {
        SelectField(
            name: field,
            label: label,
            options: options,
            selected: value(field, initial: initial),
            error: error(field)
        )
    }

    /// The folded form: a summary, then the fields, posted to `url` with the CSRF token.
    func section(
        _ title: String,
        url: SiteURL,
        open: Bool = false,
        @ComponentBuilder fields: () -> any Component
    ) -> any Component {
        let body = fields()
        return El("details", isOpen || open ? ["open": "open"] : [:]) {
            El("summary") { Text(title) }
            PostForm(url: url, csrf: context.csrf, class: "card") {
                body
                Button(title).attribute(named: "type", value: "submit")
            }
        }
    }
}
