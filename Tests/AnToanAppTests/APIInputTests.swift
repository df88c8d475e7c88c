import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Bad input gets a 4xx naming the field, in Vietnamese (English on request), and writes nothing.
@Suite("API input")
struct APIInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var status: HTTPResponseStatus
        var field: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed JSON", body: #"{"username": "#, status: .badRequest, field: nil),
        Case(name: "not an object", body: "[1,2]", status: .badRequest, field: nil),
        Case(
            name: "unknown field",
            body: #"{"username":"abc","role":"administrator","password":"mat-khau-kiem-thu-2026","is_root":true}"#,
            status: .unprocessableEntity,
            field: "is_root"
        ),
        Case(
            name: "missing field",
            body: #"{"username":"abc","password":"mat-khau-kiem-thu-2026"}"#,
            status: .unprocessableEntity,
            field: "role"
        ),
        Case(
            name: "wrong type",
            body: #"{"username":42,"role":"administrator","password":"mat-khau-kiem-thu-2026"}"#,
            status: .unprocessableEntity,
            field: "username"
        ),
        Case(
            name: "over-long text",
            body:
                #"{"username":"\#(String(repeating: "a", count: 65))","role":"administrator","password":"mat-khau-kiem-thu-2026"}"#,
            status: .unprocessableEntity,
            field: "username"
        ),
        Case(
            name: "unknown role",
            body: #"{"username":"abc","role":"chairman","password":"mat-khau-kiem-thu-2026"}"#,
            status: .unprocessableEntity,
            field: "role"
        ),
        Case(
            name: "short password",
            body: #"{"username":"abc","role":"administrator","password":"ngan"}"#,
            status: .unprocessableEntity,
            field: "password"
        ),
        Case(
            name: "bad area path",
            body:
                #"{"username":"abc","role":"authority_officer","area_path":"../etc","password":"mat-khau-kiem-thu-2026"}"#,
            status: .unprocessableEntity,
            field: "area_path"
        ),
    ]

    @Test("each bad body is a 4xx with the error body and nothing written", arguments: Lane.all, cases)
    func badBodies(lane: Lane, testCase: Case) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let (users, entries) = (
                try await User.query(on: app.db).count(), try await AuditEntry.query(on: app.db).count()
            )
            // when
            let response = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: testCase.body)
            )
            // then
            #expect(response.status == testCase.status)
            let error = try response.json(ErrorBody.self).error
            #expect(!error.message.isEmpty)
            if let field = testCase.field {
                #expect(error.fields.map(\.field).contains(field), "fields: \(error.fields)")
            }
            #expect(try await User.query(on: app.db).count() == users)
            #expect(try await AuditEntry.query(on: app.db).count() == entries)
        }
    }

    @Test("messages are Vietnamese by default and English with Accept-Language: en")
    func language() async throws {
        try await withApp(.sqlite) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let body = #"{"username":"abc","role":"administrator","password":"ngan"}"#
            let vi = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: body)
            )
            let en = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: [
                    "Authorization": "Bearer \(token)", "Content-Type": "application/json", "Accept-Language": "en",
                ],
                body: ByteBuffer(string: body)
            )
            #expect(try vi.json(ErrorBody.self).error.fields.first?.message == "cần ít nhất 12 ký tự")
            #expect(try en.json(ErrorBody.self).error.fields.first?.message == "needs at least 12 characters")
        }
    }

    @Test("a body over 1 MB is a 413 with the error body")
    func bodyLimit() async throws {
        try await withApp(.sqlite) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let huge = #"{"name":""# + String(repeating: "x", count: 1_100_000) + #""}"#
            let response = try await app.testing().sendRequest(
                .POST,
                "/api/v1/tokens",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: huge)
            )
            #expect(response.status == .payloadTooLarge)
            #expect(try response.json(ErrorBody.self).error.code == "payload_too_large")
            #expect(try await APIToken.query(on: app.db).count() == 1)
        }
    }

    @Test("a body that is not JSON is a 415; an id that is not a UUID is a 404; a bad page is a 422")
    func otherShapes() async throws {
        try await withApp(.sqlite) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let form = try await app.testing().sendRequest(
                .POST,
                "/api/v1/tokens",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=x")
            )
            #expect(form.status == .unsupportedMediaType)
            let notUUID = try await app.testing().sendRequest(
                .GET,
                "/api/v1/users/123",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(notUUID.status == .notFound)
            let unknown = try await app.testing().sendRequest(
                .GET,
                "/api/v1/users/\(UUID())",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(unknown.status == .notFound)
            let page = try await app.testing().sendRequest(
                .GET,
                "/api/v1/users?page=-1",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(page.status == .unprocessableEntity)
            #expect(try page.json(ErrorBody.self).error.fields.first?.field == "page")
        }
    }

    @Test("a new token is shown once and only its hash is stored", arguments: Lane.all)
    func tokenShownOnce(lane: Lane) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let created = try await app.testing().sendRequest(
                .POST,
                "/api/v1/tokens",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name":"may chu bao cao"}"#)
            )
            #expect(created.status == .created)
            let raw = try created.json(CreatedTokenDTO.self).token
            #expect(raw.count > 40)
            let stored = try await APIToken.query(on: app.db).all()
            #expect(stored.count == 2)
            #expect(!stored.contains { $0.tokenHash == raw })
            #expect(stored.contains { $0.tokenHash == SecretToken.hash(raw) })
            let list = try await app.testing().sendRequest(
                .GET,
                "/api/v1/tokens",
                headers: ["Authorization": "Bearer \(raw)"]
            )
            #expect(!list.text.contains(raw))
        }
    }
}
