import AnToanCore
import Foundation
import Vapor

/// An item's upkeep falling due, as the API gives it; days as yyyy-MM-dd.
struct UpkeepDueDTO: Content {
    var itemId: UUID
    var itemName: String
    var kind: String
    var kindText: String
    var place: String
    var upkeep: String
    var upkeepText: String
    var dueOn: String
    var lastDoneOn: String?
    var overdue: Bool

    init(_ row: UpkeepQueries.DueRow, today: SolarDate, lang: Language) {
        itemId = row.itemID
        itemName = row.itemName
        kind = row.kind.rawValue
        kindText = lang(row.kind.nameVi, row.kind.nameEn)
        place = row.place
        upkeep = row.upkeep.rawValue
        upkeepText = lang(row.upkeep.nameVi, row.upkeep.nameEn)
        dueOn = row.due.iso
        lastDoneOn = row.last?.iso
        overdue = row.isOverdue(today)
    }
}

struct UpkeepDueListDTO: Content {
    var unitId: UUID
    var unitName: String
    var window: String
    var page: Int
    var hasMore: Bool
    var count: Int
    var dues: [UpkeepDueDTO]
}

/// One interval of a unit: the default, the legal maximum (if any), the unit's own (if set) and the one in force.
struct UpkeepScheduleDTO: Content {
    var kind: String
    var kindText: String
    var upkeep: String
    var upkeepText: String
    var defaultDays: Int
    var legalMaximumDays: Int?
    var unitDays: Int?
    var days: Int
}

struct UpkeepScheduleListDTO: Content {
    var schedules: [UpkeepScheduleDTO]
}

struct UpkeepScheduleRequest: APIInput {
    static let fields: Set<String> = ["kind", "upkeep", "interval_days"]
    var kind: String?
    var upkeep: String?
    var intervalDays: Int?

    func problems() -> [FieldError] { [] }
}

struct CorrectiveActionDTO: Content {
    var id: UUID
    var itemId: UUID
    var checkId: UUID
    var text: String
    var owner: String
    var ownerStaffId: UUID?
    var deadline: String
    var status: String
    var statusText: String
    var overdue: Bool
    var doneAt: Date?
    var doneNote: String?
    var doneBy: String?

    init(_ action: CorrectiveAction, today: SolarDate, lang: Language) {
        id = action.id ?? .placeholder
        itemId = action.itemID
        checkId = action.checkID
        text = action.text
        owner = action.ownerName
        ownerStaffId = action.ownerStaffID
        deadline = action.deadline.iso
        status = action.status
        statusText = lang(action.statusValue.nameVi, action.statusValue.nameEn)
        overdue = action.isOverdue(today: today)
        doneAt = action.doneAt
        doneNote = action.doneNote
        doneBy = action.doneByName
    }
}

struct CorrectiveActionListDTO: Content {
    var count: Int
    var actions: [CorrectiveActionDTO]
}

struct ActionDoneRequest: APIInput {
    static let fields: Set<String> = ["done_note"]
    var doneNote: String?

    func problems() -> [FieldError] { [] }
}

struct EquipmentCheckRequest: APIInput {
    static let fields: Set<String> = ["upkeep", "failed", "note", "owner_staff_id", "deadline"]
    var upkeep: String?
    var failed: [String]?
    var note: String?
    var ownerStaffId: String?
    var deadline: String?

    func problems() -> [FieldError] { [] }

    var input: CheckInput {
        CheckInput(upkeep: upkeep, failed: failed ?? [], note: note, ownerStaffID: ownerStaffId, deadline: deadline)
    }
}

struct EquipmentCheckDTO: Content {
    var id: UUID
    var itemId: UUID
    var upkeep: String
    var upkeepText: String
    var doneOn: String
    var passed: Bool
    var failed: [String]
    var note: String
    var checkedBy: String
    var checkedAt: Date
    var hasPhoto: Bool
    var correctiveAction: CorrectiveActionDTO?

    init(_ check: EquipmentCheck, action: CorrectiveAction?, today: SolarDate, lang: Language) {
        id = check.id ?? .placeholder
        itemId = check.itemID
        upkeep = check.upkeep
        upkeepText = lang(check.upkeepValue.nameVi, check.upkeepValue.nameEn)
        doneOn = check.doneOn.iso
        passed = check.passed
        failed = check.failedKeys
        note = check.note
        checkedBy = check.checkerName
        checkedAt = check.checkedAt
        hasPhoto = check.hasPhoto
        correctiveAction = action.map { CorrectiveActionDTO($0, today: today, lang: lang) }
    }
}

/// An item's upkeep: its due dates, latest checks and open corrective actions.
struct ItemUpkeepDTO: Content {
    struct Due: Content {
        var upkeep: String
        var upkeepText: String
        var dueOn: String
        var lastDoneOn: String?
        var overdue: Bool
    }

    var itemId: UUID
    var dues: [Due]
    var checks: [EquipmentCheckDTO]
    var actions: [CorrectiveActionDTO]
}

struct UpkeepOversightUnitDTO: Content {
    var unitId: UUID
    var unitName: String
    var overdueChecks: Int
    var overdueMaintenance: Int
    var expiredPermits: Int
    var overdueActions: Int
    var openActions: Int
    var lost: Int
    var countedOn: String?
}

struct UpkeepOversightDTO: Content {
    /// A unit with items out past their expected return.
    struct OutTooLong: Content {
        var unitId: UUID
        var unitName: String
        var items: Int
    }

    var page: Int
    var hasMore: Bool
    var unitsWithProblems: Int
    var units: [UpkeepOversightUnitDTO]
    var outTooLong: [OutTooLong]
}
