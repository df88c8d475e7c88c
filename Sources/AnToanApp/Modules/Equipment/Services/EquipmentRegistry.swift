import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// An item of a unit's equipment was registered or changed (no holder's name in the event).
    static let equipmentItem = EventType(rawValue: "equipment.item")
}

/// The registry's writes: an item registered or changed, its status set, a permit added or removed. Each runs in
/// one transaction that reads what it checks, writes its audit entry and its event.
enum EquipmentRegistry {
    static let entity = "equipment_item"
    static let permitEntity = "equipment_permit"

    @discardableResult
    static func create(
        _ input: EquipmentInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> EquipmentItem
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let unit = try await GateService.topUnit(input.unitID, in: principal.scope, on: db)
            let item = EquipmentItem()
            item.unitID = try unit.requireID()
            item.areaPath = unit.areaPath
            item.status = EquipmentStatus.inStore.rawValue
            item.createdAt = now
            try await apply(input, to: item, on: db)
            item.updatedAt = now
            try await item.insert(on: db)
            try await record(item, before: nil, by: principal, on: db, now: now)
            try await UpkeepSchedules.follow(item: item, today: VietnamTime.day(of: now), on: db)
            return item
        }
    }

    @discardableResult
    static func update(
        _ id: UUID,
        _ input: EquipmentInput,
        by principal: Principal,
        on app: Application
    )
        async throws -> EquipmentItem
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await EquipmentQueries.item(id, in: principal.scope, on: db)
            guard let item = try await db.lockedRow(EquipmentItem.self, id) else { throw AppError.notFound }
            let before = item.auditSnapshot
            var input = input
            input.unitID = item.unitID
            try await apply(input, to: item, on: db)
            item.updatedAt = now
            try await item.persist(on: db)
            try await record(item, before: before, by: principal, on: db, now: now)
            try await UpkeepSchedules.follow(item: item, today: VietnamTime.day(of: now), on: db)
            return item
        }
    }

    /// Sets an item's status by hand: sent for repair, back in store, disposed. An item out with someone changes
    /// only through its return, and a loss is declared through the loss report, so both are refused here.
    @discardableResult
    static func setStatus(
        _ id: UUID,
        to status: String?,
        by principal: Principal,
        on app: Application
    )
        async throws -> EquipmentItem
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await EquipmentQueries.item(id, in: principal.scope, on: db)
            guard let item = try await db.lockedRow(EquipmentItem.self, id) else { throw AppError.notFound }
            var checker = FieldChecker()
            let target = checker.choice("status", status, EquipmentStatus.self)
            if let target {
                if item.statusValue == .issued {
                    checker.add(
                        "status",
                        .invalid(
                            vi: "đang cấp phát cho người giữ: trạng thái đổi khi nhận lại",
                            en: "the item is out with its holder: its status changes when it is returned"
                        )
                    )
                } else if target == .issued || target == .lost {
                    checker.add(
                        "status",
                        .invalid(
                            vi: "cấp phát và báo mất được ghi qua sổ cấp phát và biên bản mất",
                            en: "issue and loss are recorded through custody and the loss report"
                        )
                    )
                } else if item.statusValue == .disposed {
                    checker.add(
                        "status",
                        .invalid(vi: "đã thanh lý, không đổi được nữa", en: "the item was disposed of")
                    )
                }
            }
            try checker.check()
            guard let target, target != item.statusValue else { return item }
            let before = item.auditSnapshot
            item.status = target.rawValue
            item.updatedAt = now
            try await item.persist(on: db)
            try await record(item, before: before, by: principal, on: db, now: now)
            try await UpkeepSchedules.follow(item: item, today: VietnamTime.day(of: now), on: db)
            return item
        }
    }

    @discardableResult
    static func addPermit(
        _ itemID: UUID,
        _ input: PermitInput,
        by principal: Principal,
        on app: Application
    )
        async throws -> EquipmentPermit
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let item = try await EquipmentQueries.item(itemID, in: principal.scope, on: db)
            let permit = EquipmentPermit()
            permit.itemID = itemID
            permit.unitID = item.unitID
            permit.areaPath = item.areaPath
            permit.createdAt = now
            try check(input, into: permit)
            try await permit.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: permitEntity,
                entityID: try permit.requireID().uuidString,
                before: nil,
                after: permit.auditSnapshot,
                now: now
            )
            try await UpkeepSchedules.follow(item: item, today: VietnamTime.day(of: now), on: db)
            return permit
        }
    }

    static func removePermit(_ permitID: UUID, by principal: Principal, on app: Application) async throws {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let permit = try await EquipmentQueries.permit(permitID, in: principal.scope, on: db)
            let item = try await EquipmentQueries.item(permit.itemID, in: principal.scope, on: db)
            try await permit.delete(on: db).get()
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .delete,
                entity: permitEntity,
                entityID: permitID.uuidString,
                before: permit.auditSnapshot,
                after: nil,
                now: now
            )
            try await UpkeepSchedules.follow(item: item, today: VietnamTime.day(of: now), on: db)
        }
    }

    /// Checks a permit's fields: a known kind, a number, the issuing office, a start, and an end not before it.
    static func check(_ input: PermitInput, into permit: EquipmentPermit) throws {
        var checker = FieldChecker()
        let kind = checker.choice("kind", input.kind, PermitKind.self)
        let number = checker.text("number", input.number, max: EquipmentLimits.permitNumber)
        let issuer = checker.name("issuer", input.issuer, max: EquipmentLimits.issuer)
        let issued = checker.date("issued_on", input.issuedOn, optional: false)
        let until = checker.date("valid_until", input.validUntil)
        if let issued, let until, until < issued {
            checker.add(
                "valid_until",
                .invalid(
                    vi: "ngày hết hạn không được trước ngày cấp (\(SolarDate(iso: issued)?.dmy ?? issued))",
                    en: "the end cannot precede the start (\(SolarDate(iso: issued)?.dmy ?? issued))"
                )
            )
        }
        try checker.check()
        permit.kind = (kind ?? .use).rawValue
        permit.number = number
        permit.issuer = issuer
        permit.issuedOn = issued ?? ""
        permit.validUntil = until
    }

    /// Checks every field of `input` (all problems at once) and writes them into `item`.
    private static func apply(_ input: EquipmentInput, to item: EquipmentItem, on db: any Database) async throws {
        var checker = FieldChecker(input.problems)
        let kind = checker.choice("kind", input.kind, EquipmentKind.self)
        let label = checker.name("label", input.label, max: EquipmentLimits.label, optional: true)
        let brand = checker.text("brand_model", input.brandModel, max: EquipmentLimits.brandModel, optional: true)
        let serial = checker.text("serial", input.serial, max: EquipmentLimits.serial, optional: true)
        let capacity = checker.text("capacity", input.capacity, max: EquipmentLimits.capacity, optional: true)
        let owner =
            checker.choice("owner", input.owner ?? EquipmentOwner.guardForce.rawValue, EquipmentOwner.self)
            ?? .guardForce
        let place = checker.text("place", input.place, max: EquipmentLimits.place, optional: true)
        let measure = checker.text("measure", input.measure, max: EquipmentLimits.measure, optional: true)
        let commissioned = checker.date("commissioned_on", input.commissionedOn)
        let notes = checker.text("notes", input.notes, max: EquipmentLimits.notes, optional: true, kind: .multiline)
        let counted = kind?.isCounted ?? false
        let quantity = count("quantity", input.quantity, counted: counted, into: &checker)
        let minimum = count("min_stock", input.minStock, counted: counted, into: &checker)
        if let siteID = input.siteID {
            let site = try await Site.query(on: db).filter(\.$id == siteID).first()
            if site?.$unit.id != item.unitID { checker.add("site_id", .notFound) }
        }
        var post: String?
        if let wanted = input.post?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty {
            let posts = try await RosterQueries.posts(of: item.unitID, on: db)
            if posts.contains(where: { $0.id == wanted }) {
                post = wanted
            } else {
                checker.add(
                    "post",
                    .invalid(vi: "không phải chốt trực của đơn vị", en: "is not one of the unit's duty posts")
                )
            }
        }
        if counted, !serial.isEmpty {
            checker.add(
                "serial",
                .invalid(vi: "loại tính theo số lượng không có số hiệu", en: "a counted stock has no serial")
            )
        }
        if let kind, !serial.isEmpty, checker.message(for: "serial", .vi) == nil {
            try await db.lockKey("equipment-serial:\(item.unitID.uuidString):\(kind.rawValue):\(serial)")
            let taken = try await EquipmentItem.query(on: db).filter(\.$unitID == item.unitID)
                .filter(\.$kind == kind.rawValue).filter(\.$serial == serial).first()
            if let taken, taken.id != item.id {
                checker.add(
                    "serial",
                    .invalid(
                        vi: "số hiệu đã có trong sổ (\(taken.displayName))",
                        en: "is already registered (\(taken.displayName))"
                    )
                )
            }
        }
        try checker.check()
        guard let kind else { return }
        item.kind = kind.rawValue
        item.category = kind.category.rawValue
        item.label = label
        item.brandModel = brand
        item.serial = serial.isEmpty ? nil : serial
        item.capacity = capacity
        item.owner = owner.rawValue
        item.siteID = input.siteID
        item.place = place
        item.post = post
        item.quantity = counted ? quantity ?? 0 : 1
        item.minStock = counted ? minimum ?? 0 : 0
        item.measure = measure.isEmpty ? (counted ? "viên" : "chiếc") : measure
        item.commissionedOn = commissioned
        item.notes = notes
        item.searchFolded = Folding.fold([label, kind.nameVi, serial, brand, place].joined(separator: " "))
    }

    /// A count of a counted stock: not negative, not absurd. A numbered item has no count to give.
    private static func count(
        _ field: String,
        _ value: Int?,
        counted: Bool,
        into checker: inout FieldChecker
    )
        -> Int?
    {
        guard let value else { return nil }
        if value < 0 {
            checker.add(field, .invalid(vi: "không được là số âm", en: "cannot be negative"))
        } else if value > EquipmentLimits.quantity {
            checker.add(
                field,
                .invalid(
                    vi: "không quá \(EquipmentLimits.quantity)",
                    en: "cannot exceed \(EquipmentLimits.quantity)"
                )
            )
        }
        return value
    }

    static func record(
        _ item: EquipmentItem,
        before: [String: String]?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws {
        let id = try item.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: before == nil ? .create : .update,
            entity: entity,
            entityID: id.uuidString,
            before: before,
            after: item.auditSnapshot,
            now: now
        )
        try await Outbox.publish(
            .equipmentItem,
            payload: EquipmentEventDTO(itemId: id, unitId: item.unitID, status: item.status),
            unit: item.unitID,
            area: AreaPath(item.areaPath),
            on: db,
            now: now
        )
    }
}
