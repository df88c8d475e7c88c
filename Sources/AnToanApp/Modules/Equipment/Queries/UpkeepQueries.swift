import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Reads of upkeep, always through the reader's scope: a unit's due and overdue list, its corrective actions, an
/// item's upkeep, the checks of a period (PC02) and the fire equipment book.
enum UpkeepQueries {
    static let perPage = 100

    /// Which due dates a list shows.
    enum Window: String, CaseIterable, Codable, Sendable {
        /// Due within the reminder's lead days, overdue included.
        case soon
        case overdue
        case all

        var nameVi: String {
            switch self {
            case .soon: "Đến hạn trong \(UpkeepRules.reminderLeadDays) ngày và quá hạn"
            case .overdue: "Quá hạn"
            case .all: "Tất cả"
            }
        }

        var nameEn: String {
            switch self {
            case .soon: "Due within \(UpkeepRules.reminderLeadDays) days, and overdue"
            case .overdue: "Overdue"
            case .all: "All"
            }
        }
    }

    struct DueRow: Sendable, Equatable {
        var itemID: UUID
        var itemName: String
        var kind: EquipmentKind
        var place: String
        var upkeep: UpkeepKind
        var due: SolarDate
        var last: SolarDate?

        func isOverdue(_ today: SolarDate) -> Bool { UpkeepRules.isOverdue(due: due, today: today) }
    }

    /// The unit a reader lists: their own, or (for an authority) the one asked for within its area; 404 otherwise.
    static func unit(_ asked: UUID?, for scope: Scope, on db: any Database) async throws -> OrgUnit {
        if case .unit(let own, _) = scope {
            if let asked, asked != own { throw AppError.notFound }
            return try await OrganisationQueries.unit(own, in: scope, on: db)
        }
        guard let asked else { throw AppError.notFound }
        let unit = try await OrganisationQueries.unit(asked, in: scope, on: db)
        guard unit.$parent.id == nil else { throw AppError.notFound }
        return unit
    }

    /// One page of a unit's due dates in `window`, soonest first.
    static func dues(
        of unitID: UUID,
        window: Window,
        upkeep: UpkeepKind?,
        today: SolarDate,
        page: Int,
        on db: any Database
    ) async throws -> (rows: [DueRow], hasMore: Bool) {
        var conditions: [SQLQueryString] = ["d.unit_id = \(bind: unitID)"]
        switch window {
        case .soon: conditions.append("d.due_day <= \(literal: today.julianDay + UpkeepRules.reminderLeadDays)")
        case .overdue: conditions.append("d.due_day < \(literal: today.julianDay)")
        case .all: break
        }
        if let upkeep { conditions.append("d.upkeep = \(bind: upkeep.rawValue)") }
        let rows = try await db.rows(
            """
            SELECT d.item_id, d.upkeep, d.due_day, d.last_day, i.kind, i.label, i.serial, i.place \
            FROM equipment_dues d JOIN equipment_items i ON i.id = d.item_id \
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY d.due_day, i.label, d.item_id \
            LIMIT \(literal: perPage + 1) OFFSET \(literal: (max(page, 1) - 1) * perPage)
            """
        ) { row -> DueRow in
            let itemID: UUID = try row.next()
            let upkeep: String = try row.next()
            let due: Int = try row.next()
            let last: Int? = try row.next()
            let kind = EquipmentKind(rawValue: try row.next(String.self)) ?? .otherDevice
            let label: String = try row.next()
            let serial: String? = try row.next()
            return DueRow(
                itemID: itemID,
                itemName: itemName(label: label, kind: kind, serial: serial),
                kind: kind,
                place: try row.next(),
                upkeep: UpkeepKind(rawValue: upkeep) ?? .check,
                due: SolarDate(julianDay: due),
                last: last.map { SolarDate(julianDay: $0) }
            )
        }
        return (Array(rows.prefix(perPage)), rows.count > perPage)
    }

    static func itemName(label: String, kind: EquipmentKind, serial: String?) -> String {
        if !label.isEmpty { return label }
        if let serial, !serial.isEmpty { return "\(kind.nameVi) số \(serial)" }
        return kind.nameVi
    }

    /// An item's due dates, by upkeep.
    static func dues(ofItem itemID: UUID, on db: any Database) async throws -> [EquipmentDue] {
        try await db.rows(
            """
            SELECT item_id, upkeep, unit_id, kind, due_day, last_day FROM equipment_dues \
            WHERE item_id = \(bind: itemID)
            """
        ) {
            EquipmentDue(
                itemID: try $0.next(),
                upkeep: UpkeepKind(rawValue: try $0.next(String.self)) ?? .check,
                unitID: try $0.next(),
                kind: EquipmentKind(rawValue: try $0.next(String.self)) ?? .otherDevice,
                dueDay: try $0.next(),
                lastDay: try $0.next()
            )
        }
        .sorted { UpkeepKind.allCases.firstIndex(of: $0.upkeep)! < UpkeepKind.allCases.firstIndex(of: $1.upkeep)! }
    }

    /// An item's latest checks.
    static func checks(ofItem itemID: UUID, limit: Int = 10, on db: any Database) async throws -> [EquipmentCheck] {
        try await EquipmentCheck.query(on: db).filter(\.$itemID == itemID).sort(\.$checkedAt, .descending)
            .limit(limit).all()
    }

    static func check(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentCheck {
        guard
            let check = try await EquipmentCheck.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
                .filter(\.$id == id).first()
        else { throw AppError.notFound }
        return check
    }

    static func photo(ofCheck id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentCheckPhoto {
        _ = try await check(id, in: scope, on: db)
        guard let photo = try await EquipmentCheckPhoto.query(on: db).filter(\.$checkID == id).first() else {
            throw AppError.notFound
        }
        return photo
    }

    static func action(_ id: UUID, in scope: Scope, on db: any Database) async throws -> CorrectiveAction {
        guard
            let action = try await CorrectiveAction.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
                .filter(\.$id == id).first()
        else { throw AppError.notFound }
        return action
    }

    /// A unit's open corrective actions, the nearest deadline first, then (with `done`) the latest done.
    static func actions(
        of unitID: UUID,
        status: CorrectiveAction.Status,
        item: UUID? = nil,
        limit: Int = 200,
        on db: any Database
    ) async throws -> [CorrectiveAction] {
        let query = CorrectiveAction.query(on: db).filter(\.$unitID == unitID).filter(\.$status == status.rawValue)
        if let item { query.filter(\.$itemID == item) }
        if status == .open {
            query.sort(\.$deadlineDay).sort(\.$createdAt)
        } else {
            query.sort(\.$doneAt, .descending)
        }
        return try await query.limit(limit).all()
    }

    /// The unit's staff by name, for the owner of a corrective action.
    static func staff(of unitID: UUID, on db: any Database) async throws -> [(id: UUID, name: String)] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).sort(\.$nameFolded).limit(500).all()
            .compactMap { member in member.id.map { ($0, member.fullName) } }
    }

    /// The names of the items of `ids`.
    static func itemNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let items = try await EquipmentItem.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(
            items.compactMap { item in item.id.map { ($0, item.displayName) } },
            uniquingKeysWith: { a, _ in a }
        )
    }

    /// A check of a period with its item, for the PC02 record.
    struct PeriodCheck: Sendable {
        var check: EquipmentCheck
        var item: EquipmentItem
    }

    /// The checks of a unit's fire equipment from `from` to `to`, in the order they were done.
    static func fireChecks(
        of unitID: UUID,
        from: SolarDate,
        to: SolarDate,
        on db: any Database
    ) async throws -> [PeriodCheck] {
        let checks = try await EquipmentCheck.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$doneDay >= from.julianDay).filter(\.$doneDay <= to.julianDay)
            .filter(\.$category == EquipmentCategory.fireEquipment.rawValue).sort(\.$checkedAt).all()
        let items = try await EquipmentItem.query(on: db).filter(\.$id ~~ Array(Set(checks.map(\.itemID)))).all()
        let byID = Dictionary(items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        return checks.compactMap { check in byID[check.itemID].map { PeriodCheck(check: check, item: $0) } }
    }

    /// The corrective actions opened by `checks`.
    static func actions(ofChecks checks: [UUID], on db: any Database) async throws -> [CorrectiveAction] {
        guard !checks.isEmpty else { return [] }
        return try await CorrectiveAction.query(on: db).filter(\.$checkID ~~ checks).sort(\.$createdAt).all()
    }

    /// A line of the sổ theo dõi phương tiện PCCC.
    struct BookLine: Sendable {
        var item: EquipmentItem
        var lastCheck: SolarDate?
        var lastMaintenance: SolarDate?
        /// The nearest due date of any upkeep, and which.
        var next: (UpkeepKind, SolarDate)?
    }

    /// The unit's fire equipment in service, by kind and name, with its last check and maintenance and next due.
    static func fireBook(of unitID: UUID, on db: any Database) async throws -> [BookLine] {
        let items = try await EquipmentItem.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$category == EquipmentCategory.fireEquipment.rawValue)
            .filter(\.$status != EquipmentStatus.disposed.rawValue).sort(\.$kind).sort(\.$label).all()
        let dues = try await db.rows(
            """
            SELECT item_id, upkeep, due_day, last_day FROM equipment_dues WHERE unit_id = \(bind: unitID) \
            AND category = \(bind: EquipmentCategory.fireEquipment.rawValue)
            """
        ) { row -> (UUID, String, Int, Int?) in
            (try row.next(), try row.next(), try row.next(), try row.next())
        }
        var lines: [UUID: BookLine] = [:]
        for item in items {
            guard let id = item.id else { continue }
            lines[id] = BookLine(item: item)
        }
        for (itemID, upkeep, due, last) in dues {
            guard var line = lines[itemID], let upkeep = UpkeepKind(rawValue: upkeep) else { continue }
            let lastDay = last.map { SolarDate(julianDay: $0) }
            if upkeep == .check { line.lastCheck = lastDay }
            if upkeep == .maintenance { line.lastMaintenance = lastDay }
            let day = SolarDate(julianDay: due)
            if line.next == nil || day < line.next!.1 { line.next = (upkeep, day) }
            lines[itemID] = line
        }
        return items.compactMap { $0.id.flatMap { lines[$0] } }
    }
}
