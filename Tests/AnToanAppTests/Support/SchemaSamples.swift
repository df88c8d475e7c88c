import AnToanCore
import Foundation
import OpenAPIKit

@testable import AnToanApp

/// Builds a value of any `Decodable` type with every optional field present (`full`) or every one absent, so
/// that a test can encode it and compare its keys with the type's schema without writing a sample of each DTO.
struct SampleDecoder: Decoder {
    var full: Bool
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func sample<T: Decodable>(_ type: T.Type, full: Bool) throws -> T {
        try SampleDecoder(full: full).value(type)
    }

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if type == UUID.self { return UUID() as! T }
        if type == Date.self { return Date(timeIntervalSince1970: 1_800_000_000) as! T }
        if type == String.self { return "text" as! T }
        // Its reasons are an enum without a list of cases; the roster's schema describes the report's top level.
        if type == RosterReport.self {
            let spread = RosterSpread(values: [1, 2])
            return RosterReport(
                fairness: [
                    RosterFairness(role: "officer", people: 2, total: spread, night: spread, weekendHoliday: spread)
                ],
                coverage: RosterCoverage(required: 2, filled: 1),
                load: [RosterStaffLoad(staff: "S1", role: "officer", total: 2, night: 1, weekendHoliday: 0, hours: 24)]
            ) as! T
        }
        if let kind = type as? any CaseIterable.Type, let first = Self.first(kind) as? T { return first }
        return try T(from: self)
    }

    private static func first<Kind: CaseIterable>(_ kind: Kind.Type) -> Any? { kind.allCases.first }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        /// What a dictionary lists as its keys.
        var allKeys: [Key] { Key(stringValue: "key").map { [$0] } ?? [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { !decoder.full }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { true }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { 1 }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { 1.5 }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { "text" }
        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        { try decoder.container(keyedBy: type) }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder.unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
    }

    /// Every list has one element.
    private struct Unkeyed: UnkeyedDecodingContainer {
        var decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 1 }
        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try decoder.value(type)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            return try decoder.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return try decoder.unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { decoder }
    }

    private struct Single: SingleValueDecodingContainer {
        var decoder: SampleDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { true }
        func decode(_ type: Int.Type) throws -> Int { 1 }
        func decode(_ type: Double.Type) throws -> Double { 1.5 }
        func decode(_ type: String.Type) throws -> String { "text" }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type) }
    }
}

/// A JSON value as it came over the wire.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

/// Checks JSON against a schema of the document: required keys present, no undeclared key, JSON types.
struct SchemaChecker {
    var components: OpenAPI.ComponentDictionary<JSONSchema>

    func problems(_ value: JSONValue, _ schema: JSONSchema, at path: String) -> [String] {
        switch (schema.value, value) {
        case (.reference(let reference, _), _):
            let name = reference.absoluteString.split(separator: "/").last.map(String.init) ?? ""
            guard let target = components[OpenAPI.ComponentKey(stringLiteral: name)] else {
                return ["\(path): no component \(name)"]
            }
            return problems(value, target, at: path)
        case (.object(_, let context), .object(let fields)):
            var found: [String] = []
            for key in context.requiredProperties where fields[key] == nil {
                found.append("\(path).\(key): required but absent")
            }
            for (key, field) in fields {
                if let property = context.properties[key] {
                    found += problems(field, property, at: "\(path).\(key)")
                } else if case .b(let additional)? = context.additionalProperties {
                    found += problems(field, additional, at: "\(path).\(key)")
                } else if case .a(false)? = context.additionalProperties {
                    found.append("\(path).\(key): not in the schema")
                }
            }
            return found
        case (.array(_, let context), .array(let items)):
            guard let itemSchema = context.items else { return [] }
            return items.enumerated().flatMap { problems($1, itemSchema, at: "\(path)[\($0)]") }
        case (.one(let options, _), _), (.any(let options, _), _):
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no option"]
        case (.string, .string), (.boolean, .bool), (.number, .number), (.fragment, _):
            return []
        case (.integer, .number(let number)):
            return number.rounded() == number ? [] : ["\(path): \(number) is not an integer"]
        default:
            return ["\(path): \(value) does not match \(schema.jsonTypeFormat?.jsonType.rawValue ?? "schema")"]
        }
    }

    /// A value the schema accepts, with every property (`full`) or only the required ones.
    func example(_ schema: JSONSchema, full: Bool) -> Any {
        switch schema.value {
        case .reference(let reference, _):
            let name = reference.absoluteString.split(separator: "/").last.map(String.init) ?? ""
            return components[OpenAPI.ComponentKey(stringLiteral: name)].map { example($0, full: full) } ?? NSNull()
        case .object(_, let context):
            var object: [String: Any] = [:]
            for (key, property) in context.properties where full || property.required {
                object[key] = example(property, full: full)
            }
            return object
        case .array(_, let context):
            let item = context.items.map { example($0, full: full) } ?? "text"
            return Array(repeating: item, count: max(1, context.minItems))
        case .string(let core, let context):
            if let first = core.allowedValues?.first?.value { return first }
            switch core.format {
            case .uuid: return UUID().uuidString
            case .date: return "2027-02-05"
            case .dateTime: return "2027-02-05T08:00:00Z"
            case .email: return "a@example.vn"
            default: return String(repeating: "A", count: max(1, context.minLength))
            }
        case .integer(_, let context):
            return context.minimum?.value ?? 1
        case .number:
            return 8
        case .boolean:
            return true
        default:
            return "text"
        }
    }
}
