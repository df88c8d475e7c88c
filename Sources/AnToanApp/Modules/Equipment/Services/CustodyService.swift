import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// An issue of equipment was requested, decided, handed over, received or returned (no holder's name).
    static let equipmentCustody = EventType(rawValue: "equipment.custody")
}

/// Custody of equipment (EQ-2, TT 46/2014 Điều 8.4): an item is issued to a named, trained staff member of its
/// unit for a reason and until an expected return, with the head's approval for weapons and support tools; the
/// custodian hands it over and the holder confirms receipt with their own account (the receiving side); on return
/// the custodian, now the receiving side, records the condition. Every step locks the custody and item rows, and
/// writes its audit entry and event in the same transaction.
enum CustodyService {
    static let entity = "equipment_custody"

    /// Records a request; approved at once when the category needs no approval, else the unit's heads are told.
    @discardableResult
    static func request(
        _ input: CustodyInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> EquipmentCustody
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            var checker = FieldChecker(input.problems)
            var item: EquipmentItem?
            if let itemID = input.itemID {
                _ = try await EquipmentQueries.item(itemID, in: principal.scope, on: db)
                item = try await db.lockedRow(EquipmentItem.self, itemID)
            } else {
                checker.add("item", .required)
            }
            let reason = checker.text("reason", input.reason, max: CustodyLimits.reason)
            let expected = expectedReturn(input.expectedReturnAt, now: now, into: &checker)
            var holder: StaffMember?
            if let staffID = input.staffID {
                holder = try await CustodyQueries.staff(staffID, in: principal.scope, on: db)
                if let found = holder, let item, found.$unit.id != item.unitID || found.status == "left" {
                    checker.add(
                        "staff",
                        .invalid(
                            vi: "không phải cán bộ đang công tác tại đơn vị quản lý phương tiện",
                            en: "is not a serving staff member of the item's unit"
                        )
                    )
                } else if holder == nil {
                    checker.add("staff", .notFound)
                }
            } else {
                checker.add("staff", .required)
            }
            var quantity = 1
            if let item {
                let itemID = try item.requireID()
                let open = try await CustodyQueries.open(item: itemID, on: db)
                if let problem = availability(item, open: open) {
                    checker.add("item", problem)
                } else if try await CustodyQueries.openLoss(item: itemID, on: db) != nil {
                    checker.add(
                        "item",
                        .invalid(
                            vi: "đang có biên bản báo mất chưa xử lý xong",
                            en: "has an open loss report"
                        )
                    )
                }
                if item.kindValue.isCounted {
                    quantity = input.quantity ?? 1
                    let reserved = open.filter { $0.statusValue != .issued }.map(\.quantity).reduce(0, +)
                    if quantity <= 0 {
                        checker.add("quantity", .invalid(vi: "phải lớn hơn 0", en: "must be above 0"))
                    } else if quantity > item.quantity - reserved {
                        checker.add(
                            "quantity",
                            .invalid(
                                vi: "vượt số còn trong kho (\(max(0, item.quantity - reserved)) \(item.measure))",
                                en: "exceeds the stock in store (\(max(0, item.quantity - reserved)) \(item.measure))"
                            )
                        )
                    }
                } else if let given = input.quantity, given != 1 {
                    checker.add(
                        "quantity",
                        .invalid(
                            vi: "phương tiện có số hiệu cấp từng chiếc: 1",
                            en: "a numbered item is issued singly: 1"
                        )
                    )
                }
                if let holder, checker.message(for: "staff", .vi) == nil {
                    if let problem = try await certificateProblem(holder, item, now: now, on: db) {
                        checker.add("staff", problem)
                    }
                }
            }
            try checker.check()
            guard let item, let holder, let expected else { throw AppError.notFound }
            let custody = EquipmentCustody()
            custody.itemID = try item.requireID()
            custody.unitID = item.unitID
            custody.areaPath = item.areaPath
            custody.staffID = try holder.requireID()
            custody.holderName = holder.fullName
            custody.quantity = quantity
            custody.reason = reason
            custody.expectedReturnAt = expected
            custody.requestedBy = principal.id
            custody.requestedByName = principal.displayName
            custody.requestedAt = now
            let needsApproval = item.categoryValue.needsApproval
            custody.status = (needsApproval ? EquipmentCustody.Status.pending : .approved).rawValue
            try await custody.insert(on: db)
            try await record(custody, before: nil, by: principal, on: db, now: now)
            if needsApproval {
                var heads = try await CustodyQueries.headAccounts(of: item.unitID, on: db)
                heads.remove(principal.id)
                try await Notifications.send(
                    to: heads,
                    title: LocalizedText(
                        vi: "Đề nghị cấp \(item.displayName) cho \(holder.fullName) chờ thủ trưởng duyệt",
                        en: "An issue of \(item.displayName) to \(holder.fullName) awaits the head's approval"
                    ),
                    link: SiteURL.custody(.one(try custody.requireID())).path,
                    needsAcknowledgement: false,
                    entity: entity,
                    entityID: try custody.requireID(),
                    on: db,
                    now: now
                )
            }
            return custody
        }
    }

    /// The head approves a request awaiting approval; never their own.
    @discardableResult
    static func approve(_ id: UUID, by principal: Principal, on app: Application) async throws -> EquipmentCustody {
        try await decide(id, approve: true, reason: nil, by: principal, on: app)
    }

    /// The head refuses a request, saying why (`refusal_reason`).
    @discardableResult
    static func refuse(
        _ id: UUID,
        reason: String?,
        by principal: Principal,
        on app: Application
    ) async throws
        -> EquipmentCustody
    {
        try await decide(id, approve: false, reason: reason, by: principal, on: app)
    }

    private static func decide(
        _ id: UUID,
        approve: Bool,
        reason: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> EquipmentCustody {
        guard principal.can(.approveEquipmentIssue) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await CustodyQueries.custody(id, in: principal.scope, on: db)
            guard let custody = try await db.lockedRow(EquipmentCustody.self, id) else { throw AppError.notFound }
            var checker = FieldChecker()
            if custody.requestedBy == principal.id {
                checker.add(
                    "custody",
                    .invalid(
                        vi: "người đề nghị không được tự duyệt đề nghị của mình: cần thủ trưởng khác duyệt",
                        en: "the requester cannot decide their own request: another head must"
                    )
                )
            }
            if custody.statusValue != .pending { checker.add("custody", stateProblem(custody)) }
            let refusal = approve ? "" : checker.text("refusal_reason", reason, max: CustodyLimits.reason)
            try checker.check()
            let before = custody.auditSnapshot
            custody.status = (approve ? EquipmentCustody.Status.approved : .refused).rawValue
            custody.decidedBy = principal.id
            custody.decidedByName = principal.displayName
            custody.decidedAt = now
            custody.refusalReason = approve ? nil : refusal
            try await custody.persist(on: db)
            try await record(custody, before: before, by: principal, on: db, now: now)
            try await Notifications.send(
                to: [custody.requestedBy],
                title: approve
                    ? LocalizedText(
                        vi: "Đề nghị cấp cho \(custody.holderName) đã được \(principal.displayName) duyệt",
                        en: "The issue to \(custody.holderName) was approved by \(principal.displayName)"
                    )
                    : LocalizedText(
                        vi: "Đề nghị cấp cho \(custody.holderName) bị \(principal.displayName) từ chối: \(refusal)",
                        en: "The issue to \(custody.holderName) was refused by \(principal.displayName): \(refusal)"
                    ),
                link: SiteURL.custody(.one(id)).path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: id,
                on: db,
                now: now
            )
            return custody
        }
    }

    /// The custodian hands an approved issue over; the item must still be in store.
    @discardableResult
    static func hand(_ id: UUID, by principal: Principal, on app: Application) async throws -> EquipmentCustody {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await CustodyQueries.custody(id, in: principal.scope, on: db)
            guard let custody = try await db.lockedRow(EquipmentCustody.self, id),
                let item = try await db.lockedRow(EquipmentItem.self, custody.itemID)
            else { throw AppError.notFound }
            guard custody.statusValue == .approved else {
                throw AppError.invalidFields([FieldError(field: "custody", reason: stateProblem(custody))])
            }
            if item.statusValue != .inStore {
                throw AppError.invalidFields([FieldError(field: "item", reason: statusProblem(item))])
            }
            let before = custody.auditSnapshot
            custody.status = EquipmentCustody.Status.handed.rawValue
            custody.handedAt = now
            custody.handedByName = principal.displayName
            try await custody.persist(on: db)
            try await record(custody, before: before, by: principal, on: db, now: now)
            try await CustodyOverdue.schedule(custody, on: db)
            return custody
        }
    }

    /// The holder confirms receipt with their own account (the staff record linked to it): the item is out.
    @discardableResult
    static func receive(_ id: UUID, by principal: Principal, on app: Application) async throws -> EquipmentCustody {
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await CustodyQueries.custody(id, in: principal.scope, on: db)
            guard let custody = try await db.lockedRow(EquipmentCustody.self, id),
                let item = try await db.lockedRow(EquipmentItem.self, custody.itemID)
            else { throw AppError.notFound }
            let holder = try await StaffMember.find(custody.staffID, on: db)
            guard holder?.userID == principal.id else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "staff",
                        reason: .invalid(
                            vi: "chỉ người nhận (\(custody.holderName)) xác nhận đã nhận, bằng tài khoản của mình",
                            en: "only the holder (\(custody.holderName)) confirms receipt, with their own account"
                        )
                    )
                ])
            }
            guard custody.statusValue == .handed else {
                throw AppError.invalidFields([FieldError(field: "custody", reason: stateProblem(custody))])
            }
            let itemBefore = item.auditSnapshot
            if item.kindValue.isCounted {
                guard item.quantity >= custody.quantity, item.statusValue == .inStore else {
                    throw AppError.invalidFields([
                        FieldError(
                            field: "quantity",
                            reason: .invalid(
                                vi: "vượt số còn trong kho (\(item.quantity) \(item.measure))",
                                en: "exceeds the stock in store (\(item.quantity) \(item.measure))"
                            )
                        )
                    ])
                }
                item.quantity -= custody.quantity
            } else {
                guard item.statusValue == .inStore else {
                    throw AppError.invalidFields([FieldError(field: "item", reason: statusProblem(item))])
                }
                item.status = EquipmentStatus.issued.rawValue
                item.holderStaffID = custody.staffID
            }
            item.updatedAt = now
            try await item.persist(on: db)
            try await EquipmentRegistry.record(item, before: itemBefore, by: principal, on: db, now: now)
            let before = custody.auditSnapshot
            custody.status = EquipmentCustody.Status.issued.rawValue
            custody.receivedAt = now
            try await custody.persist(on: db)
            try await record(custody, before: before, by: principal, on: db, now: now)
            return custody
        }
    }

    /// The custodian takes an item back and records its condition: a damaged item goes under repair. Once only.
    @discardableResult
    static func takeBack(
        _ id: UUID,
        condition: String?,
        note: String?,
        by principal: Principal,
        on app: Application
    )
        async throws -> EquipmentCustody
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await CustodyQueries.custody(id, in: principal.scope, on: db)
            guard let custody = try await db.lockedRow(EquipmentCustody.self, id),
                let item = try await db.lockedRow(EquipmentItem.self, custody.itemID)
            else { throw AppError.notFound }
            var checker = FieldChecker()
            if custody.statusValue != .issued { checker.add("custody", stateProblem(custody)) }
            let condition = checker.choice("condition", condition, EquipmentCustody.Condition.self)
            let note = checker.text("note", note, max: CustodyLimits.note, optional: true, kind: .multiline)
            try checker.check()
            guard let condition else { throw AppError.notFound }
            let itemBefore = item.auditSnapshot
            if item.kindValue.isCounted {
                item.quantity += custody.quantity
            } else {
                item.status = (condition == .good ? EquipmentStatus.inStore : .underRepair).rawValue
                item.holderStaffID = nil
            }
            item.updatedAt = now
            try await item.persist(on: db)
            try await EquipmentRegistry.record(item, before: itemBefore, by: principal, on: db, now: now)
            let before = custody.auditSnapshot
            custody.status = EquipmentCustody.Status.returned.rawValue
            custody.returnedAt = now
            custody.returnCondition = condition.rawValue
            custody.returnNote = note
            custody.returnedToName = principal.displayName
            try await custody.persist(on: db)
            try await record(custody, before: before, by: principal, on: db, now: now)
            return custody
        }
    }

    static func record(
        _ custody: EquipmentCustody,
        before: [String: String]?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws {
        let id = try custody.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: before == nil ? .create : .update,
            entity: entity,
            entityID: id.uuidString,
            before: before,
            after: custody.auditSnapshot,
            now: now
        )
        try await Outbox.publish(
            .equipmentCustody,
            payload: CustodyEventDTO(
                custodyId: id,
                itemId: custody.itemID,
                unitId: custody.unitID,
                status: custody.status
            ),
            unit: custody.unitID,
            area: AreaPath(custody.areaPath),
            on: db,
            now: now
        )
    }
}
