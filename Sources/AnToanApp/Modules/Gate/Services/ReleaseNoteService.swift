import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    /// A goods release note was drafted, decided or let out (no personal data: open pages reload their list).
    static let gateGoods = EventType(rawValue: "gate.goods")
}

/// Goods release notes: drafted by anyone of a unit, approved or refused by one of the staff the unit names (never
/// the note's own drafter), let out once by the gate. Each write in one transaction with its audit entry, its event
/// and the notifications it sends.
enum ReleaseNoteService {
    static let entity = "gate_release_note"

    /// Drafts a note for the account's unit; every field checked first (422 naming each). The approvers are told.
    @discardableResult
    static func draft(
        _ input: ReleaseNoteInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> ReleaseNote
    {
        guard case .unit(let unitID, let area) = principal.scope else { throw AppError.forbidden }
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        var checker = FieldChecker(input.problems)
        let carrier = checker.name("carrier_name", input.carrierName, max: GateLimits.name)
        let document = checker.text(
            "carrier_document",
            input.carrierDocument,
            max: GoodsLimits.document,
            optional: true
        )
        .uppercased()
        let plateText = checker.text("vehicle_plate", input.vehiclePlate, max: GateLimits.plate, optional: true)
        if !plateText.isEmpty, !VehiclePlate.isPlausible(plateText) {
            checker.add("vehicle_plate", Self.plateProblem)
        }
        // The API's items were checked one by one already (`items.0` …): their problems say enough.
        let itemsChecked = input.problems.contains { $0.field.hasPrefix("items.") }
        let itemsText =
            itemsChecked ? "" : checker.text("items", input.items, max: GoodsLimits.items, kind: .multiline)
        var parsed: [GoodsItem] = []
        if !itemsText.isEmpty, checker.message(for: "items", .vi) == nil {
            switch GoodsItem.parse(itemsText) {
            case .success(let items): parsed = items
            case .failure(let problem): checker.add("items", .invalid(vi: problem.vi, en: problem.en))
            }
        }
        let items = parsed
        let reason = checker.text("reason", input.reason, max: GoodsLimits.reason)
        let day =
            checker.date("expected_date", (input.expectedDate ?? "").isEmpty ? today.iso : input.expectedDate)
            .flatMap { SolarDate(iso: $0) }
        if let day, day < today || today.days(to: day) > GoodsLimits.daysAhead {
            checker.add(
                "expected_date",
                .invalid(vi: "từ hôm nay đến tối đa một năm tới", en: "from today to a year ahead at most")
            )
        }
        try checker.check()
        return try await app.write { db in
            let note = ReleaseNote()
            note.unitID = unitID
            note.areaPath = area.value
            note.carrierName = carrier
            note.carrierDocument = document
            note.vehiclePlate = VehiclePlate.display(plateText)
            note.items = items.map(\.line).joined(separator: "\n")
            note.reason = reason
            note.expectedOn = (day ?? today).iso
            note.createdBy = principal.id
            note.createdByName = principal.displayName
            note.createdAt = now
            note.status = ReleaseNote.Status.pending.rawValue
            try await note.insert(on: db)
            let id = try note.requireID()
            try await record(note, before: nil, by: principal, on: db, now: now)
            var approvers = try await GateGoodsQueries.approverAccounts(of: unitID, on: db)
            approvers.remove(principal.id)
            try await Notifications.send(
                to: approvers,
                title: LocalizedText(
                    vi: "Phiếu xuất hàng chờ duyệt: \(note.goods.count) mặt hàng, lập bởi \(principal.displayName)",
                    en: "A goods release note awaits approval: \(note.goods.count) items, by \(principal.displayName)"
                ),
                link: SiteURL.gateGoods(.note(id)).path,
                needsAcknowledgement: false,
                entity: entity,
                entityID: id,
                on: db,
                now: now
            )
            return note
        }
    }

    /// A named approver of the note's unit approves it; not its drafter, and only while it awaits approval.
    @discardableResult
    static func approve(_ id: UUID, by principal: Principal, on app: Application) async throws -> ReleaseNote {
        try await decide(id, approve: true, reason: nil, by: principal, on: app)
    }

    /// A named approver refuses the note, saying why (`refusal_reason`).
    @discardableResult
    static func refuse(
        _ id: UUID,
        reason: String?,
        by principal: Principal,
        on app: Application
    ) async throws
        -> ReleaseNote
    {
        try await decide(id, approve: false, reason: reason, by: principal, on: app)
    }

    private static func decide(
        _ id: UUID,
        approve: Bool,
        reason: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> ReleaseNote {
        let now = app.clock.now()
        return try await app.write { db in
            let seen = try await GateGoodsQueries.note(id, in: principal.scope, on: db)
            guard
                let approver = try await GateGoodsQueries.approverRecord(of: principal.id, unitID: seen.unitID, on: db)
            else { throw AppError.forbidden }
            // Read again under the lock: a decision or release that raced this one has committed by now.
            guard let note = try await db.lockedRow(ReleaseNote.self, id) else { throw AppError.notFound }
            var checker = FieldChecker()
            if note.createdBy == principal.id {
                checker.add(
                    "note",
                    .invalid(
                        vi: "người lập phiếu không được tự duyệt phiếu của mình: cần một người duyệt khác",
                        en: "the note's drafter cannot decide it: another approver must"
                    )
                )
            }
            if note.statusValue != .pending {
                checker.add("note", stateProblem(note))
            }
            let refusal = approve ? "" : checker.text("refusal_reason", reason, max: GoodsLimits.refusal)
            try checker.check()
            let before = note.auditSnapshot
            note.status = (approve ? ReleaseNote.Status.approved : .refused).rawValue
            note.decidedByStaffID = approver.id
            note.decidedByName = approver.fullName
            note.decidedAt = now
            note.refusalReason = approve ? nil : refusal
            try await note.persist(on: db)
            try await record(note, before: before, by: principal, on: db, now: now)
            if let drafter = note.createdBy, drafter != principal.id {
                let day = SolarDate(iso: note.expectedOn)?.dmy ?? note.expectedOn
                try await Notifications.send(
                    to: [drafter],
                    title: approve
                        ? LocalizedText(
                            vi: "Phiếu xuất hàng ngày \(day) đã được \(approver.fullName) duyệt",
                            en: "The goods release note of \(day) was approved by \(approver.fullName)"
                        )
                        : LocalizedText(
                            vi: "Phiếu xuất hàng ngày \(day) bị \(approver.fullName) từ chối: \(refusal)",
                            en: "The goods release note of \(day) was refused by \(approver.fullName): \(refusal)"
                        ),
                    link: SiteURL.gateGoods(.note(id)).path,
                    needsAcknowledgement: false,
                    entity: entity,
                    entityID: id,
                    on: db,
                    now: now
                )
            }
            return note
        }
    }

    /// The gate lets the goods of an approved note out, once, on or after its day; anything else is a 422 naming
    /// `note`, and nothing is written.
    @discardableResult
    static func release(_ id: UUID, by principal: Principal, on app: Application) async throws -> ReleaseNote {
        guard principal.can(.registerVisitors) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await GateGoodsQueries.note(id, in: principal.scope, on: db)
            // Read again under the lock: a release that raced this one has committed by now.
            guard let note = try await db.lockedRow(ReleaseNote.self, id) else { throw AppError.notFound }
            guard note.statusValue == .approved, note.purgedAt == nil else {
                throw AppError.invalidFields([FieldError(field: "note", reason: stateProblem(note))])
            }
            if let day = SolarDate(iso: note.expectedOn), day > VietnamTime.day(of: now) {
                throw AppError.invalidFields([
                    FieldError(
                        field: "note",
                        reason: .invalid(
                            vi: "phiếu cho hàng ra từ ngày \(day.dmy), chưa đến ngày",
                            en: "the note lets the goods out from \(day.dmy), not yet"
                        )
                    )
                ])
            }
            let before = note.auditSnapshot
            note.status = ReleaseNote.Status.released.rawValue
            note.releasedAt = now
            note.releasedByName = principal.displayName
            try await note.persist(on: db)
            try await record(note, before: before, by: principal, on: db, now: now)
            return note
        }
    }

    /// Why a note cannot be decided or let out in its state.
    static func stateProblem(_ note: ReleaseNote) -> FieldError.Reason {
        switch note.statusValue {
        case .pending:
            .invalid(
                vi: "phiếu chưa được duyệt: không được cho hàng ra cổng",
                en: "the note is not approved: the goods cannot go out"
            )
        case .approved:
            .invalid(vi: "phiếu đã được duyệt", en: "the note is approved already")
        case .refused:
            .invalid(
                vi: "phiếu đã bị từ chối: không được cho hàng ra cổng",
                en: "the note was refused: the goods cannot go out"
            )
        case .released:
            .invalid(
                vi: "hàng của phiếu này đã ra cổng lúc \(note.releasedAt.map(VietnamTime.dateTime) ?? "")",
                en: "the goods of this note went out at \(note.releasedAt.map(VietnamTime.dateTime) ?? "")"
            )
        }
    }

    static let plateProblem = FieldError.Reason.invalid(
        vi: "biển số cần 2–15 chữ và số, có ít nhất một chữ số (ví dụ 51A-123.45)",
        en: "a plate needs 2–15 letters and digits with a digit among them (e.g. 51A-123.45)"
    )

    private static func record(
        _ note: ReleaseNote,
        before: [String: String]?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws {
        let id = try note.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: before == nil ? .create : .update,
            entity: entity,
            entityID: id.uuidString,
            before: before,
            after: note.auditSnapshot,
            now: now
        )
        try await Outbox.publish(
            .gateGoods,
            payload: GateGoodsEventDTO(noteId: id, vehicleId: nil, unitId: note.unitID, state: note.status),
            unit: note.unitID,
            area: AreaPath(note.areaPath),
            on: db,
            now: now
        )
    }
}
