import Foundation
import Vapor

/// Signs the request in from its bearer token or, outside `/api/`, its session cookie, if either is valid.
/// The API never takes the cookie, so that a page on another site cannot call it with a visitor's session
/// (which is why the API needs no CSRF token).
struct AuthMiddleware: AsyncMiddleware {
    static let sessionCookie = "antoan_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            if let principal = try await PrincipalLookup.byToken(tokenHash: SecretToken.hash(bearer), on: request.db) {
                request.auth.login(principal)
            }
        } else if !request.isAPIPath, let cookie = request.cookies[Self.sessionCookie]?.string, !cookie.isEmpty {
            let principal = try await PrincipalLookup.bySession(
                tokenHash: SecretToken.hash(cookie),
                now: request.application.clock.now(),
                on: request.db
            )
            if let principal { request.auth.login(principal) }
        }
        return try await next.respond(to: request)
    }
}
