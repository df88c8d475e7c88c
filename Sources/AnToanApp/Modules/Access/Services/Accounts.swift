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
        checker.text("display_name", displayName, max: 120, optional: true)
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
                checker.add(
                    "area_path",
                    .invalid(vi: "cần mã địa bàn dạng /79/26734/", en: "needs an area path like /79/26734/")
                )
                return (role, nil)
            }
            return (role, .area(path))
        case .unit:
            let unit = unitID.flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
            let path = areaPath.flatMap(AreaPath.init)
            if unit == nil {
                checker.add("unit_id", .invalid(vi: "cần mã đơn vị (UUID)", en: "needs a unit id (UUID)"))
            }
            if path == nil {
                checker.add("area_path", .invalid(vi: "cần mã địa bàn của đơn vị", en: "needs the unit's area path"))
            }
            guard let unit, let path else { return (role, nil) }
            return (role, .unit(unit, in: path))
        }
    }
}

/// Creating and changing accounts: one implementation behind the pages and the API.
enum Accounts {
    static func create(_ draft: AccountDraft, by actor: Principal?, on req: Request) async throws -> User {
        var checker = FieldChecker()
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
        let user = User(
            username: username,
            displayName: (displayName?.isEmpty ?? true) ? username : displayName!,
            role: role,
            scope: scope,
            passwordHash: hash
        )
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await user.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor?.auditActor ?? .system,
                action: .create,
                entity: "user",
                entityID: try user.requireID().uuidString,
                before: nil,
                after: user.auditSnapshot,
                now: now
            )
        }
        return user
    }

    static func update(_ user: User, with draft: AccountDraft, by actor: Principal, on req: Request) async throws {
        var checker = FieldChecker()
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
        try await save(user, before: before, by: actor.auditActor, passwordChanged: draft.password != nil, on: req)
        if draft.password != nil || draft.isActive == false {
            let _: Void = try await UserSession.query(on: req.db).filter(\.$user.$id == user.requireID()).delete()
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
        var after = user.auditSnapshot
        var previous = before
        if passwordChanged {
            previous["password"] = "old"
            after["password"] = "new"
        }
        let now = req.application.clock.now()
        let (oldValues, newValues) = (previous, after)
        try await req.application.write { db in
            try await user.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor,
                action: .update,
                entity: "user",
                entityID: try user.requireID().uuidString,
                before: oldValues,
                after: newValues,
                personalFields: ["password"],
                now: now
            )
        }
    }
}
