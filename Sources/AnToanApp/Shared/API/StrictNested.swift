import Foundation

/// A JSON object inside a request body, checked as strictly as `decodeJSON` checks the top level:
/// a field it does not accept is a 422 naming it, e.g. `parts.1.unit_id`.
protocol NestedInput: Decodable, Sendable {
    /// The accepted fields, in the API's snake_case.
    static var fields: Set<String> { get }
}

/// Decodes `Value` after refusing any field it does not accept. Use as `[Strict<Part>]` in an `APIInput`.
struct Strict<Value: NestedInput>: Decodable, Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let unknown = container.allKeys.map { Self.snakeCase($0.stringValue) }.filter { !Value.fields.contains($0) }
        if !unknown.isEmpty {
            let prefix = decoder.codingPath.map { $0.intValue.map(String.init) ?? Self.snakeCase($0.stringValue) }
            throw AppError.invalidFields(
                unknown.sorted().map { FieldError(field: (prefix + [$0]).joined(separator: "."), reason: .unknown) }
            )
        }
        value = try Value(from: decoder)
    }

    /// Back to the wire's spelling: the decoder hands keys over in camelCase.
    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { name, character in
            name += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            self.stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}
