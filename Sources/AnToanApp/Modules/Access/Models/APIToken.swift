import Fluent
import Foundation

/// A bearer token for the API, acting with its owner's role and scope. `@unchecked Sendable`: Fluent model.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the token, so that its owner can tell tokens apart.
    @Field(key: "prefix") var prefix: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, name: String, tokenHash: String, prefix: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
    }

    var auditSnapshot: [String: String] {
        [
            "name": name, "prefix": prefix, "user_id": $user.id.uuidString,
            "revoked": revokedAt == nil ? "false" : "true",
        ]
    }
}
