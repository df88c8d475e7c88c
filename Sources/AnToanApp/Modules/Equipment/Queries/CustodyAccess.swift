import AnToanCore
import Fluent
import Foundation

/// Who sees which issues: the custodians, the heads and the authorities every issue of their scope; anyone else of
/// a unit only the issues made to them (their account's staff record). Anything else is 404.
enum CustodyAccess {
    static func seesAll(_ principal: Principal) -> Bool {
        principal.can(.manageEquipment) || principal.can(.approveEquipmentIssue) || principal.can(.oversee)
    }

    /// The staff record the account signs in as, in its scope.
    static func me(_ principal: Principal, on db: any Database) async throws -> StaffMember? {
        guard let member = try await RosterQueries.linkedStaff(of: principal, on: db),
            let area = AreaPath(member.areaPath), principal.scope.covers(.unit(member.$unit.id, in: area))
        else { return nil }
        return member
    }

    /// An issue the reader may open; 404 otherwise.
    static func visible(_ id: UUID, _ principal: Principal, on db: any Database) async throws -> EquipmentCustody {
        let custody = try await CustodyQueries.custody(id, in: principal.scope, on: db)
        if seesAll(principal) { return custody }
        guard let me = try await me(principal, on: db), me.id == custody.staffID else { throw AppError.notFound }
        return custody
    }

    /// The open issues the reader may see: all of the scope (of `staff` if given), or only their own.
    static func open(_ principal: Principal, staff: UUID?, on db: any Database) async throws -> [EquipmentCustody] {
        if seesAll(principal) { return try await CustodyQueries.open(in: principal.scope, staff: staff, on: db) }
        guard let me = try await me(principal, on: db), let myID = me.id, staff == nil || staff == myID else {
            return []
        }
        return try await CustodyQueries.open(in: principal.scope, staff: myID, on: db)
    }
}
