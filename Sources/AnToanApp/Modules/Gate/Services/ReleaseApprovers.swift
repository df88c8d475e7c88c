import AnToanCore
import Fluent
import Foundation
import Vapor

/// The staff a unit names to approve its goods release notes: kept by the unit's head and administrators.
enum ReleaseApprovers {
    static let entity = "gate_release_approver"

    /// Names `staffID` (a staff member of the unit, not one who left) an approver of `unitID`'s notes.
    @discardableResult
    static func add(
        _ staffID: String?,
        unitID: UUID,
        by principal: Principal,
        on app: Application
    ) async throws
        -> ReleaseApprover
    {
        guard principal.can(.manageReleaseApprovers) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let unit = try await GateService.topUnit(unitID, in: principal.scope, on: db)
            let unitID = try unit.requireID()
            var checker = FieldChecker()
            var member: StaffMember?
            if let text = staffID?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                member = try await UUID(uuidString: text).asyncFlatMap {
                    try await GateGoodsQueries.staffMember($0, of: unitID, on: db)
                }
                if member == nil || member?.status == "left" { checker.add("staff_id", .notFound) }
            } else {
                checker.add("staff_id", .required)
            }
            let memberID = try member?.requireID()
            if let memberID,
                try await GateGoodsQueries.approvers(of: unitID, on: db).contains(where: { $0.0.staffID == memberID })
            {
                checker.add("staff_id", .invalid(vi: "đã có trong danh sách người duyệt", en: "is an approver already"))
            }
            try checker.check()
            let row = ReleaseApprover()
            row.unitID = unitID
            row.staffID = memberID ?? UUID()
            row.addedAt = now
            row.addedByName = principal.displayName
            try await row.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try row.requireID().uuidString,
                before: nil,
                after: [
                    "unit_id": unitID.uuidString, "staff_id": row.staffID.uuidString,
                    "staff_name": member?.fullName ?? "",
                ],
                now: now
            )
            return row
        }
    }

    /// Takes an approver off the unit's list (notes they decided keep their name).
    static func remove(_ id: UUID, unitID: UUID, by principal: Principal, on app: Application) async throws {
        guard principal.can(.manageReleaseApprovers) else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let unit = try await GateService.topUnit(unitID, in: principal.scope, on: db)
            let row = try await GateGoodsQueries.approver(id, of: try unit.requireID(), on: db)
            let before = ["unit_id": row.unitID.uuidString, "staff_id": row.staffID.uuidString]
            try await row.delete(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .delete,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: nil,
                now: now
            )
        }
    }
}

extension Optional {
    fileprivate func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
