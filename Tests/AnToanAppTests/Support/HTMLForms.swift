import Foundation

/// Reads a page's links, element ids and forms the way a browser would submit them, for tests that crawl the site.
/// Our pages are well-formed HTML written by Plot, with every attribute value double-quoted.
enum HTMLForms {
    struct Field {
        var name: String
        var value: String
        var type: String
        var required: Bool
        /// A select's first option with a value: what a person picks when the browser asks for a choice.
        var firstChoice: String? = nil
    }

    struct Form {
        var method: String
        var action: String
        var fields: [Field]
        /// Text of the submit button, to name the form in a failure.
        var title: String

        /// What the browser posts when nobody touches the form: every field's default, `fill` for a required
        /// field left empty.
        func submission(fill: (Field) -> String) -> [String: String] {
            var values: [String: String] = [:]
            for field in fields where values[field.name] == nil {
                values[field.name] =
                    field.value.isEmpty && field.required ? field.firstChoice ?? fill(field) : field.value
            }
            return values
        }
    }

    static func links(_ html: String) -> [String] {
        html.matches(of: /<a [^>]*href="(\/[^"#]*)"/).map { decode(String($0.output.1)) }
    }

    static func ids(_ html: String) -> [String] {
        html.matches(of: /<[a-zA-Z][^>]* id="([^"]*)"/).map { decode(String($0.output.1)) }
    }

    static func forms(_ html: String) -> [Form] {
        html.matches(of: /(?s)<form([^>]*)>(.*?)<\/form>/).map { match in
            let attributes = attributes(String(match.output.1))
            let body = String(match.output.2)
            let title = body.firstMatch(of: /(?s)<button[^>]*>(.*?)<\/button>/).map { decode(String($0.output.1)) }
            return Form(
                method: (attributes["method"] ?? "get").lowercased(),
                action: attributes["action"] ?? "",
                fields: fields(body),
                title: title ?? ""
            )
        }
    }

    /// Inputs, selects and textareas in document order, with what the browser would submit for each.
    private static func fields(_ body: String) -> [Field] {
        var fields: [Field] = []
        for match in body.matches(of: /(?s)<(input|select|textarea)([^>]*)>(?:(.*?)<\/\1>)?/) {
            let tag = String(match.output.1)
            let attributes = attributes(String(match.output.2))
            guard let name = attributes["name"], attributes["disabled"] == nil else { continue }
            let required = attributes["required"] != nil
            switch tag {
            case "select":
                let options = String(match.output.3 ?? "").matches(of: /(?s)<option([^>]*)>(.*?)<\/option>/).map {
                    (attributes: Self.attributes(String($0.output.1)), label: decode(String($0.output.2)))
                }
                // The selected option, else the first; an option without a value posts its label.
                guard let chosen = options.first(where: { $0.attributes["selected"] != nil }) ?? options.first
                else { continue }
                fields.append(
                    Field(
                        name: name,
                        value: chosen.attributes["value"] ?? chosen.label,
                        type: "select",
                        required: required,
                        firstChoice: options.lazy.compactMap { $0.attributes["value"] }.first { !$0.isEmpty }
                    )
                )
            case "textarea":
                fields.append(
                    Field(name: name, value: decode(String(match.output.3 ?? "")), type: "textarea", required: required)
                )
            default:
                let type = (attributes["type"] ?? "text").lowercased()
                if ["submit", "button", "file", "reset"].contains(type) { continue }
                if ["checkbox", "radio"].contains(type) {
                    if attributes["checked"] != nil {
                        fields.append(
                            Field(name: name, value: attributes["value"] ?? "on", type: type, required: false)
                        )
                    }
                    continue
                }
                fields.append(Field(name: name, value: attributes["value"] ?? "", type: type, required: required))
            }
        }
        return fields
    }

    /// `name="value"` and bare `name` attributes.
    static func attributes(_ text: String) -> [String: String] {
        var attributes: [String: String] = [:]
        for match in text.matches(of: /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/) {
            attributes[String(match.output.1).lowercased()] = match.output.2.map { decode(String($0)) } ?? ""
        }
        return attributes
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
