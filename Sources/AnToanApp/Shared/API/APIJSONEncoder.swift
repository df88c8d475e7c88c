import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Vapor

/// The API's JSON: each value is written straight into the body, in the order it encodes itself, keys in
/// snake_case, dates in ISO 8601. The content is what Foundation's `JSONEncoder` gives with those settings (a
/// test holds the two side by side), at a fraction of the cost: Foundation builds a tree of the whole value
/// first, and for a key strategy the coding path of every key, which was a third of the CPU of a page of 50
/// units. Values see an empty `codingPath`.
///
/// Kept because it still pays: against Foundation's encoder on types with explicit snake_case `CodingKeys` (no key
/// strategy), Foundation takes 1.6–1.9 times as long on a page of 50 units, a page of 50 staff and a 31-day roster
/// (release build, `swift run -c release antoan bench-json`, December 2026). `APIJSONEncoderTests` holds it to
/// Foundation's output on every type the OpenAPI document names.
struct APIJSONEncoder: ContentEncoder {
    func encode<E: Encodable>(_ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders) throws {
        try encode(encodable, to: &body, headers: &headers, userInfo: [:])
    }

    func encode<E: Encodable>(
        _ encodable: E,
        to body: inout ByteBuffer,
        headers: inout HTTPHeaders,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws {
        headers.contentType = .json
        body.writeBytes(try Self.bytes(of: encodable, userInfo: userInfo))
    }

    static func bytes(of value: some Encodable, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> [UInt8] {
        let writer = JSONStreamWriter(userInfo: userInfo)
        try writer.write(value)
        return try writer.finish()
    }
}

/// The bytes written so far and the objects and arrays still open. Before an element, a container closes
/// whatever a previous element left open deeper down, so a value never needs to say when it is done. A
/// container written to after a later sibling was opened (Foundation allows it; no type of ours does it)
/// makes the whole encoding fail rather than write a muddle.
final class JSONStreamWriter {
    private var bytes: [UInt8] = []
    /// Open containers, innermost last: the byte that closes each, whether it has an element yet, its number.
    private var open: [(close: UInt8, empty: Bool, serial: Int)] = []
    private var opened = 0
    private var misuse: String?
    let userInfo: [CodingUserInfoKey: Any]

    init(userInfo: [CodingUserInfoKey: any Sendable]) {
        self.userInfo = userInfo
        bytes.reserveCapacity(4096)
    }

    var depth: Int { open.count }

    /// The container open at `depth`, once open.
    func container(at depth: Int) -> JSONContainer { JSONContainer(depth: depth, serial: open[depth - 1].serial) }

    func finish() throws -> [UInt8] {
        if let misuse {
            throw EncodingError.invalidValue(misuse, EncodingError.Context(codingPath: [], debugDescription: misuse))
        }
        close(above: 0)
        return bytes
    }

    /// Writes one value where the writer stands. A value that writes nothing is `{}`, as with Foundation.
    func write<T: Encodable>(_ value: T) throws {
        switch value {
        case let uuid as UUID: writeUUID(uuid)
        case let date as Date: writeString(date.formatted(.iso8601))
        case let data as Data: writeString(data.base64EncodedString())
        case let url as URL: writeString(url.absoluteString)
        case let decimal as Decimal: bytes.append(contentsOf: decimal.description.utf8)
        case let dictionary as any StringKeyedDictionary: try dictionary.writeEntries(to: self)
        default:
            let start = bytes.count
            let depth = depth
            try value.encode(to: StreamEncoder(writer: self, depth: depth))
            close(above: depth)
            if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
        }
    }

    /// Opens an object or array.
    func openContainer(object: Bool) -> JSONContainer {
        opened += 1
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((close: object ? UInt8(ascii: "}") : UInt8(ascii: "]"), empty: true, serial: opened))
        return JSONContainer(depth: open.count, serial: opened)
    }

    /// Before an element of `container`: closes deeper ones, then writes the comma if needed.
    func beginElement(of container: JSONContainer) {
        let depth = container.depth
        guard depth <= open.count, open[depth - 1].serial == container.serial else {
            misuse = misuse ?? "a container was written to after a later one was opened"
            return
        }
        close(above: depth)
        if open[depth - 1].empty {
            open[depth - 1].empty = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// Before a member of an object: its key (a type's own in snake_case) and the colon.
    func beginMember(_ key: some CodingKey, of object: JSONContainer) {
        beginMember(key.stringValue, snakeCase: key.intValue == nil, of: object)
    }

    func beginMember(_ key: String, snakeCase: Bool, of object: JSONContainer) {
        beginElement(of: object)
        bytes.append(contentsOf: Self.member(key, snakeCase: snakeCase))
    }

    private func close(above depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().close) }
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func writeBool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    func writeInteger(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

    /// As Foundation writes them: the shortest form, without a trailing ".0"; no NaN or infinity in JSON.
    func writeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number")
            )
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Upper-case, as `uuidString`, without going through it (it formats with printf).
    private func writeUUID(_ uuid: UUID) {
        let hex = Array("0123456789ABCDEF".utf8)
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: uuid.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        // Most text needs no escape: copied in one go.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    /// `"key":`, escaped and converted, kept: the API's types have a few hundred keys in all.
    private static let members = Mutex<[MemberKey: [UInt8]]>([:])

    private struct MemberKey: Hashable {
        var key: String
        var snakeCase: Bool
    }

    private static func member(_ key: String, snakeCase: Bool) -> [UInt8] {
        let cacheKey = MemberKey(key: key, snakeCase: snakeCase)
        if let known = members.withLock({ $0[cacheKey] }) { return known }
        var member: [UInt8] = [UInt8(ascii: "\"")]
        appendEscaped(snakeCase ? foundationSnakeCase(key) : key, to: &member)
        member.append(contentsOf: "\":".utf8)
        // Dictionary keys are data and unbounded; past this size the cache stops growing.
        members.withLock { if $0.count < 10_000 { $0[cacheKey] = member } }
        return member
    }

    /// The key as Foundation's `.convertToSnakeCase` gives it, asked of Foundation itself.
    private static func foundationSnakeCase(_ key: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(OneKey(name: key)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int],
            let converted = object.keys.first
        else { return key }
        return converted
    }

    private struct OneKey: Encodable {
        var name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(0, forKey: AnyKey(stringValue: name))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// `[String: Value]`: Foundation writes its keys as they are, not in snake_case; here in sorted order.
private protocol StringKeyedDictionary {
    func writeEntries(to writer: JSONStreamWriter) throws
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func writeEntries(to writer: JSONStreamWriter) throws {
        let object = writer.openContainer(object: true)
        for key in keys.sorted() {
            writer.beginMember(key, snakeCase: false, of: object)
            try writer.write(self[key]!)
        }
    }
}

/// Where a container stands in the writer: its depth, and its number, which tells it from a later one there.
struct JSONContainer {
    var depth: Int
    var serial: Int
}
