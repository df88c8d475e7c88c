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
        try await row.insert(on: app.db)
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
            try await Setting(key: "secret", value: generated).insert(on: app.db)
            app.secret = generated
        } catch {
            // Another node inserted it first: use theirs.
            guard let stored = try await Setting.find("secret", on: app.db) else { throw error }
            app.secret = stored.value
        }
    }
}
