import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// An item's upkeep moved: a check recorded, a corrective action done, a unit's interval changed.
    static let equipmentUpkeep = EventType(rawValue: "equipment.upkeep")
}

/// What a check posts: the upkeep it counts for, the checklist's failed points (the others passed), a note, a
/// photo, and for a failed check who puts it right and by when.
struct CheckInput: Sendable {
    var upkeep: String?
    var failed: [String] = []
    var note: String?
    var ownerStaffID: String?
    var deadline: String?
    var photos: [PhotoUpload] = []
    /// Problems found while reading the input (a photo that is not one).
    var problems: [FieldError] = []
}

enum CheckLimits {
    static let note = 1_000
}

/// Checks done on a phone (EQ-3): an item of the checker's unit (another unit's is 404), each point passed or
/// failed; any failure makes the check failed and opens a corrective action. The check moves the item's due date,
/// all in one transaction with the audit entries, the event and the owner's notification.
enum EquipmentChecks {
    static let entity = "equipment_check"

    @discardableResult
    static func record(
        _ itemID: UUID,
        _ input: CheckInput,
        by principal: Principal,
        on app: Application
    ) async throws -> (EquipmentCheck, CorrectiveAction?) {
        guard principal.can(.checkEquipment) || principal.can(.manageEquipment) else { throw AppError.forbidden }
        guard case .unit = principal.scope else { throw AppError.notFound }
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        return try await app.write { db in
            _ = try await EquipmentQueries.item(itemID, in: principal.scope, on: db)
            guard let item = try await db.lockedRow(EquipmentItem.self, itemID) else { throw AppError.notFound }
            var checker = FieldChecker(input.problems)
            let kind = item.kindValue
            let upkeep =
                checker.choice("upkeep", (input.upkeep ?? "").isEmpty ? "check" : input.upkeep, UpkeepKind.self)
            if let upkeep, !upkeep.isRecorded || !UpkeepRules.upkeeps(for: kind).contains(upkeep) {
                checker.add(
                    "upkeep",
                    .invalid(
                        vi: "\(kind.nameVi) không có lịch \(upkeep.nameVi.lowercased())",
                        en: "a \(kind.nameEn.lowercased()) has no \(upkeep.nameEn.lowercased()) schedule"
                    )
                )
            }
            if item.statusValue == .lost || item.statusValue == .disposed {
                checker.add(
                    "item",
                    .invalid(
                        vi: "\(item.statusValue.nameVi.lowercased()): không kiểm tra được",
                        en: "\(item.statusValue.nameEn.lowercased()): it cannot be checked"
                    )
                )
            }
            let points = UpkeepRules.checklist(for: kind)
            let keys = Set(points.map(\.key))
            let unknown = input.failed.filter { !keys.contains($0) }
            if !unknown.isEmpty {
                let accepted = points.map(\.key).joined(separator: ", ")
                checker.add("failed", .invalid(vi: "chỉ nhận: \(accepted)", en: "must be among: \(accepted)"))
            }
            let failed = points.filter { input.failed.contains($0.key) }
            let note = checker.text("note", input.note, max: CheckLimits.note, optional: true, kind: .multiline)
            if input.photos.count > 1 {
                checker.add("photo", .invalid(vi: "một ảnh mỗi lần kiểm tra", en: "one photo a check"))
            }
            var owner: CorrectiveActions.Owner?
            var deadline = today.adding(days: UpkeepRules.actionDeadlineDays)
            if !failed.isEmpty {
                owner = try await CorrectiveActions.owner(
                    input.ownerStaffID,
                    unitID: item.unitID,
                    checker: principal,
                    into: &checker,
                    on: db
                )
                if let text = checker.date("deadline", input.deadline), let day = SolarDate(iso: text) {
                    if day < today {
                        checker.add(
                            "deadline",
                            .invalid(vi: "không được trước hôm nay", en: "cannot be before today")
                        )
                    }
                    deadline = day
                }
            }
            try checker.check()
            let check = EquipmentCheck()
            check.itemID = itemID
            check.unitID = item.unitID
            check.areaPath = item.areaPath
            check.category = item.category
            check.upkeep = (upkeep ?? .check).rawValue
            check.doneDay = today.julianDay
            check.checkedAt = now
            check.checkerID = principal.id
            check.checkerName = principal.displayName
            check.failedPoints = failed.map(\.key).joined(separator: ",")
            check.passed = failed.isEmpty
            check.note = note
            check.hasPhoto = !input.photos.isEmpty
            try await check.insert(on: db)
            let checkID = try check.requireID()
            if let upload = input.photos.first {
                let photo = EquipmentCheckPhoto()
                photo.checkID = checkID
                photo.contentType = upload.format.contentType
                photo.byteCount = upload.bytes.count
                photo.bytes = upload.bytes
                try await photo.insert(on: db)
            }
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: checkID.uuidString,
                before: nil,
                after: check.auditSnapshot,
                now: now
            )
            var action: CorrectiveAction?
            if let owner {
                let text = failed.map { $0.nameVi + ": không đạt" }.joined(separator: "; ")
                action = try await CorrectiveActions.open(
                    for: check,
                    item: item,
                    text: "\(item.displayName) — \(text)" + (note.isEmpty ? "" : ". Ghi chú: \(note)"),
                    owner: owner,
                    deadline: deadline,
                    by: principal,
                    on: db,
                    now: now
                )
            }
            try await UpkeepSchedules.recompute(.item(itemID), on: db)
            try await EquipmentOversight.refresh(unit: item.unitID, today: today, on: db)
            try await publish(unit: item.unitID, area: item.areaPath, item: itemID, on: db, now: now)
            return (check, action)
        }
    }

    static func publish(unit: UUID, area: String, item: UUID, on db: any Database, now: Date) async throws {
        try await Outbox.publish(
            .equipmentUpkeep,
            payload: UpkeepEventDTO(itemId: item, unitId: unit),
            unit: unit,
            area: AreaPath(area),
            on: db,
            now: now
        )
    }
}

/// The event of an item's upkeep moving: which item of which unit (open pages reload).
struct UpkeepEventDTO: Content {
    var itemId: UUID
    var unitId: UUID
}
