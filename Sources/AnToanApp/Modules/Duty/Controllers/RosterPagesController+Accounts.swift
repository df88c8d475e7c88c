import AnToanCore
import Fluent
import Foundation
import Vapor

/// Linking a unit's accounts to its staff records, from the unit's rosters page.
extension RosterPagesController {
    @Sendable func linkAccount(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let unitID = try unit.requireID()
        let form = try req.content.decode([String: String].self)
        do {
            try await StaffAccounts.link(
                staffID: form["staff_id"].nonEmpty.flatMap(UUID.init(uuidString:)),
                userID: form["user_id"].nonEmpty.flatMap(UUID.init(uuidString:)),
                in: unitID,
                by: principal,
                on: req
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderList(req, principal, unit, values: form, errors: FieldChecker(errors))
        }
        return req.redirect(
            to: .rosterPages(.list(unitID)),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã gắn tài khoản.", "The account was linked."))
        )
    }

    /// The unit's staff and unit-scoped accounts as options, and the current links.
    func accountOptions(_ unitID: UUID, on db: any Database) async throws -> RostersPage.AccountLinks {
        let staff = try await RosterQueries.rosterableStaff(of: unitID, on: db)
        let users = try await UserQueries.unitAccounts(of: unitID, on: db)
        let usernames = Dictionary(users.compactMap { user in user.id.map { ($0, user.username) } }) { a, _ in a }
        return RostersPage.AccountLinks(
            staff: staff.compactMap { member in member.id.map { ($0.uuidString, member.fullName) } },
            users: users.compactMap { user in user.id.map { ($0.uuidString, "\(user.displayName) (\(user.username))") }
            },
            linked: staff.compactMap { member in
                member.userID.flatMap { usernames[$0] }.map { "\(member.fullName) — \($0)" }
            }
        )
    }
}
