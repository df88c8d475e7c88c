import AnToanCore
import Fluent
import Foundation
import Vapor

/// Corrective actions of failed checks: opened with the check, owned by a staff member of the unit (the unit's
/// security officer unless the checker names another, else the checker), due in 7 days unless given a date, tracked
/// to done with a note; one past its deadline is flagged on the pages and counted by the oversight.
enum CorrectiveActions {
    static let entity = "equipment_action"

    struct Owner: Sendable {
        var staffID: UUID?
        var name: String
        var accountID: UUID?
    }

    static let doneNoteMax = 1_000

    /// The owner named by `staffID` (a staff member of the unit, else a problem of `owner_staff_id`), or by default
    /// the unit's security officer, else the checker themself.
    static func owner(
        _ staffID: String?,
        unitID: UUID,
        checker principal: Principal,
        into checker: inout FieldChecker,
        on db: any Database
    ) async throws -> Owner {
        if let text = staffID?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let id = UUID(uuidString: text),
                let staff = try await StaffMember.query(on: db).filter(\.$id == id).filter(\.$unit.$id == unitID)
                    .first()
            else {
                checker.add(
                    "owner_staff_id",
                    .invalid(vi: "không phải cán bộ của đơn vị", en: "is not staff of the unit")
                )
                return Owner(staffID: nil, name: principal.displayName, accountID: principal.id)
            }
            return Owner(staffID: id, name: staff.fullName, accountID: staff.userID)
        }
        let officers = try await User.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$role == Role.unitSecurityOfficer.rawValue).filter(\.$isActive == true).all().compactMap(\.id)
        // An officer whose account is not on the staff list still owns it, before the checker: the check form
        // promises the security officer by default.
        for account in officers.isEmpty ? [principal.id] : officers {
            if let staff = try await StaffMember.query(on: db).filter(\.$userID == account)
                .filter(\.$unit.$id == unitID).first()
            {
                return Owner(staffID: try staff.requireID(), name: staff.fullName, accountID: account)
            }
        }
        if let account = officers.first, let user = try await User.find(account, on: db) {
            return Owner(staffID: nil, name: user.displayName, accountID: account)
        }
        return Owner(staffID: nil, name: principal.displayName, accountID: principal.id)
    }

    /// Opens the action of a failed check in the check's transaction; its owner (when not the checker) is told.
    static func open(
        for check: EquipmentCheck,
        item: EquipmentItem,
        text: String,
        owner: Owner,
        deadline: SolarDate,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> CorrectiveAction {
        let action = CorrectiveAction()
        action.checkID = try check.requireID()
        action.itemID = try item.requireID()
        action.unitID = item.unitID
        action.areaPath = item.areaPath
        action.text = String(text.prefix(2_000))
        action.ownerStaffID = owner.staffID
        action.ownerName = owner.name
        action.ownerAccountID = owner.accountID
        action.deadlineDay = deadline.julianDay
        action.status = CorrectiveAction.Status.open.rawValue
        action.createdAt = now
        try await action.insert(on: db)
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: try action.requireID().uuidString,
            before: nil,
            after: action.auditSnapshot,
            now: now
        )
        if let account = owner.accountID, account != principal.id {
            try await Notifications.send(
                to: [account],
                title: LocalizedText(
                    vi: "Cần khắc phục trước \(deadline.dmy): \(item.displayName)",
                    en: "To put right by \(deadline.dmy): \(item.displayName)"
                ),
                link: SiteURL.equipmentUpkeep(.list).path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: try action.requireID(),
                on: db,
                now: now
            )
        }
        return action
    }

    /// Marks an open action done with a note: a keeper of the unit's equipment or the action's owner.
    @discardableResult
    static func complete(
        _ id: UUID,
        note: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> CorrectiveAction {
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        return try await app.write { db in
            let seen = try await UpkeepQueries.action(id, in: principal.scope, on: db)
            guard principal.can(.manageEquipment) || seen.ownerAccountID == principal.id else {
                throw AppError.forbidden
            }
            guard let action = try await db.lockedRow(CorrectiveAction.self, id) else { throw AppError.notFound }
            var checker = FieldChecker()
            let text = checker.text("done_note", note, max: doneNoteMax, kind: .multiline)
            if action.statusValue == .done {
                checker.add(
                    "action",
                    .invalid(
                        vi: "đã khắc phục lúc \(action.doneAt.map(VietnamTime.dateTime) ?? "")",
                        en: "already done at \(action.doneAt.map(VietnamTime.dateTime) ?? "")"
                    )
                )
            }
            try checker.check()
            let before = action.auditSnapshot
            action.status = CorrectiveAction.Status.done.rawValue
            action.doneAt = now
            action.doneNote = text
            action.doneByName = principal.displayName
            try await action.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: action.auditSnapshot,
                now: now
            )
            try await EquipmentOversight.refresh(unit: action.unitID, today: today, on: db)
            try await EquipmentChecks.publish(
                unit: action.unitID,
                area: action.areaPath,
                item: action.itemID,
                on: db,
                now: now
            )
            return action
        }
    }
}
