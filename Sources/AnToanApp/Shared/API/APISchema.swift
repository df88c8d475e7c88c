import AnToanCore
import OpenAPIKit

/// A type on the wire of the API with its JSON Schema beside it. The document takes its components from here,
/// and `OpenAPITests` encodes every such type and checks its keys against this schema, so the two cannot drift.
///
/// The rule for absent values: an optional field that is nil is left out of the JSON (never `null`), so its
/// schema is marked `.optional` (not required) and never nullable.
protocol APISchema: SendableMetatype {
    /// The name under `components/schemas`.
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
    /// The components this schema refers to by name (lists and pages refer to their items).
    static var components: [any APISchema.Type] { get }
}

extension APISchema {
    static var components: [any APISchema.Type] { [] }
}

extension JSONSchema {
    static var uuid: JSONSchema { .string(format: .uuid) }
    /// A calendar day: yyyy-MM-dd (inputs take dd/MM/yyyy as well).
    static var day: JSONSchema { .string(format: .date) }
    static var timestamp: JSONSchema { .string(format: .dateTime) }

    /// A text field that the services trim and cap at `max` characters.
    static func text(max: Int, min: Int? = nil) -> JSONSchema { .string(minLength: min, maxLength: max) }

    /// One of an enum's raw values.
    static func choice<Kind: CaseIterable & RawRepresentable>(_ kind: Kind.Type) -> JSONSchema
    where Kind.RawValue == String {
        .string(allowedValues: kind.allCases.map { AnyCodable($0.rawValue) })
    }

    /// A JSON object with exactly these properties; each is required unless marked `.optional`.
    static func record(_ properties: OrderedDictionary<String, JSONSchema>, description: String? = nil) -> JSONSchema {
        .object(description: description, properties: properties, additionalProperties: .a(false))
    }

    static func list(_ items: JSONSchema, min: Int? = nil, max: Int? = nil) -> JSONSchema {
        .array(minItems: min, maxItems: max, items: items)
    }

    /// A reference to a component.
    static func component(_ type: any APISchema.Type) -> JSONSchema {
        .reference(.component(named: type.schemaName))
    }

    /// The field may be left out.
    var optional: JSONSchema { optionalSchemaObject() }
}

/// A list answers as a JSON array of its elements.
extension Array: APISchema where Element: APISchema {
    static var schemaName: String { Element.schemaName + "List" }
    static var schema: JSONSchema { .list(.component(Element.self)) }
    static var components: [any APISchema.Type] { [Element.self] }
}
