import Fluent
import Foundation

/// How many tips and answers one client address may send: 10 an hour. Counted in the database (every node
/// counts the same), in the sign-in throttle's table, under a keyed hash of the address that cannot be turned
/// back into it; rows older than the window are deleted as new ones are counted, so none outlives its hour.
enum TipThrottle {
    static let window: TimeInterval = 3600
    static let limit = 10
    static let prefix = "tip:"

    /// `tip:` and 22 characters of the HMAC of the address under the app's secret.
    static func key(_ address: String, secret: String) -> String {
        prefix + SecretToken.hmac("tip-throttle|" + address, secret: secret).prefix(22)
    }

    /// Counts one send inside the write that stores it; at the limit, 429 with the seconds until the window ends.
    static func count(_ key: String, now: Date, on db: any Database) async throws {
        try await db.lockKey("throttle:" + key)
        let _: Void = try await LoginThrottle.query(on: db).filter(\.$id, hasPrefix: prefix)
            .filter(\.$windowStart < now.addingTimeInterval(-window)).delete()
        let row = try await LoginThrottle.find(key, on: db) ?? LoginThrottle(key: key, now: now)
        if row.failures >= limit {
            let left = row.windowStart.addingTimeInterval(window).timeIntervalSince(now)
            throw AppError.rateLimited(seconds: Int(left.rounded(.up)))
        }
        row.failures += 1
        if row.failures == 1 {
            try await row.insert(on: db)
        } else {
            try await row.persist(on: db)
        }
    }
}
