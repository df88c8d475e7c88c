import Plot

/// One of several forms on a page, folded in a `<details>`: when it is the one that failed, it opens and its
/// fields show what was typed with each error beside its field, and a summary at its top links to them. Field ids
/// start with the form's name, so that two forms of a page may share a field name.
struct NamedForm {
    var name: String
    var failed: FormFailure?
    var context: PageContext
    /// The labels of the fields made so far, for the summary.
    private let labels = Labels()

    private final class Labels {
        var byField: [String: String] = [:]
    }

    init(name: String, failed: FormFailure?, context: PageContext) {
        self.name = name
        self.failed = failed
        self.context = context
    }

    var idPrefix: String { "\(name)-" }

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
        labels.byField[field] = label
        return FormField(
            name: field,
            label: label,
            type: type,
            value: value(field, initial: initial),
            error: error(field),
            required: required,
            maxLength: max,
            id: idPrefix + field
        )
    }

    func select(
        _ field: String,
        _ label: String,
        _ options: [(value: String, label: String)],
        initial: String = ""
    ) -> any Component {
        labels.byField[field] = label
        return SelectField(
            name: field,
            label: label,
            options: options,
            selected: value(field, initial: initial),
            error: error(field),
            id: idPrefix + field
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
        let summary = ErrorSummary(
            errors: FormFailure.errors(failed, name),
            labels: labels.byField,
            idPrefix: idPrefix,
            lang: context.lang
        )
        return El("details", isOpen || open ? ["open": "open"] : [:]) {
            El("summary") { Text(title) }
            PostForm(url: url, csrf: context.csrf, class: "card", summary: summary) {
                body
                Button(title).attribute(named: "type", value: "submit")
            }
        }
    }
}
