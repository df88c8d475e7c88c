import AnToanCore
import Fluent
import Foundation

/// Reads of accounts, always through the reader's scope.
enum UserQueries {
    static func scoped(_ scope: Scope, on db: any Database) -> QueryBuilder<User> {
        let query = User.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The account if the scope may see it; 404 otherwise, so that other scopes' ids reveal nothing.
    static func find(_ id: UUID, in scope: Scope, on db: any Database) async throws -> User {
        guard let user = try await scoped(scope, on: db).filter(\.$id == id).first() else { throw AppError.notFound }
        return user
    }

    /// True while no account exists: the first run, before the set-up link has been used.
    static func noAccountYet(on db: any Database) async throws -> Bool {
        try await User.query(on: db).count() == 0
    }

    /// The signed-in account's own record; nil once it is gone.
    static func signedIn(_ principal: Principal, on db: any Database) async throws -> User? {
        try await User.find(principal.id, on: db)
    }

    /// Whom home greets: the full name of the staff record linked to the account (one still on the books), else
    /// the account's display name.
    static func greetingName(of principal: Principal, on db: any Database) async throws -> String {
        let member = try await StaffMember.query(on: db).filter(\.$userID == principal.id)
            .filter(\.$status != "left").first()
        return member?.fullName ?? principal.displayName
    }

    /// The accounts whose scope is the unit (a unit found through the reader's scope), by username.
    static func unitAccounts(of unitID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$unitID == unitID).filter(\.$scopeKind == Scope.Kind.unit.rawValue)
            .sort(\.$username).all()
    }

    static func list(
        in scope: Scope,
        search: String?,
        page: Int,
        perPage: Int = 50,
        on db: any Database
    ) async throws -> Page<User> {
        let query = scoped(scope, on: db).sort(\.$displayNameFolded).sort(\.$username)
        if let search, !search.isEmpty {
            let folded = Folding.fold(search)
            query.group(.or) { group in
                group.filter(\.$displayNameFolded, containing: folded).filter(\.$username, containing: folded)
            }
        }
        return try await query.paginate(PageRequest(page: max(page, 1), per: perPage))
    }
}
