import AnToanCore
import Fluent
import Foundation
import Vapor

/// Password sign-in with throttling kept in the database, so that every node counts the same failures.
///
/// The rule: 5 failures for one account in 15 minutes, from anywhere, lock that account for 15 minutes; 20
/// failures from one client address lock that address for 15 minutes, except for the accounts that have
/// signed in from it before (within 30 days). So a colleague behind the same office NAT as an attacker still
/// gets in, while the attacked accounts and the attacker's address are locked. Every failure and every lock
/// is written to the audit trail with the name tried and the client address, never the password.
enum SignIn {
    static let window: TimeInterval = 15 * 60
    static let lockout: TimeInterval = 15 * 60
    static let maxAccountFailures = 5
    static let maxAddressFailures = 20
    /// How long a successful sign-in makes an account "known" at its address.
    static let knownFor: TimeInterval = 30 * 24 * 3600
    static let sessionLifetime: TimeInterval = 7 * 24 * 3600

    /// The throttle rows of one attempt: `account:NAME`, `address:IP` and `known:NAME@IP`.
    struct Keys {
        var account: String
        var address: String
        var known: String
        var username: String
        var clientAddress: String

        init(username: String, clientAddress: String) {
            let name = String(username.lowercased().prefix(64))
            self.username = name
            self.clientAddress = clientAddress
            account = "account:\(name)"
            address = "address:\(clientAddress)"
            known = "known:\(name)@\(clientAddress)"
        }
    }

    /// Returns the account, or throws `loginFailed` / `locked`. Failures are counted before the answer.
    static func verify(username: String, password: String, on req: Request) async throws -> User {
        let now = req.application.clock.now()
        let keys = Keys(username: username, clientAddress: req.clientAddress)
        if let until = try await lockedUntil(keys, now: now, on: req.db) {
            throw AppError.locked(minutes: Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        }
        let user = try await User.find(username: username, on: req.db)
        // Verify against a real hash even for unknown names, so timing does not tell which names exist.
        let hash = user?.passwordHash ?? dummyHash
        let matches = try await req.password.async.verify(password, created: hash)
        guard let user, matches, user.isActive else {
            try await recordFailure(keys, now: now, app: req.application)
            throw AppError.loginFailed
        }
        return user
    }

    /// When the account, or the address for an account not known there, is locked: until when.
    private static func lockedUntil(_ keys: Keys, now: Date, on db: any Database) async throws -> Date? {
        let rows = try await LoginThrottle.query(on: db).filter(\.$id ~~ [keys.account, keys.address, keys.known])
            .all()
        func until(_ key: String) -> Date? {
            rows.first { $0.id == key }?.lockedUntil.flatMap { $0 > now ? $0 : nil }
        }
        if let account = until(keys.account) { return account }
        let known = rows.first { $0.id == keys.known }.map { now.timeIntervalSince($0.windowStart) < knownFor } ?? false
        return known ? nil : until(keys.address)
    }

    /// Opens a session and returns the cookie value (the raw token; only its hash is stored). The account's
    /// failures are forgiven and its address remembered, in the same transaction.
    static func openSession(for user: User, on req: Request) async throws -> String {
        let token = SecretToken.generate()
        let now = req.application.clock.now()
        let keys = Keys(username: user.username, clientAddress: req.clientAddress)
        let session = UserSession(
            userID: try user.requireID(),
            tokenHash: SecretToken.hash(token),
            expiresAt: now.addingTimeInterval(sessionLifetime),
            address: keys.clientAddress
        )
        try await req.application.write { db in
            let _: Void = try await LoginThrottle.query(on: db).filter(\.$id == keys.account).delete()
            let known = try await LoginThrottle.find(keys.known, on: db) ?? LoginThrottle(key: keys.known, now: now)
            known.windowStart = now
            try await known.store(on: db)
            try await session.insert(on: db)
        }
        return token
    }

    /// Ends one session.
    static func closeSession(_ id: UUID, app: Application) async throws {
        try await app.write { db in
            let _: Void = try await UserSession.query(on: db).filter(\.$id == id).delete()
        }
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

    /// Counts a failure for the account and the address, locking either at its limit; audits the failure
    /// and any lock it causes.
    private static func recordFailure(_ keys: Keys, now: Date, app: Application) async throws {
        try await app.write { db in
            let detail = ["username": keys.username, "address": keys.clientAddress]
            try await audit(.signInFailed, keys, detail, now: now, on: db)
            for (key, limit) in [(keys.account, maxAccountFailures), (keys.address, maxAddressFailures)] {
                let row = try await LoginThrottle.find(key, on: db) ?? LoginThrottle(key: key, now: now)
                if now.timeIntervalSince(row.windowStart) > window {
                    row.windowStart = now
                    row.failures = 0
                }
                row.failures += 1
                if row.failures >= limit, row.lockedUntil.map({ $0 <= now }) ?? true {
                    row.lockedUntil = now.addingTimeInterval(lockout)
                    let locked = key == keys.account ? "account" : "address"
                    try await audit(.signInLocked, keys, detail.merging(["locked": locked]) { $1 }, now: now, on: db)
                }
                try await row.store(on: db)
            }
        }
    }

    private static func audit(
        _ action: AuditAction,
        _ keys: Keys,
        _ detail: [String: String],
        now: Date,
        on db: any Database
    ) async throws {
        try await AuditTrail.record(
            on: db,
            actor: AuditActor(id: nil, name: "anonymous"),
            action: action,
            entity: "sign_in",
            entityID: keys.username,
            before: nil,
            after: detail,
            now: now
        )
    }

    /// A bcrypt hash of a random string, computed once, to spend the same time on unknown names.
    private static let dummyHash: String = (try? Bcrypt.hash(SecretToken.generate(), cost: 12)) ?? ""
}
