import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("Operations")
struct OperationsTests {
    @Test("healthz, readyz and metrics answer", arguments: Lane.all)
    func probes(lane: Lane) async throws {
        try await withApp(lane) { app in
            #expect(try await app.testing().sendRequest(.GET, "/healthz").text == "ok")
            #expect(try await app.testing().sendRequest(.GET, "/readyz").status == .ok)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("http_requests_total"))
            #expect(metrics.text.contains("antoan_db_up"))
        }
    }

    @Test("every response carries its request id")
    func requestID() async throws {
        try await withApp(.sqlite) { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.headers.first(name: "X-Request-ID")?.isEmpty == false)
        }
    }
}
