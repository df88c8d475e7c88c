import AnToanCore
import Fluent
import Foundation
import Vapor

/// Trình ký: the unit submits a roster to its head, who approves it (then it may be published) or returns it
/// with a reason (then it is edited and submitted again). Each step is audited.
enum RosterApproval {
    static func submit(_ roster: Roster, by actor: Principal, on req: Request) async throws {
        try await move(roster, from: ["draft", "returned"], to: "submitted", reason: nil, by: actor, on: req)
    }

    static func approve(_ roster: Roster, by actor: Principal, on req: Request) async throws {
        try await move(roster, from: ["submitted"], to: "approved", reason: nil, by: actor, on: req)
    }

    /// Returns a submitted roster to the unit; the reason is required.
    static func giveBack(_ roster: Roster, reason: String?, by actor: Principal, on req: Request) async throws {
        var checker = FieldChecker()
        let reason = checker.text("reason", reason, max: 500, kind: .multiline)
        try checker.check()
        try await move(roster, from: ["submitted"], to: "returned", reason: reason, by: actor, on: req)
    }

    private static func move(
        _ roster: Roster,
        from: Set<String>,
        to status: String,
        reason: String?,
        by actor: Principal,
        on req: Request
    ) async throws {
        let now = req.application.clock.now()
        let moved = try await req.application.write { db in
            // The roster's row: of an approval and a return sent at once, the second finds it decided.
            guard let roster = try await db.lockedRow(Roster.self, try roster.requireID()) else {
                throw AppError.notFound
            }
            guard from.contains(roster.status) else { throw wrongStatus(roster.status, to: status) }
            let before = roster.status
            roster.status = status
            roster.returnReason = reason
            try await roster.persist(on: db)
            var after = ["status": status]
            if let reason { after["reason"] = reason }
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "roster",
                entityID: try roster.requireID().uuidString,
                before: ["status": before],
                after: after,
                now: now
            )
            return roster
        }
        roster.status = moved.status
        roster.returnReason = moved.returnReason
    }

    private static func wrongStatus(_ status: String, to target: String) -> AppError {
        let decided = status == "approved" || status == "returned"
        let reason: FieldError.Reason =
            if target == "submitted" {
                .invalid(
                    vi: "chỉ trình ký được bản nháp hoặc lịch bị trả lại",
                    en: "only a draft or a returned roster can be submitted"
                )
            } else if decided {
                .invalid(vi: "lịch trực đã được duyệt hoặc trả lại", en: "the roster was already decided")
            } else {
                .invalid(vi: "lịch trực không ở trạng thái chờ duyệt", en: "the roster is not awaiting approval")
            }
        return AppError.invalidFields([FieldError(field: "status", reason: reason)])
    }
}
