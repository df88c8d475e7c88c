import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("OpenAPI document")
struct OpenAPITests {
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
            let response = try await app.testing().sendRequest(.GET, "/api/openapi.json")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            )
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            // then
            #expect(document["openapi"] as? String == "3.1.0")
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
}
