import Fluent
import Foundation

/// Failed sign-ins counted per account (`account:NAME`) and per address (`address:IP`).
/// `@unchecked Sendable`: Fluent model.
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "window_start") var windowStart: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(key: String, now: Date) {
        self.id = key
        self.failures = 0
        self.windowStart = now
    }
}
