import AnToanCore
import Fluent
import Foundation
import Vapor

/// Swap requests: a person asks to trade a published seat with a colleague's seat (or give it away); the
/// unit's security officer approves, which applies it only if the checker still passes, or rejects.
enum RosterSwaps {
    /// What the requester typed: the colleague, the colleague's seat (none to give the seat away), a note.
    struct Request: Sendable {
        var toStaffID: UUID?
        var otherSeatID: UUID?
        var note: String?
    }

    static func request(
        _ input: Request,
        for seat: RosterSeat,
        from requester: StaffMember,
        by actor: Principal,
        on req: Vapor.Request
    ) async throws -> RosterSwap {
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let note = checker.text("note", input.note, max: 300, optional: true)
        if input.toStaffID == nil { checker.add("to_staff_id", .required) }
        try checker.check()
        guard let toStaffID = input.toStaffID, let requesterID = requester.id else { throw AppError.notFound }
        let swap = RosterSwap()
        swap.rosterID = seat.rosterID
        swap.unitID = seat.unitID
        swap.seatID = try seat.requireID()
        swap.fromStaffID = seat.staffID
        swap.toStaffID = toStaffID
        swap.otherSeatID = input.otherSeatID
        swap.note = note
        swap.status = "pending"
        swap.requestedBy = actor.id
        try await req.application.write { db in
            // The roster's row first, as edits and decisions take it; then the rule, read again under it.
            _ = try await db.lockedRow(Roster.self, seat.rosterID)
            let rule = try await Rule.load(seat: seat, requester: requesterID, now: now, on: db)
            if let otherID = input.otherSeatID {
                if let refused = rule.refusal(trade: otherID) { throw AppError.invalidFields([refused]) }
                guard rule.seats.first(where: { $0.id == otherID })?.staffID == toStaffID else {
                    throw AppError.invalidFields([FieldError(field: "other_seat_id", reason: .notFound)])
                }
            } else if let refused = rule.refusal(giveTo: toStaffID) {
                throw AppError.invalidFields([refused])
            }
            try await swap.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .create,
                entity: "roster_swap",
                entityID: try swap.requireID().uuidString,
                before: nil,
                after: swap.auditSnapshot,
                now: now
            )
        }
        return swap
    }

    /// Applies a pending request if both seats are still held as asked and the checker still passes.
    static func approve(_ swap: RosterSwap, by actor: Principal, on req: Vapor.Request) async throws {
        try await decide(swap, approved: true, by: actor, on: req)
    }

    static func reject(_ swap: RosterSwap, by actor: Principal, on req: Vapor.Request) async throws {
        try await decide(swap, approved: false, by: actor, on: req)
    }

    private static func decide(
        _ swap: RosterSwap,
        approved: Bool,
        by actor: Principal,
        on req: Vapor.Request
    )
        async throws
    {
        let now = req.application.clock.now()
        let decided = try await req.application.write { db in
            // The roster's row, then the request's: of an approval and a rejection sent at once, the second
            // finds the request decided, so seats and status always agree.
            guard let roster = try await db.lockedRow(Roster.self, swap.rosterID),
                let swap = try await db.lockedRow(RosterSwap.self, try swap.requireID())
            else { throw AppError.notFound }
            guard swap.status == "pending" else {
                throw AppError.invalidFields([
                    FieldError(field: "status", reason: .invalid(vi: "yêu cầu đã được xử lý", en: "already decided"))
                ])
            }
            if approved {
                guard roster.status == "published" else {
                    throw AppError.invalidFields([FieldError(field: "status", reason: notPublished)])
                }
                var held = try await RosterSeat.find(swap.seatID, on: db)?.staffID == swap.fromStaffID
                if held, let otherID = swap.otherSeatID {
                    held = try await RosterSeat.find(otherID, on: db)?.staffID == swap.toStaffID
                }
                guard held else {
                    throw AppError.invalidFields([
                        FieldError(
                            field: "status",
                            reason: .invalid(
                                vi: "ca trực đã thay đổi từ khi gửi yêu cầu",
                                en: "the seats changed since the request was made"
                            )
                        )
                    ])
                }
                try await RosterEdits.apply(swap.changes, to: roster, field: "status", on: db)
            }
            swap.status = approved ? "approved" : "rejected"
            swap.decidedBy = actor.id
            swap.decidedAt = now
            try await swap.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "roster_swap",
                entityID: try swap.requireID().uuidString,
                before: ["status": "pending"],
                after: swap.auditSnapshot,
                now: now
            )
            return swap
        }
        swap.status = decided.status
        swap.decidedBy = decided.decidedBy
        swap.decidedAt = decided.decidedAt
    }
}

extension RosterSwap {
    /// Seat → person after the swap: the colleague takes the seat; the requester takes the colleague's seat.
    var changes: [UUID: UUID] {
        var changes = [seatID: toStaffID]
        if let otherSeatID { changes[otherSeatID] = fromStaffID }
        return changes
    }
}
