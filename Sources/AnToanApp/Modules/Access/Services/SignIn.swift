import AnToanCore
import Fluent
import Foundation
import Vapor

/// Password sign-in with throttling kept in the database, so that every node counts the same failures.
enum SignIn {
    static let window: TimeInterval = 15 * 60
    static let lockout: TimeInterval = 15 * 60
    static let maxAccountFailures = 5
    static let maxAddressFailures = 20
    static let sessionLifetime: TimeInterval = 7 * 24 * 3600

    /// Returns the account, or throws `loginFailed` / `locked`. Failures are counted before the answer.
    static func verify(username: String, password: String, on req: Request) async throws -> User {
        let now = req.application.clock.now()
        let keys = throttleKeys(username: username, req: req)
        for key in keys.map(\.key) {
            if let row = try await LoginThrottle.find(key, on: req.db), let until = row.lockedUntil, until > now {
                throw AppError.locked(minutes: Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            }
        }
        let user = try await User.find(username: username, on: req.db)
        // Verify against a real hash even for unknown names, so timing does not tell which names exist.
        let hash = user?.passwordHash ?? dummyHash
        let matches = try await req.password.async.verify(password, created: hash)
        guard let user, matches, user.isActive else {
            try await recordFailure(keys: keys, now: now, app: req.application)
            throw AppError.loginFailed
        }
        let _: Void = try await LoginThrottle.query(on: req.db).filter(\.$id == "account:\(user.username)").delete()
        return user
    }

    /// Opens a session and returns the cookie value (the raw token; only its hash is stored).
    static func openSession(for user: User, on req: Request) async throws -> String {
        let token = SecretToken.generate()
        let session = UserSession(
            userID: try user.requireID(),
            tokenHash: SecretToken.hash(token),
            expiresAt: req.application.clock.now().addingTimeInterval(sessionLifetime),
            address: req.remoteAddress?.ipAddress ?? "unknown"
        )
        try await session.insert(on: req.db)
        return token
    }

    static func sessionCookie(_ token: String, on req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token,
            maxAge: Int(sessionLifetime),
            path: "/",
            isSecure: req.application.appConfig.usesSecureCookies,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }

    private static func throttleKeys(username: String, req: Request) -> [(key: String, limit: Int)] {
        [
            ("account:\(username.lowercased().prefix(64))", maxAccountFailures),
            ("address:\(req.remoteAddress?.ipAddress ?? "unknown")", maxAddressFailures),
        ]
    }

    private static func recordFailure(keys: [(key: String, limit: Int)], now: Date, app: Application) async throws {
        try await app.write { db in
            for (key, limit) in keys {
                let row = try await LoginThrottle.find(key, on: db) ?? LoginThrottle(key: key, now: now)
                if now.timeIntervalSince(row.windowStart) > window {
                    row.windowStart = now
                    row.failures = 0
                }
                row.failures += 1
                if row.failures >= limit { row.lockedUntil = now.addingTimeInterval(lockout) }
                let _: Void = try await row.save(on: db)
            }
        }
    }

    /// A bcrypt hash of a random string, computed once, to spend the same time on unknown names.
    private static let dummyHash: String = (try? Bcrypt.hash(SecretToken.generate(), cost: 12)) ?? ""
}
