import AnToanCore
import Fluent
import Foundation
import Vapor

/// The count of a duty post's items (those whose `post` is the post's id, in store) at a handover: the outgoing
/// officer counts when handing over, the incoming one when taking over. An item missing against the registry, and
/// not already under an open loss report, raises a `lostEquipment` incident on the spot and opens a loss report,
/// in the handover's own transaction. The item keeps its status: only the head declares it lost.
enum HandoverCount {
    static let entity = "equipment_count"

    enum Side: String, Sendable {
        case outgoing
        case incoming
    }

    /// The items counted at a post's handover, by name.
    static func items(unit: UUID, post: String, on db: any Database) async throws -> [EquipmentItem] {
        try await EquipmentItem.query(on: db).filter(\.$unitID == unit).filter(\.$post == post)
            .filter(\.$status == EquipmentStatus.inStore.rawValue).sort(\.$label).sort(\.$kind).all()
    }

    /// Checks `lines` against the post's items (every item once; a quantity not negative) and records the count,
    /// inside the handover's write transaction `db`. `lines` nil with items at the post is a 422 naming `counts`.
    @discardableResult
    static func record(
        _ lines: [EquipmentCount.Line]?,
        side: Side,
        handover: DutyHandover,
        staffID: UUID,
        postName: String,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> EquipmentCount? {
        let items = try await items(unit: handover.unitID, post: handover.post, on: db)
        guard !items.isEmpty || !(lines ?? []).isEmpty else { return nil }
        var checker = FieldChecker()
        let byID = Dictionary(items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        let given = lines ?? []
        var seen: Set<UUID> = []
        for (index, line) in given.enumerated() {
            if byID[line.itemID] == nil || !seen.insert(line.itemID).inserted {
                checker.add(
                    "counts.\(index).item_id",
                    .invalid(vi: "không phải phương tiện của chốt trực", en: "is not an item of the post")
                )
            }
            if let quantity = line.quantity, quantity < 0 {
                checker.add("counts.\(index).quantity", .invalid(vi: "không được là số âm", en: "cannot be negative"))
            }
        }
        let uncounted = items.filter { !seen.contains($0.id ?? UUID()) }
        if !uncounted.isEmpty {
            let names = uncounted.map(\.displayName).joined(separator: ", ")
            checker.add(
                "counts",
                .invalid(
                    vi: "cần kiểm đếm mọi phương tiện của chốt, còn thiếu: \(names)",
                    en: "every item of the post must be counted; not counted: \(names)"
                )
            )
        }
        try checker.check()
        var missing: [(EquipmentItem, Int)] = []
        for line in given {
            guard let item = byID[line.itemID] else { continue }
            let short =
                item.kindValue.isCounted
                ? max(0, item.quantity - (line.present ? line.quantity ?? item.quantity : 0))
                : (line.present ? 0 : 1)
            if short > 0 { missing.append((item, short)) }
        }
        let count = EquipmentCount()
        count.handoverID = try handover.requireID()
        count.unitID = handover.unitID
        count.side = side.rawValue
        count.staffID = staffID
        count.countedAt = now
        count.lines = String(decoding: try JSONEncoder().encode(given), as: UTF8.self)
        count.missing = missing.count
        try await count.insert(on: db)
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: try count.requireID().uuidString,
            before: nil,
            after: [
                "handover_id": count.handoverID.uuidString, "side": count.side, "items": String(given.count),
                "missing": missing.map { "\($0.0.displayName) × \($0.1)" }.joined(separator: "; "),
            ],
            now: now
        )
        var fresh: [(EquipmentItem, Int)] = []
        for (item, short) in missing where try await CustodyQueries.openLoss(item: try item.requireID(), on: db) == nil
        {
            fresh.append((item, short))
        }
        guard !fresh.isEmpty else { return count }
        let list = fresh.map { item, short in
            item.kindValue.isCounted ? "\(item.displayName): thiếu \(short) \(item.measure)" : item.displayName
        }
        let incident = try await IncidentService.report(
            IncidentInput(
                unitID: handover.unitID,
                kind: IncidentKind.lostEquipment.rawValue,
                severity: IncidentSeverity.high.rawValue,
                place: postName,
                description: "Kiểm đếm khi \(side == .outgoing ? "giao" : "nhận") ca tại \(postName) thiếu: "
                    + list.joined(separator: "; ")
                    + ". Cần báo ngay thủ trưởng và báo cáo bằng văn bản cơ quan Công an đã cấp giấy phép "
                    + "(TT 46/2014 Điều 8.4)."
            ),
            by: principal,
            on: db,
            now: now
        )
        for (item, short) in fresh {
            try await LossReports.open(
                item: item,
                missing: short,
                incidentID: try incident.requireID(),
                handoverID: count.handoverID,
                by: principal,
                on: db,
                now: now
            )
        }
        return count
    }

    /// The counts of a handover, outgoing first.
    static func counts(of handoverID: UUID, on db: any Database) async throws -> [EquipmentCount] {
        try await EquipmentCount.query(on: db).filter(\.$handoverID == handoverID).sort(\.$countedAt).all()
    }

    /// What the outgoing count of a handover found: how many items were counted and the names of those missing
    /// ("Đạn … (thiếu 2 viên)" for a short stock); nil when the handover had no count.
    static func outgoing(of handoverID: UUID, on db: any Database) async throws -> (total: Int, missing: [String])? {
        guard
            let count = try await EquipmentCount.query(on: db).filter(\.$handoverID == handoverID)
                .filter(\.$side == Side.outgoing.rawValue).first()
        else { return nil }
        let lines = count.lineValues
        let items = try await CustodyQueries.items(lines.map(\.itemID), on: db)
        let missing: [String] = lines.compactMap { line in
            guard let item = items[line.itemID] else { return nil }
            if item.kindValue.isCounted {
                let counted = line.present ? line.quantity ?? item.quantity : 0
                return counted < item.quantity
                    ? "\(item.displayName) (thiếu \(item.quantity - counted) \(item.measure))" : nil
            }
            return line.present ? nil : item.displayName
        }
        return (lines.count, missing)
    }
}
