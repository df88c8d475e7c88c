/// Which form of a page failed, with its errors and what was typed, so that the page can show it again.
struct FormFailure {
    var form: String
    var errors: FieldChecker
    var values: [String: String]

    static func errors(_ failed: FormFailure?, _ form: String) -> FieldChecker {
        failed.flatMap { $0.form == form ? $0.errors : nil } ?? FieldChecker()
    }

    static func value(_ failed: FormFailure?, _ form: String, _ field: String) -> String {
        failed.flatMap { $0.form == form ? $0.values[field] : nil } ?? ""
    }
}

extension FormFailure {
    /// The failure of `form` with the fields a write refused, showing again what was typed (never the form token).
    init(form: String, errors: [FieldError], values: [String: String]) {
        var typed = values
        typed["_csrf"] = nil
        self.init(form: form, errors: FieldChecker(errors), values: typed)
    }
}
