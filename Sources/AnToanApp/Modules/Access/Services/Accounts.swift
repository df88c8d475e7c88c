import AnToanCore
import Fluent
import Foundation
import Vapor

/// What an administrator submits to create or change an account, from a page or the API.
struct AccountDraft: Sendable {
    var username: String?
    var displayName: String?
    var role: String?
    var unitID: String?
    var areaPath: String?
    /// The area chosen by name on the account form; its path is looked up, never typed.
    var areaID: String?
    var password: String?
    var isActive: Bool?

    /// Checks every field and returns the role and scope the draft asks for.
    func checked(requirePassword: Bool, checker: inout FieldChecker) -> (role: Role?, scope: Scope?) {
        if let username {
            let name = checker.text("username", username, max: 64, min: 3)
            if !name.isEmpty, !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
                checker.add(
                    "username",
                    .invalid(vi: "chỉ dùng chữ không dấu, số và . _ -", en: "may use only a–z, 0–9 and . _ -")
                )
            }
        }
        checker.name("display_name", displayName, max: 120, optional: true)
        if requirePassword || password != nil {
            switch PasswordPolicy.check(password ?? "") {
            case .tooShort: checker.add("password", .tooShort(min: PasswordPolicy.minimumLength))
            case .tooLong: checker.add("password", .tooLong(max: PasswordPolicy.maximumLength))
            default: break
            }
        }
        guard let rawRole = role else { return (nil, nil) }
        guard let role = Role(rawValue: rawRole) else {
            checker.add("role", .invalid(vi: "không phải vai trò hợp lệ", en: "is not a known role"))
            return (nil, nil)
        }
        switch role.scopeKind {
        case .everything:
            return (role, .everything)
        case .area:
            guard let path = areaPath.flatMap(AreaPath.init) else {
                if areaID != nil {
                    checker.add("area_id", .notFound)
                } else if areaPath == nil {
                    checker.add("area_path", .invalid(vi: "cần chọn địa bàn", en: "needs an area"))
                } else {
                    checker.add(
                        "area_path",
                        .invalid(vi: "cần mã địa bàn dạng /79/26734/", en: "needs an area path like /79/26734/")
                    )
                }
                return (role, nil)
            }
            return (role, .area(path))
        case .unit:
            // The path was filled from the unit itself (`Accounts.resolveScope`): nil means no unit was found.
            guard let unitID else {
                checker.add("unit_id", .invalid(vi: "chọn đơn vị theo tên", en: "choose the unit by name"))
                return (role, nil)
            }
            guard let unit = UUID(uuidString: unitID), let path = areaPath.flatMap(AreaPath.init) else {
                checker.add("unit_id", .notFound)
                return (role, nil)
            }
            return (role, .unit(unit, in: path))
        }
    }
}

/// Creating and changing accounts: one implementation behind the pages and the API.
enum Accounts {
    /// Takes the account's area from what was chosen, read within the administrator's scope, so that nobody
    /// types a path: a unit role gets its unit's id (a department's parent unit) and area; an area role given
    /// an area by id gets that area's path. An area path sent with a unit must be the unit's own.
    static func resolveScope(
        _ draft: AccountDraft,
        in scope: Scope,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws
        -> AccountDraft
    {
        var draft = draft
        switch draft.role.flatMap(Role.init(rawValue:))?.scopeKind {
        case .unit:
            let sent = draft.areaPath
            draft.areaPath = nil
            guard let text = draft.unitID?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                draft.unitID = nil
                return draft
            }
            guard let id = UUID(uuidString: text),
                case .unit(let unit, let path)? = try await ScopeChoices.unitScope(id, in: scope, on: db)
            else { return draft }
            if let sent, AreaPath(sent) != path {
                checker.add(
                    "area_path",
                    .invalid(vi: "không khớp địa bàn của đơn vị", en: "does not match the unit's area")
                )
            }
            draft.unitID = unit.uuidString
            draft.areaPath = path.value
        case .area:
            guard let text = draft.areaID, !text.isEmpty else {
                draft.areaID = nil
                return draft
            }
            draft.areaPath = nil
            if let id = UUID(uuidString: text), let path = try await ScopeChoices.areaPath(id, in: scope, on: db) {
                draft.areaPath = path.value
            }
        default:
            break
        }
        return draft
    }

    static func create(_ draft: AccountDraft, by actor: Principal?, on req: Request) async throws -> User {
        let user = try await prepare(draft, by: actor, on: req)
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await insert(user, by: actor?.auditActor ?? .system, now: now, on: db)
        }
        return user
    }

    /// Checks a new account's draft and hashes its password: the slow part, done before any transaction.
    static func prepare(_ draft: AccountDraft, by actor: Principal?, on req: Request) async throws -> User {
        var checker = FieldChecker()
        let draft = try await resolveScope(draft, in: actor?.scope ?? .everything, checker: &checker, on: req.db)
        let (role, scope) = draft.checked(requirePassword: true, checker: &checker)
        if draft.role == nil { checker.add("role", .required) }
        if draft.username == nil { checker.add("username", .required) }
        let username = (draft.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if checker.errors.isEmpty, try await User.find(username: username, on: req.db) != nil {
            checker.add("username", .taken)
        }
        if let actor, let scope, !actor.scope.covers(scope) {
            checker.add("area_path", .invalid(vi: "nằm ngoài phạm vi của bạn", en: "is outside your scope"))
        }
        try checker.check()
        guard let role, let scope, let password = draft.password else { throw AppError.forbidden }
        let hash = try await req.password.async.hash(password)
        let displayName = draft.displayName?.trimmingCharacters(in: .whitespaces)
        return User(
            username: username,
            displayName: (displayName?.isEmpty ?? true) ? username : displayName!,
            role: role,
            scope: scope,
            passwordHash: hash
        )
    }

    /// Inserts a prepared account with its audit entry; call it inside `app.write`.
    static func insert(_ user: User, by actor: AuditActor, now: Date, on db: any Database) async throws {
        try await user.insert(on: db)
        try await AuditTrail.record(
            on: db,
            actor: actor,
            action: .create,
            entity: "user",
            entityID: try user.requireID().uuidString,
            before: nil,
            after: user.auditSnapshot,
            now: now
        )
    }

    /// Changes an account. A new password or a deactivation also ends the account's sessions and revokes its
    /// API tokens; the last active administrator can be neither deactivated nor given another role.
    static func update(_ user: User, with draft: AccountDraft, by actor: Principal, on req: Request) async throws {
        var checker = FieldChecker()
        let draft = try await resolveScope(draft, in: actor.scope, checker: &checker, on: req.db)
        let (role, scope) = draft.checked(requirePassword: false, checker: &checker)
        if let scope, !actor.scope.covers(scope) {
            checker.add("area_path", .invalid(vi: "nằm ngoài phạm vi của bạn", en: "is outside your scope"))
        }
        if draft.username != nil, draft.username?.lowercased() != user.username {
            checker.add("username", .invalid(vi: "không đổi được", en: "cannot be changed"))
        }
        try checker.check()
        let before = user.auditSnapshot
        if let displayName = draft.displayName?.trimmingCharacters(in: .whitespaces), !displayName.isEmpty {
            user.setDisplayName(displayName)
        }
        if let role { user.role = role.rawValue }
        if let scope { user.setScope(scope) }
        if let isActive = draft.isActive { user.isActive = isActive }
        if let password = draft.password { user.passwordHash = try await req.password.async.hash(password) }
        let endsAccess = draft.password != nil || draft.isActive == false
        let leavesAdministrators = !user.isActive || user.roleValue != .administrator
        let lostField = draft.isActive == false ? "is_active" : "role"
        let now = req.application.clock.now()
        try await req.application.write { db in
            if leavesAdministrators {
                try await keepAnAdministrator(besides: user.requireID(), field: lostField, on: db)
            }
            let changed = draft.password != nil
            try await record(user, before: before, by: actor.auditActor, passwordChanged: changed, now: now, on: db)
            if endsAccess { try await endAccess(of: user.requireID(), by: actor.auditActor, now: now, on: db) }
        }
    }

    /// Refuses, naming `field`, a change that would leave no active administrator. The active administrators'
    /// rows are locked first (PostgreSQL), so two such changes at once cannot each count the other.
    private static func keepAnAdministrator(besides id: UUID, field: String, on db: any Database) async throws {
        var select = db.sql.select().column("id").from(User.schema)
            .where("role", .equal, Role.administrator.rawValue).where("is_active", .equal, true)
        if db.sql.dialect.exclusiveSelectLockExpression != nil { select = select.for(.update) }
        let ids = try await select.all().map { try $0.decode(column: "id", as: UUID.self) }
        guard ids.contains(id), ids.count == 1 else { return }
        throw AppError.invalidFields([
            FieldError(
                field: field,
                reason: .invalid(
                    vi: "không đổi được: đây là quản trị viên cuối cùng còn hoạt động",
                    en: "cannot be changed: this is the last active administrator"
                )
            )
        ])
    }

    /// Ends every session of an account and revokes its API tokens, each revocation audited.
    private static func endAccess(of id: UUID, by actor: AuditActor, now: Date, on db: any Database) async throws {
        let _: Void = try await UserSession.query(on: db).filter(\.$user.$id == id).delete()
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == id).filter(\.$revokedAt == nil).all()
        for token in tokens {
            let before = token.auditSnapshot
            token.revokedAt = now
            try await token.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor,
                action: .update,
                entity: "api_token",
                entityID: try token.requireID().uuidString,
                before: before,
                after: token.auditSnapshot,
                now: now
            )
        }
    }

    /// One's own new password, audited, with every other session of the account closed, in one transaction.
    static func changeOwnPassword(
        _ user: User,
        to password: String,
        by principal: Principal,
        on req: Request
    ) async throws {
        let before = user.auditSnapshot
        user.passwordHash = try await req.password.async.hash(password)
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await record(user, before: before, by: principal.auditActor, passwordChanged: true, now: now, on: db)
            let _: Void = try await UserSession.query(on: db)
                .filter(\.$user.$id == principal.id)
                .filter(\.$id != (principal.sessionID ?? .placeholder))
                .delete()
        }
    }

    /// Saves a changed account and its audit entry in one transaction.
    static func save(
        _ user: User,
        before: [String: String],
        by actor: AuditActor,
        passwordChanged: Bool,
        on req: Request
    ) async throws {
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await record(user, before: before, by: actor, passwordChanged: passwordChanged, now: now, on: db)
        }
    }

    /// Writes a changed account and its audit entry; call it inside `app.write`.
    static func record(
        _ user: User,
        before: [String: String],
        by actor: AuditActor,
        passwordChanged: Bool,
        now: Date,
        on db: any Database
    ) async throws {
        var after = user.auditSnapshot
        var previous = before
        if passwordChanged {
            previous["password"] = "old"
            after["password"] = "new"
        }
        try await user.persist(on: db)
        try await AuditTrail.record(
            on: db,
            actor: actor,
            action: .update,
            entity: "user",
            entityID: try user.requireID().uuidString,
            before: previous,
            after: after,
            personalFields: ["password"],
            now: now
        )
    }
}
