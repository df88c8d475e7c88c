import AnToanCore
import Fluent
import Foundation
import Vapor

/// Hand edits of a roster's seats: each change is re-checked with Core's checker against the unit's set-up
/// and staff, and refused (nothing written) when it breaks a hard rule the roster did not already break.
enum RosterEdits {
    /// Puts `staffID` in `seat`; the audit entry and the refreshed report land in the same transaction.
    static func replace(
        _ seat: RosterSeat,
        with staffID: UUID,
        by actor: Principal,
        on req: Request
    ) async throws {
        let seatID = try seat.requireID()
        let now = req.application.clock.now()
        try await req.application.write { db in
            // Edits, swap requests and decisions on one roster lock its row first, so that each one checks the
            // seats as the one before it left them: two edits that each pass cannot together break a rule.
            guard let roster = try await db.lockedRow(Roster.self, seat.rosterID),
                let before = try await RosterSeat.find(seatID, on: db)?.staffID
            else { throw AppError.notFound }
            guard roster.isEditable else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "staff_id",
                        reason: roster.status == "replaced"
                            ? .invalid(vi: "lịch này đã bị thay thế", en: "this roster has been replaced")
                            : .invalid(
                                vi: "lịch đang trình ký hoặc đã được duyệt, không sửa được",
                                en: "the roster is with the head or approved and cannot be edited"
                            )
                    )
                ])
            }
            try await apply([seatID: staffID], to: roster, field: "staff_id", on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "roster_seat",
                entityID: seatID.uuidString,
                before: ["staff_id": before.uuidString],
                after: ["staff_id": staffID.uuidString, "roster_id": roster.requireID().uuidString],
                now: now
            )
        }
        seat.staffID = staffID
    }

    /// Re-checks the roster with `changes` (seat → person) and, when `write`, saves them with the new report;
    /// throws a field error on `field` naming the person and the broken rule. Run it inside the transaction,
    /// with the roster's row locked (`lockedRow`).
    static func apply(
        _ changes: [UUID: UUID],
        to roster: Roster,
        field: String,
        write: Bool = true,
        on db: any Database
    ) async throws {
        let (instance, seats) = try await context(of: roster, changing: Array(changes.values), field: field, on: db)
        let before = seats.map(assignment)
        let after = seats.map { seat in
            var entry = assignment(seat)
            if let id = seat.id, let staff = changes[id] { entry.staff = staff.uuidString }
            return entry
        }
        if let broken = RosterChecker.newViolations(instance: instance, before: before, after: after).first {
            let names = try await OrganisationQueries.staffNames(
                Set(broken.staff.flatMap(UUID.init(uuidString:)).map { [$0] } ?? []),
                on: db
            )
            throw AppError.invalidFields([
                FieldError(field: field, reason: message(broken, name: names.values.first))
            ])
        }
        guard write else { return }
        for seat in seats {
            guard let id = seat.id, let staff = changes[id] else { continue }
            seat.staffID = staff
            try await seat.persist(on: db)
        }
        var report = RosterChecker.report(instance: instance, assignments: after)
        // Only the changed seats' shifts may open or fill: the roster's other gaps stay as they were counted, even
        // when the set-up or the staff changed since (the page and oversight call such a roster out of date).
        if let kept = try? JSONDecoder().decode(RosterReport.self, from: Data(roster.report.utf8)) {
            let touched = Set(seats.filter { $0.id.map { changes[$0] != nil } ?? false }.map(cell))
            let changed = report.openSlots.filter { touched.contains(cell($0)) }
            let unchanged = kept.openSlots.filter { !touched.contains(cell($0)) }
            report.openSlots = (unchanged + changed).sorted { (cell($0), $0.role) < (cell($1), $1.role) }
            report.coverage = kept.coverage
            let missing = { (slots: [RosterOpenSlot]) in slots.reduce(0) { $0 + $1.missing } }
            report.coverage.filled += missing(kept.openSlots) - missing(report.openSlots)
        }
        roster.hardViolations = report.hardViolations.count
        roster.openSeats = report.openSlots.reduce(0) { $0 + $1.missing }
        roster.report = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try await roster.persist(on: db)
    }

    /// The instance the roster's period has under today's set-up and staff, and the roster's seats.
    private static func context(
        of roster: Roster,
        changing people: [UUID],
        field: String,
        on db: any Database
    ) async throws -> (RosterInstance, [RosterSeat]) {
        guard let unit = try await OrgUnit.find(roster.unitID, on: db), let start = SolarDate(iso: roster.startDate),
            let end = SolarDate(iso: roster.endDate)
        else { throw AppError.notFound }
        let staff = try await StaffMember.query(on: db).filter(\.$id ~~ people).filter(\.$unit.$id == roster.unitID)
            .filter(\.$status != "left").count()
        guard staff == Set(people).count else {
            throw AppError.invalidFields([FieldError(field: field, reason: .notFound)])
        }
        let instance = try await RosterService.instance(
            for: unit,
            start: start,
            days: start.days(to: end) + 1,
            seed: UInt64(max(0, roster.seed)),
            on: db
        )
        return (instance, try await RosterQueries.seats(of: try roster.requireID(), on: db))
    }

    /// The day, shift and post of a seat or an open slot, in that order.
    private static func cell(_ seat: RosterSeat) -> String { "\(seat.date)|\(seat.shift)|\(seat.post)" }

    private static func cell(_ slot: RosterOpenSlot) -> String { "\(slot.date)|\(slot.shift)|\(slot.post)" }

    static func assignment(_ seat: RosterSeat) -> RosterAssignment {
        RosterAssignment(
            date: seat.date,
            shift: seat.shift,
            staff: seat.staffID.uuidString,
            post: seat.post,
            role: seat.role
        )
    }

    /// A broken rule in words, naming the person and the shift: "Nguyễn Văn A: người này … (ca D, ngày …)".
    static func message(_ violation: RosterViolation, name: String?) -> FieldError.Reason {
        let day = violation.date.flatMap(SolarDate.init(iso:))?.dmy ?? ""
        let shift = violation.shift ?? ""
        let who = name.map { "\($0): " } ?? ""
        return .invalid(
            vi: "\(who)\(violation.rule.vietnamese) (ca \(shift), ngày \(day))",
            en: "\(who)\(violation.rule.english) (shift \(shift), \(day))"
        )
    }
}
