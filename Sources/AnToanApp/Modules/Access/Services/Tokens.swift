import Fluent
import Foundation
import Vapor

/// API tokens: random, shown once, stored hashed, revocable; they act as their owner.
enum Tokens {
    /// Creates a token and returns the stored row with the raw value, which is never kept.
    static func create(name: String?, for owner: Principal, on req: Request) async throws -> (APIToken, String) {
        var checker = FieldChecker()
        let label = checker.text("name", name, max: 100)
        try checker.check()
        return try await create(
            name: label,
            ownerID: owner.id,
            actor: owner.auditActor,
            app: req.application,
            on: req.db
        )
    }

    static func create(
        name: String,
        ownerID: UUID,
        actor: AuditActor,
        app: Application,
        on db: any Database
    )
        async throws -> (APIToken, String)
    {
        let raw = "at_" + SecretToken.generate()
        let token = APIToken(
            userID: ownerID,
            name: name,
            tokenHash: SecretToken.hash(raw),
            prefix: String(raw.prefix(8))
        )
        let now = app.clock.now()
        try await app.write { db in
            try await token.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor,
                action: .create,
                entity: "api_token",
                entityID: try token.requireID().uuidString,
                before: nil,
                after: token.auditSnapshot,
                now: now
            )
        }
        return (token, raw)
    }

    static func list(for owner: Principal, on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$user.$id == owner.id).sort(\.$createdAt, .descending).all()
    }

    /// Revokes one of the owner's tokens; another account's token is "not found".
    static func revoke(_ id: UUID, for owner: Principal, on req: Request) async throws {
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == owner.id).first()
        else { throw AppError.notFound }
        guard token.revokedAt == nil else { return }
        let before = token.auditSnapshot
        let now = req.application.clock.now()
        token.revokedAt = now
        try await req.application.write { db in
            try await token.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: owner.auditActor,
                action: .update,
                entity: "api_token",
                entityID: id.uuidString,
                before: before,
                after: token.auditSnapshot,
                now: now
            )
        }
    }
}
