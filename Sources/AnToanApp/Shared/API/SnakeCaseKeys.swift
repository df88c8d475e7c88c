import Foundation
import Synchronization

/// JSON keys in snake_case, each key converted once. Foundation's `.convertToSnakeCase` converts every key of
/// every object again; on a page of 50 units that was a tenth of the request's CPU. A key seen for the first
/// time is converted by Foundation itself, so the output is exactly what `.convertToSnakeCase` gives.
enum SnakeCaseKeys {
    private static let cache = Mutex<[String: String]>([:])

    static let strategy = JSONEncoder.KeyEncodingStrategy.custom { path in
        guard let key = path.last else { return Key(stringValue: "") }
        if key.intValue != nil { return key }
        return Key(stringValue: convert(key.stringValue))
    }

    static func convert(_ key: String) -> String {
        if let known = cache.withLock({ $0[key] }) { return known }
        let converted = foundationConversion(key)
        cache.withLock { $0[key] = converted }
        return converted
    }

    private static func foundationConversion(_ key: String) -> String {
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
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: name))
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
