import Fluent
import Foundation
import Vapor

/// The way in for the first administrator: no default password, a one-time link printed at start-up.
enum FirstRun {
    static let linkLifetime: TimeInterval = 24 * 3600

    /// On a database without accounts, makes a link and returns it for printing; nil once an account exists.
    static func setupLink(app: Application) async throws -> String? {
        guard try await User.query(on: app.db).count() == 0 else { return nil }
        let token = SecretToken.generate()
        let row = SetupToken(
            tokenHash: SecretToken.hash(token),
            expiresAt: app.clock.now().addingTimeInterval(linkLifetime)
        )
        try await app.write { db in try await row.insert(on: db) }
        return app.appConfig.baseURL + SiteURL.setup(token: token).path
    }

    /// The unused, unexpired setup row for a token, while no account exists yet.
    static func validToken(_ token: String, on req: Request) async throws -> SetupToken {
        guard try await User.query(on: req.db).count() == 0,
            let row = try await SetupToken.query(on: req.db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            row.usedAt == nil, row.expiresAt > req.application.clock.now()
        else { throw AppError.setupLinkInvalid }
        return row
    }

    /// Makes the first administrator with a setup token. The token and the empty account table are checked
    /// again inside the transaction, after taking the first-run lock (PostgreSQL; SQLite's write queue runs
    /// one writer at a time), so two submits at once, even with two links, make one administrator. The use
    /// of the token is audited with the client's address.
    static func complete(token: String, with draft: AccountDraft, on req: Request) async throws -> User {
        let user = try await Accounts.prepare(draft, by: nil, on: req)
        let tokenHash = SecretToken.hash(token)
        let now = req.application.clock.now()
        let address = req.clientAddress
        try await req.application.write { db in
            try await db.lockKey("first-run")
            guard try await User.query(on: db).count() == 0,
                let row = try await SetupToken.query(on: db).filter(\.$tokenHash == tokenHash).first(),
                row.usedAt == nil, row.expiresAt > now
            else { throw AppError.setupLinkInvalid }
            try await Accounts.insert(user, by: .system, now: now, on: db)
            row.usedAt = now
            try await row.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: AuditActor(id: try user.requireID(), name: user.username),
                action: .update,
                entity: "setup_token",
                entityID: try row.requireID().uuidString,
                before: ["used": "false"],
                after: ["used": "true", "address": address, "administrator": user.username],
                now: now
            )
        }
        return user
    }

    /// Loads the configured secret, or the one kept in the database (made on first boot), into the app.
    static func loadSecret(app: Application) async throws {
        if let secret = app.appConfig.secret {
            app.secret = secret
            return
        }
        if let stored = try await Setting.find("secret", on: app.db) {
            app.secret = stored.value
            return
        }
        let generated = SecretToken.generate() + SecretToken.generate()
        do {
            try await app.write { db in try await Setting(key: "secret", value: generated).insert(on: db) }
            app.secret = generated
        } catch {
            // Another node inserted it first: use theirs.
            guard let stored = try await Setting.find("secret", on: app.db) else { throw error }
            app.secret = stored.value
        }
    }
}
