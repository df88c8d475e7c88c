import Fluent
import Foundation

/// A signed-in browser. Only the SHA-256 of the cookie value is stored. `@unchecked Sendable`: Fluent model.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "address") var address: String

    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, tokenHash: String, expiresAt: Date, address: String) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.address = address
    }
}
