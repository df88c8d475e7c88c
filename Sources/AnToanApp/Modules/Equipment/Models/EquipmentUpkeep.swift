import AnToanCore
import Fluent
import Foundation

/// A unit's own interval for one upkeep of one kind, within the legal floor (`UpkeepRules.check`); without one the
/// kind's default applies. `@unchecked Sendable`: Fluent model.
final class EquipmentSchedule: Model, @unchecked Sendable {
    static let schema = "equipment_schedules"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    /// An `EquipmentKind` raw value.
    @Field(key: "kind") var kind: String
    /// An `UpkeepKind` raw value.
    @Field(key: "upkeep") var upkeep: String
    @Field(key: "interval_days") var intervalDays: Int
    @Field(key: "updated_by_name") var updatedByName: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// When an item's upkeep is next due: a row of `equipment_dues` (keyed by item and upkeep, no id of its own), kept
/// by the writes that move it and recomputed by the nightly job, so that the due lists are indexed reads. Days are
/// Julian day numbers (`SolarDate.julianDay`), so that date arithmetic is portable SQL.
struct EquipmentDue: Sendable, Equatable {
    var itemID: UUID
    var upkeep: UpkeepKind
    var unitID: UUID
    var kind: EquipmentKind
    var dueDay: Int
    var lastDay: Int?

    var dueOn: SolarDate { SolarDate(julianDay: dueDay) }
    var lastOn: SolarDate? { lastDay.map { SolarDate(julianDay: $0) } }
}

/// A check done on an item, from a phone: the checklist's points passed or failed, a note, a photo, and the upkeep
/// it counts for. `@unchecked Sendable`: Fluent model.
final class EquipmentCheck: Model, @unchecked Sendable {
    static let schema = "equipment_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "category") var category: String
    @Field(key: "upkeep") var upkeep: String
    /// The Julian day it was done on, in Vietnam.
    @Field(key: "done_day") var doneDay: Int
    @Field(key: "checked_at") var checkedAt: Date
    @Field(key: "checker_id") var checkerID: UUID
    @Field(key: "checker_name") var checkerName: String
    /// The failed points' keys, comma-separated; empty when every point passed.
    @Field(key: "failed_points") var failedPoints: String
    @Field(key: "passed") var passed: Bool
    @Field(key: "note") var note: String
    @Field(key: "has_photo") var hasPhoto: Bool

    init() {}
}

extension EquipmentCheck {
    var upkeepValue: UpkeepKind { UpkeepKind(rawValue: upkeep) ?? .check }
    var doneOn: SolarDate { SolarDate(julianDay: doneDay) }
    var failedKeys: [String] { failedPoints.split(separator: ",").map(String.init) }

    var auditSnapshot: [String: String] {
        [
            "item_id": itemID.uuidString, "upkeep": upkeep, "done_on": doneOn.iso, "failed_points": failedPoints,
            "passed": passed ? "true" : "false", "note": note, "photo": hasPhoto ? "true" : "false",
        ]
    }
}

/// The photo of a check, apart so that lists of checks never read its bytes. `@unchecked Sendable`: Fluent model.
final class EquipmentCheckPhoto: Model, @unchecked Sendable {
    static let schema = "equipment_check_photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "check_id") var checkID: UUID
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "bytes") var bytes: Data

    init() {}
}

/// What a failed check asks to be put right, by whom and by when, tracked to done. `@unchecked Sendable`: Fluent
/// model.
final class CorrectiveAction: Model, @unchecked Sendable {
    static let schema = "equipment_actions"

    enum Status: String, CaseIterable, Codable, Sendable {
        case open
        case done

        var nameVi: String { self == .open ? "Chưa khắc phục" : "Đã khắc phục" }
        var nameEn: String { self == .open ? "Open" : "Done" }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "check_id") var checkID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "text") var text: String
    @OptionalField(key: "owner_staff_id") var ownerStaffID: UUID?
    @Field(key: "owner_name") var ownerName: String
    /// The account of the owner, if they have one, so that they may mark it done.
    @OptionalField(key: "owner_account_id") var ownerAccountID: UUID?
    @Field(key: "deadline_day") var deadlineDay: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_note") var doneNote: String?
    @OptionalField(key: "done_by_name") var doneByName: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension CorrectiveAction {
    var statusValue: Status { Status(rawValue: status) ?? .open }
    var deadline: SolarDate { SolarDate(julianDay: deadlineDay) }

    func isOverdue(today: SolarDate) -> Bool { statusValue == .open && deadline < today }

    var auditSnapshot: [String: String] {
        [
            "check_id": checkID.uuidString, "item_id": itemID.uuidString, "text": text,
            "owner_staff_id": ownerStaffID?.uuidString ?? "", "owner_name": ownerName, "deadline": deadline.iso,
            "status": status, "done_note": doneNote ?? "",
        ]
    }
}
