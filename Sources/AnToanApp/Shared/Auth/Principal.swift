import AnToanCore
import Foundation
import Vapor

/// The signed-in account as every handler sees it: read in one query with the session or token.
struct Principal: Authenticatable, Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    var scope: Scope
    var language: Language?
    var sessionID: UUID?
    /// Unread notifications in the inbox, read with the session for the navigation (0 for a token).
    var unreadNotifications = 0

    func can(_ action: Action) -> Bool {
        Permissions.allows(role, action)
    }

    var auditActor: AuditActor { AuditActor(id: id, name: username) }
}

extension Request {
    /// The signed-in account, or 401 (API) / a redirect to the login page (HTML, via the error middleware).
    func principal() throws -> Principal {
        guard let principal = auth.get(Principal.self) else { throw AppError.notSignedIn }
        return principal
    }

    /// The signed-in account if it may do `action`; 403 otherwise.
    func principal(allowedTo action: Action) throws -> Principal {
        let principal = try principal()
        guard principal.can(action) else { throw AppError.forbidden }
        return principal
    }
}
