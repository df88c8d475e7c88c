import Foundation
import Testing
import Vapor

@testable import AnToanApp

@Suite("API JSON")
struct APIJSONEncoderTests {
    /// What the API wrote before: Foundation's encoder with snake_case keys and ISO 8601 dates.
    private static func foundation(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// Parsed and written again with sorted keys, so that only the content counts, not order or spacing.
    private static func canonical(_ json: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    private static func expectSameAsFoundation(
        _ value: some Encodable,
        sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let ours = Data(try APIJSONEncoder.bytes(of: value))
        #expect(
            try canonical(ours) == canonical(try foundation(value)),
            "ours: \(String(decoding: ours, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
    }

    private static let unit = UnitRow(
        id: UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!,
        code: "DV-001",
        name: "Trường THPT \"Lê Lợi\" / cơ sở 2",
        kind: "school",
        enterpriseSize: nil,
        schoolLevel: "upper_secondary",
        address: "12 Lê Lợi\nPhường Bến Thành\t\u{1}",
        phone: "0901234567",
        email: nil,
        headName: "Nguyễn Văn Đức 👮",
        flags: "holds_weapons,state_secrets",
        areaID: UUID(uuidString: "7C9E6679-7425-40DE-944B-E07FC1F90AE7")!,
        areaPath: "/99/01/",
        parentID: nil
    )

    @Test("a page of units reads as Foundation wrote it: keys in snake_case, absent optionals left out")
    func unitPage() throws {
        let page = PageDTO(
            items: [UnitDTO(Self.unit, weeklyRest: .saturdayAndSunday), UnitDTO(Self.unit, weeklyRest: .sunday)],
            page: 2,
            perPage: 50,
            hasMore: true
        )
        try Self.expectSameAsFoundation(page)
        let text = String(decoding: try APIJSONEncoder.bytes(of: page), as: UTF8.self)
        #expect(text.contains(#""in_antoan_standard":true"#))
        #expect(text.contains(#""id":"0F8FAD5B-D9CB-469F-A165-70867728950E""#))
        #expect(!text.contains("email"))
        #expect(!text.contains("\"total\""))
    }

    @Test("dates in ISO 8601, numbers as Foundation writes them, nulls, nested values and arrays")
    func values() throws {
        struct Inner: Encodable {
            var whenDone: Date
            var weights: [Double]
            var note: String?
        }
        struct Outer: Encodable {
            var createdAt = Date(timeIntervalSince1970: 1_795_000_000)
            var ratios: [Float] = [0.5, 3, -0.25]
            var big: Int64 = .max
            var small: Int8 = -7
            var unsigned: UInt64 = .max
            var flags = [true, false]
            var inner = [Inner(whenDone: Date(timeIntervalSince1970: 0), weights: [1, 0.1, -2.5e-7, 1e21], note: "a")]
            var empty: [Inner] = []
            var nested: [[Int]] = [[1, 2], [], [3]]
            var link = URL(string: "https://antoan.example/units?page=2&q=nguyễn")!
            var blob = Data([0, 1, 2, 250])
            var amount = Decimal(string: "12.345")!
            var counts: [String: Int] = ["onDuty": 3, "offDuty": 1]
            var maybe: UUID? = nil
        }
        try Self.expectSameAsFoundation(Outer())
    }

    @Test("containers a type writes by hand: nested, asked for twice, explicit null, a value that writes nothing")
    func handWritten() throws {
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        struct Custom: Encodable {
            enum Keys: String, CodingKey { case seatCount, position, tags, gone, nothing }
            enum PositionKeys: String, CodingKey { case lineNumber, columnNumber }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var position = container.nestedContainer(keyedBy: PositionKeys.self, forKey: .position)
                try position.encode(3, forKey: .lineNumber)
                var tags = container.nestedUnkeyedContainer(forKey: .tags)
                try tags.encode("a")
                try tags.encode(Nothing())
                var again = encoder.container(keyedBy: Keys.self)
                try again.encode(2, forKey: .seatCount)
                try again.encodeNil(forKey: .gone)
                try again.encode(Nothing(), forKey: .nothing)
            }
        }
        let text = String(decoding: try APIJSONEncoder.bytes(of: Custom()), as: UTF8.self)
        #expect(text == #"{"position":{"line_number":3},"tags":["a",{}],"seat_count":2,"gone":null,"nothing":{}}"#)
        try Self.expectSameAsFoundation([Custom(), Custom()])
    }

    @Test("a container written to after a later one was opened fails the encoding instead of writing a muddle")
    func interleaved() throws {
        struct Interleaved: Encodable {
            enum Keys: String, CodingKey { case first, second }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var first = container.nestedUnkeyedContainer(forKey: .first)
                var second = container.nestedUnkeyedContainer(forKey: .second)
                try second.encode(2)
                try first.encode(1)
            }
        }
        #expect(throws: EncodingError.self) { try APIJSONEncoder.bytes(of: Interleaved()) }
    }

    @Test("strings are escaped as JSON needs, and a key reads in the order the type declares it")
    func escapingAndOrder() throws {
        struct Person: Encodable {
            var fullName: String
            var age: Int
            var isLeader: Bool
        }
        let person = Person(fullName: "Trần \"Thị\" Hà\\\n\u{8}\u{c}\r\t\u{1f}/", age: 31, isLeader: false)
        let text = String(decoding: try APIJSONEncoder.bytes(of: person), as: UTF8.self)
        #expect(text == #"{"full_name":"Trần \"Thị\" Hà\\\n\b\f\r\t\u001f/","age":31,"is_leader":false}"#)
        try Self.expectSameAsFoundation(person)
    }

    @Test("a number JSON cannot hold is refused, as Foundation refuses it")
    func nonFinite() throws {
        struct Reading: Encodable { var value: Double }
        #expect(throws: EncodingError.self) { try APIJSONEncoder.bytes(of: Reading(value: .nan)) }
        #expect(throws: EncodingError.self) { try Self.foundation(Reading(value: .infinity)) }
    }

    @Test("every type the OpenAPI document names encodes as Foundation encodes it, with all and with no optional field")
    func everyDocumentedType() async throws {
        try await withApp(.sqlite) { app in
            // given
            let operations = app.apiOperations
            var types: [any APISchema.Type] = []
            var seen: Set<String> = []
            func add(_ type: any APISchema.Type) {
                guard seen.insert(type.schemaName).inserted else { return }
                types.append(type)
                type.components.forEach(add)
            }
            for operation in operations {
                for case .json(let type)? in [operation.request, operation.response] { add(type) }
                operation.unprocessable.map(add)
            }
            let encodable = types.compactMap { $0 as? any (Decodable & Encodable).Type }
            #expect(encodable.count > 30)
            for type in encodable {
                for full in [true, false] {
                    // when
                    let value = try SampleDecoder.sample(type, full: full)
                    // then
                    try Self.expectSameAsFoundation(value)
                }
            }
        }
    }
}
