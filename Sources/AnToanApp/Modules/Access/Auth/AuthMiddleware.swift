import Foundation
import Vapor

/// Signs the request in from its session cookie (pages) or bearer token (API), if either is valid.
struct AuthMiddleware: AsyncMiddleware {
    static let sessionCookie = "antoan_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            if let principal = try await PrincipalLookup.byToken(tokenHash: SecretToken.hash(bearer), on: request.db) {
                request.auth.login(principal)
            }
        } else if let cookie = request.cookies[Self.sessionCookie]?.string, !cookie.isEmpty {
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
