import AnToanCore
import Fluent
import Foundation
import Vapor

/// An account as the API shows it.
struct UserDTO: Content {
    var id: UUID
    var username: String
    var displayName: String
    var role: String
    var scopeKind: String
    var unitId: UUID?
    var areaPath: String?
    var language: String?
    var isActive: Bool

    init(_ user: User) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role
        scopeKind = user.scopeKind
        unitId = user.unitID
        areaPath = user.areaPath
        language = user.language.isEmpty ? nil : user.language
        isActive = user.isActive
    }
}

/// The signed-in account with what it may do.
struct MeDTO: Content {
    var id: UUID
    var username: String
    var displayName: String
    var role: String
    var scopeKind: String
    var areaPath: String?
    var unitId: UUID?
    var actions: [String]

    init(_ principal: Principal) {
        id = principal.id
        username = principal.username
        displayName = principal.displayName
        role = principal.role.rawValue
        scopeKind = principal.scope.kind.rawValue
        switch principal.scope {
        case .everything: break
        case .area(let path): areaPath = path.value
        case .unit(let unit, let path):
            unitId = unit
            areaPath = path.value
        }
        actions = Permissions.actions(for: principal.role).map(\.rawValue).sorted()
    }
}

/// One page of a list.
struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var perPage: Int
    var hasMore: Bool
    /// Absent on a search page that has more pages after it: searches stop reading at the end of the page.
    var total: Int?
}

extension PageDTO {
    /// A page that Fluent's `paginate` counted.
    init(items: [Item], metadata: PageMetadata) {
        self.init(
            items: items,
            page: metadata.page,
            perPage: metadata.per,
            hasMore: metadata.page < metadata.pageCount,
            total: metadata.total
        )
    }

    init<Row>(items: [Item], list: ListPage<Row>) {
        self.init(items: items, page: list.page, perPage: list.perPage, hasMore: list.hasMore, total: list.total)
    }
}

struct CreateUserInput: APIInput {
    static let fields: Set<String> = ["username", "display_name", "role", "unit_id", "area_path", "password"]
    var username: String
    var displayName: String?
    var role: String
    var unitId: String?
    var areaPath: String?
    var password: String

    func problems() -> [FieldError] { [] }

    var draft: AccountDraft {
        AccountDraft(
            username: username,
            displayName: displayName ?? "",
            role: role,
            unitID: unitId,
            areaPath: areaPath,
            password: password
        )
    }
}

struct UpdateUserInput: APIInput {
    static let fields: Set<String> = ["display_name", "role", "unit_id", "area_path", "password", "is_active"]
    var displayName: String?
    var role: String?
    var unitId: String?
    var areaPath: String?
    var password: String?
    var isActive: Bool?

    func problems() -> [FieldError] {
        if role == nil, unitId != nil || areaPath != nil {
            return [
                FieldError(
                    field: "role",
                    reason: .invalid(vi: "cần có khi đổi phạm vi", en: "is needed to change the scope")
                )
            ]
        }
        return []
    }

    var draft: AccountDraft {
        AccountDraft(
            displayName: displayName,
            role: role,
            unitID: unitId,
            areaPath: areaPath,
            password: password,
            isActive: isActive
        )
    }
}

struct TokenDTO: Content {
    var id: UUID
    var name: String
    var prefix: String
    var createdAt: Date?
    var revoked: Bool

    init(_ token: APIToken) throws {
        id = try token.requireID()
        name = token.name
        prefix = token.prefix
        createdAt = token.createdAt
        revoked = token.revokedAt != nil
    }
}

/// A new token: the only time its value is shown.
struct CreatedTokenDTO: Content {
    var token: String
    var info: TokenDTO
}

struct CreateTokenInput: APIInput {
    static let fields: Set<String> = ["name"]
    var name: String

    func problems() -> [FieldError] {
        var checker = FieldChecker()
        checker.text("name", name, max: 100)
        return checker.errors
    }
}

struct AuditEntryDTO: Content {
    var seq: Int
    var at: Date
    var actor: String
    var action: String
    var entity: String
    var entityId: String
    var changes: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        at = Date(timeIntervalSince1970: Double(entry.atMillis) / 1000)
        actor = entry.actorName
        action = entry.action
        entity = entry.entity
        entityId = entry.entityID
        changes = entry.changes
    }
}
