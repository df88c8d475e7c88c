import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A tiny browser over the in-memory tester: keeps cookies and posts forms with their CSRF token.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var language: String?

    init(_ app: Application) {
        self.app = app
    }

    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form as a browser would: with the CSRF cookie and the `_csrf` field of the page.
    mutating func post(_ path: String, form: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if csrf, cookies[CSRFCookieMiddleware.cookie] == nil { _ = try await get(SiteURL.login.path) }
        var fields = form
        if csrf, let nonce = cookies[CSRFCookieMiddleware.cookie] {
            fields["_csrf"] = SecretToken.hmac(nonce, secret: Lane.testSecret)
        }
        let body = fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
        return try await send(
            .POST,
            path,
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        )
    }

    mutating func signIn(_ username: String, password: String = Fixtures.password) async throws -> TestingHTTPResponse {
        try await post(SiteURL.login.path, form: ["username": username, "password": password])
    }

    mutating func send(
        _ method: HTTPMethod,
        _ path: String,
        headers: HTTPHeaders,
        body: ByteBuffer?
    ) async throws
        -> TestingHTTPResponse
    {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.expires.map({ $0 < Date() }) == true || value.maxAge == 0 || value.string.isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = value.string
            }
        }
        return response
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }

    /// The decoded JSON body, failing the test when it is not `T`.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(body.readableBytesView))
    }
}

/// The API's error body, as a client reads it.
struct ErrorBody: Decodable {
    struct Detail: Decodable {
        var code: String
        var message: String
        var fields: [Field]
    }

    struct Field: Decodable {
        var field: String
        var message: String
    }

    var error: Detail
}
