import Foundation
import OpenAPIKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The served document, read back with OpenAPIKit.
    private static func served(_ app: Application) async throws -> OpenAPI.Document {
        let response = try await app.testing().sendRequest(.GET, "/api/openapi.json")
        #expect(response.status == .ok)
        return try JSONDecoder().decode(OpenAPI.Document.self, from: Data(response.body.readableBytesView))
    }

    /// Every type the document names, with the types they refer to.
    private static func types(_ operations: [APIOperation]) -> [any APISchema.Type] {
        var seen: Set<String> = []
        var result: [any APISchema.Type] = []
        func add(_ type: any APISchema.Type) {
            guard seen.insert(type.schemaName).inserted else { return }
            result.append(type)
            type.components.forEach(add)
        }
        for operation in operations {
            for case .json(let type)? in [operation.request, operation.response] { add(type) }
            operation.unprocessable.map(add)
            operation.accepted.map(add)
        }
        return result
    }

    @Test("every API route is in the document and every documented operation is a route")
    func coverage() async throws {
        try await withApp(.sqlite) { app in
            // given
            let routes = Set(
                app.routes.all
                    .filter { $0.path.first?.description == "api" && $0.path.dropFirst().first?.description == "v1" }
                    .map { route in
                        let path = route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }
                        return "\(route.method.rawValue.lowercased()) /\(path.joined(separator: "/"))"
                    }
            )
            // when
            let document = try await Self.served(app)
            let documented = Set(
                document.paths.flatMap { path, item in
                    (item.pathItemValue?.endpoints ?? []).map { "\($0.method.rawValue.lowercased()) \(path.rawValue)" }
                }
            )
            // then
            #expect(document.openAPIVersion == .v3_1_1)
            #expect(!routes.isEmpty)
            #expect(
                routes.subtracting(documented).isEmpty,
                "routes missing from the document: \(routes.subtracting(documented))"
            )
            #expect(
                documented.subtracting(routes).isEmpty,
                "documented but not routed: \(documented.subtracting(routes))"
            )
        }
    }

    @Test("the served document is valid OpenAPI: every path parameter declared, every reference resolves")
    func validates() async throws {
        try await withApp(.sqlite) { app in
            // when
            let document = try await Self.served(app)
            // then
            try document.validate()
            for (path, item) in document.paths {
                for endpoint in item.pathItemValue?.endpoints ?? [] {
                    let declared = endpoint.operation.parameters.compactMap { $0.b }.filter { $0.location == .path }
                        .map(\.name)
                    let inPath = path.components.filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                    #expect(Set(declared) == Set(inPath), "\(endpoint.method) \(path.rawValue)")
                }
            }
        }
    }

    @Test("every response type encodes exactly the keys of its schema, with every optional field set or none")
    func responseKeys() async throws {
        try await withApp(.sqlite) { app in
            // given
            let components = APIDocument.build(app.apiOperations).components.schemas
            let checker = SchemaChecker(components: components)
            let responses = Self.types(app.apiOperations).filter { !($0 is any APIInput.Type) }
            #expect(responses.count > 30)
            for type in responses {
                guard let codable = type as? any (Decodable & Encodable).Type else {
                    Issue.record("\(type.schemaName) is neither an input nor Codable")
                    continue
                }
                for full in [true, false] {
                    // when
                    let json = try Self.encoded(codable, full: full)
                    // then
                    let problems = checker.problems(json, type.schema, at: type.schemaName)
                    #expect(problems.isEmpty, "\(full ? "all fields" : "no optional field"): \(problems)")
                }
            }
        }
    }

    private static func encoded<T: Decodable & Encodable>(_ type: T.Type, full: Bool) throws -> JSONValue {
        let value = try SampleDecoder.sample(type, full: full)
        return try JSONDecoder().decode(JSONValue.self, from: Data(try APIJSONEncoder.bytes(of: value)))
    }

    @Test("every request type accepts exactly its schema's fields, and a body of only the required ones decodes")
    func requestFields() async throws {
        try await withApp(.sqlite) { app in
            // given
            let components = APIDocument.build(app.apiOperations).components.schemas
            let checker = SchemaChecker(components: components)
            let inputs = Self.types(app.apiOperations).compactMap { $0 as? any (APIInput & APISchema).Type }
            #expect(inputs.count > 15)
            for input in inputs {
                guard case .object(_, let context) = input.schema.value else {
                    Issue.record("\(input.schemaName) is not an object")
                    continue
                }
                // then
                #expect(Set(context.properties.keys) == input.fields, "\(input.schemaName)")
                for full in [true, false] {
                    let body = try JSONSerialization.data(withJSONObject: checker.example(input.schema, full: full))
                    #expect(
                        throws: Never.self,
                        "\(input.schemaName): \(String(decoding: body, as: UTF8.self))"
                    ) { try Self.decode(input, body) }
                }
            }
        }
    }

    private static func decode<Input: APIInput>(_ type: Input.Type, _ body: Data) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        _ = try decoder.decode(type, from: body)
    }

    @Test("a known API path asked with another method answers 405 naming the methods it takes", arguments: Lane.all)
    func methodNotAllowed(lane: Lane) async throws {
        try await withApp(lane) { app in
            // when
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/units")
            let delete = try await app.testing().sendRequest(.DELETE, "/api/v1/units/\(UUID())")
            let unknown = try await app.testing().sendRequest(.PUT, "/api/v1/nowhere")
            // then
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: .allow) == "GET, POST")
            #expect(put.body.string.contains("method_not_allowed"))
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers.first(name: .allow) == "GET, PATCH")
            #expect(unknown.status == .notFound)
        }
    }
}
