import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Finds the account behind a session cookie or a bearer token in one SQL round trip (for a session, with the
/// count of unread notifications that the navigation shows).
enum PrincipalLookup {
    private static let userColumns =
        "u.id, u.username, u.display_name, u.role, u.scope_kind, u.unit_id, u.area_path, u.language"

    static func bySession(tokenHash: String, now: Date, on db: any Database) async throws -> Principal? {
        try await db.rows(
            """
            SELECT \(unsafeRaw: userColumns), s.id AS session_id,
            (SELECT COUNT(*) FROM notifications n WHERE n.account_id = u.id AND n.read_at IS NULL) AS unread
            FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now) AND u.is_active = \(bind: true)
            """
        ) { row in
            var principal = try principal(&row)
            principal.sessionID = try row.next()
            let unread: Int = try row.next()
            principal.unreadNotifications = unread
            return principal
        }.first
    }

    static func byToken(tokenHash: String, on db: any Database) async throws -> Principal? {
        try await db.rows(
            """
            SELECT \(unsafeRaw: userColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND u.is_active = \(bind: true)
            """
        ) { try principal(&$0) }.first
    }

    /// The columns of `userColumns`, in its order.
    private static func principal(_ row: inout RowReader) throws -> Principal {
        let id: UUID = try row.next()
        let username: String = try row.next()
        let displayName: String = try row.next()
        let role: String = try row.next()
        let scopeKind: String = try row.next()
        let unitID: UUID? = try row.next()
        let areaPath: String? = try row.next()
        let language: String = try row.next()
        return Principal(
            id: id,
            username: username,
            displayName: displayName,
            role: Role(rawValue: role) ?? .teamMember,
            scope: User.scope(kind: scopeKind, unitID: unitID, areaPath: areaPath),
            language: Language(rawValue: language),
            sessionID: nil
        )
    }
}
