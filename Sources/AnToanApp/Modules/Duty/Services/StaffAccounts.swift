import AnToanCore
import Fluent
import Foundation
import Vapor

/// Links a unit's account to the staff record it belongs to, so its holder sees and swaps their own shifts.
enum StaffAccounts {
    /// Links `userID` to `staffID` (unlinks the staff record when `userID` is nil); an account is linked to
    /// one staff record at most. Both must belong to `unitID`.
    static func link(
        staffID: UUID?,
        userID: UUID?,
        in unitID: UUID,
        by actor: Principal,
        on req: Request
    ) async throws {
        var checker = FieldChecker()
        var staff: StaffMember?
        if let staffID {
            staff = try await StaffMember.query(on: req.db).filter(\.$id == staffID).filter(\.$unit.$id == unitID)
                .filter(\.$status != "left").first()
        }
        if staff == nil { checker.add("staff_id", staffID == nil ? .required : .notFound) }
        if let userID {
            let user = try await User.query(on: req.db).filter(\.$id == userID).filter(\.$unitID == unitID)
                .filter(\.$scopeKind == Scope.Kind.unit.rawValue).first()
            if user == nil { checker.add("user_id", .notFound) }
        }
        try checker.check()
        guard let staff else { throw AppError.notFound }
        let before = staff.userID
        let now = req.application.clock.now()
        try await req.application.write { db in
            if let userID {
                // The account's row is locked, so that two links of one account at once leave one staff record
                // linked; the record it leaves is unlinked and audited.
                _ = try await db.lockedRow(User.self, userID)
                let others = try await StaffMember.query(on: db).filter(\.$userID == userID)
                    .filter(\.$id != staff.requireID()).all()
                for other in others {
                    other.userID = nil
                    try await other.persist(on: db)
                    try await AuditTrail.record(
                        on: db,
                        actor: actor.auditActor,
                        action: .update,
                        entity: "staff",
                        entityID: try other.requireID().uuidString,
                        before: ["user_id": userID.uuidString],
                        after: ["user_id": ""],
                        now: now
                    )
                }
            }
            staff.userID = userID
            try await staff.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "staff",
                entityID: try staff.requireID().uuidString,
                before: ["user_id": before?.uuidString ?? ""],
                after: ["user_id": userID?.uuidString ?? ""],
                now: now
            )
        }
    }
}
