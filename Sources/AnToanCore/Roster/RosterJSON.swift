import Foundation

/// JSON reading and writing for rosters: sorted keys and pretty printing so files diff cleanly.
public enum RosterJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func encode(_ value: some Encodable) throws -> Data {
        try encoder().encode(value)
    }

    public static func encodeString(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// Decodes an instance, turning decoding failures into `RosterError.malformedJSON` with the field path.
    public static func decodeInstance(from data: Data) throws -> RosterInstance {
        try decode(RosterInstance.self, from: data)
    }

    public static func decodeSolution(from data: Data) throws -> RosterSolution {
        try decode(RosterSolution.self, from: data)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw RosterError.malformedJSON(field: path(of: error), detail: summary(of: error))
        }
    }

    private static func path(of error: DecodingError) -> String {
        let (codingPath, missingKey): ([any CodingKey], (any CodingKey)?) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath, key)
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, nil)
            @unknown default: ([], nil)
            }
        var text = ""
        for key in codingPath + (missingKey.map { [$0] } ?? []) {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    private static func summary(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "missing value / thiếu giá trị"
        case .typeMismatch(let type, _): "expected \(type) / sai kiểu dữ liệu"
        case .valueNotFound(let type, _): "expected \(type), found null / giá trị rỗng"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(error)"
        }
    }
}
