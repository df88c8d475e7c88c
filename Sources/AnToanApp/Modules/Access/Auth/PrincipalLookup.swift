import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Finds the account behind a session cookie or a bearer token in one SQL round trip.
enum PrincipalLookup {
    private static let userColumns =
        "u.id, u.username, u.display_name, u.role, u.scope_kind, u.unit_id, u.area_path, u.language"

    static func bySession(tokenHash: String, now: Date, on db: any Database) async throws -> Principal? {
        let row = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: userColumns), s.id AS session_id FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now) AND u.is_active = \(bind: true)
            """
        ).first()
        return try row.map { try principal(from: $0, sessionID: $0.decode(column: "session_id", as: UUID.self)) }
    }

    static func byToken(tokenHash: String, on db: any Database) async throws -> Principal? {
        let row = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: userColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND u.is_active = \(bind: true)
            """
        ).first()
        return try row.map { try principal(from: $0, sessionID: nil) }
    }

    private static func principal(from row: any SQLRow, sessionID: UUID?) throws -> Principal {
        Principal(
            id: try row.decode(column: "id", as: UUID.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .teamMember,
            scope: User.scope(
                kind: try row.decode(column: "scope_kind", as: String.self),
                unitID: try row.decode(column: "unit_id", as: UUID?.self),
                areaPath: try row.decode(column: "area_path", as: String?.self)
            ),
            language: Language(rawValue: try row.decode(column: "language", as: String.self)),
            sessionID: sessionID
        )
    }
}
