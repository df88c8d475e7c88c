import AnToanCore
import Fluent
import Foundation

/// An account. `@unchecked Sendable` because Fluent models are mutable classes used on one task at a time.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "display_name_folded") var displayNameFolded: String
    @Field(key: "role") var role: String
    @Field(key: "scope_kind") var scopeKind: String
    @OptionalField(key: "unit_id") var unitID: UUID?
    @OptionalField(key: "area_path") var areaPath: String?
    @Field(key: "language") var language: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool

    init() {}

    init(id: UUID? = nil, username: String, displayName: String, role: Role, scope: Scope, passwordHash: String) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.language = ""
        self.isActive = true
        self.role = role.rawValue
        self.setDisplayName(displayName)
        self.setScope(scope)
    }
}

extension User {
    var roleValue: Role { Role(rawValue: role) ?? .teamMember }

    var scope: Scope { Self.scope(kind: scopeKind, unitID: unitID, areaPath: areaPath) }

    /// The scope stored in a row's three columns.
    static func scope(kind: String, unitID: UUID?, areaPath: String?) -> Scope {
        switch (Scope.Kind(rawValue: kind), unitID, areaPath.flatMap(AreaPath.init)) {
        case (.everything, _, _): .everything
        case (.area, _, let path?): .area(path)
        case (.unit, let unit?, let path?): .unit(unit, in: path)
        // A row that lost its scope sees nothing rather than everything.
        default: .unit(UUID(), in: AreaPath("none")!)
        }
    }

    func setDisplayName(_ name: String) {
        displayName = name
        displayNameFolded = Folding.fold(name)
    }

    func setScope(_ scope: Scope) {
        scopeKind = scope.kind.rawValue
        switch scope {
        case .everything:
            unitID = nil
            areaPath = nil
        case .area(let path):
            unitID = nil
            areaPath = path.value
        case .unit(let unit, let path):
            unitID = unit
            areaPath = path.value
        }
    }

    /// What the audit trail records of an account; the password hash is never recorded.
    var auditSnapshot: [String: String] {
        [
            "username": username, "display_name": displayName, "role": role, "scope_kind": scopeKind,
            "unit_id": unitID?.uuidString ?? "", "area_path": areaPath ?? "", "language": language,
            "is_active": isActive ? "true" : "false",
        ]
    }

    static func find(username: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$username == username.lowercased()).first()
    }
}
