import Plot

/// The form pieces the tip pages share: a text area and a photo input, each with its error beside it.
enum TipFields {
    static func textArea(
        _ name: String,
        _ label: String,
        value: String,
        error: String?,
        max: Int,
        required: Bool = true,
        id: String? = nil
    ) -> any Component {
        TextAreaField(
            name: name,
            label: label,
            value: value,
            error: error,
            max: max,
            required: required,
            rows: 5,
            id: id
        )
    }

    /// Photos from the phone's camera or gallery: several at once, checked on the server by their bytes.
    static func photos(_ label: String, error: String?) -> any Component {
        Div {
            Label(label) {}.attribute(named: "for", value: "photos")
            Input(type: .file, name: "photos[]")
                .id("photos")
                .attribute(named: "accept", value: "image/jpeg,image/png,image/heic,image/heif,image/*")
                .attribute(named: "multiple", value: "multiple")
                .attribute(named: "aria-invalid", value: error == nil ? "" : "true")
                .attribute(named: "aria-describedby", value: error == nil ? "" : "photos-error")
            if let error { Paragraph(error).class("field-error").id("photos-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}
