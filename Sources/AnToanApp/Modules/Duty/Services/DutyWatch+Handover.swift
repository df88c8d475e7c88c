import AnToanCore
import Fluent
import Foundation
import Vapor

/// Handover (giao ca): written by the outgoing shift, confirmed by the incoming one.
extension DutyWatch {

    /// The outgoing side hands the post over to the next shift, with the open items as they stand and the count of
    /// the post's equipment (`HandoverCount`, in the same transaction).
    static func handOver(
        notes: String?,
        counts: [EquipmentCount.Line]? = nil,
        by principal: Principal,
        on req: Request
    ) async throws -> DutyHandover {
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let notes = checker.text("notes", notes, max: maxText, kind: .multiline)
        try checker.check()
        let (member, seat) = try await onDutySeat(of: principal, at: now, on: req.db)
        guard now >= seat.endsAt.addingTimeInterval(-handoverOpens) else {
            throw invalid(
                "seat",
                vi: "chỉ bàn giao được trong giờ cuối của ca (ca kết thúc lúc \(VietnamTime.dateTime(seat.endsAt)))",
                en: "a shift is handed over in its last hour (it ends at \(VietnamTime.dateTime(seat.endsAt)))"
            )
        }
        if let done = try await handover(from: seat, on: req.db) {
            throw invalid(
                "seat",
                vi: "ca này đã được bàn giao lúc \(VietnamTime.dateTime(done.handedAt))",
                en: "this shift was handed over at \(VietnamTime.dateTime(done.handedAt))"
            )
        }
        guard let next = try await nextCrew(after: seat, on: req.db).first else {
            throw invalid(
                "seat",
                vi: "lịch trực đã công bố không có ca kế tiếp ở chốt này",
                en: "the published roster has no next shift at this post"
            )
        }
        let items = try await openItems(unit: seat.unitID, post: seat.post, on: req.db).compactMap(\.id)
        let handover = DutyHandover()
        handover.unitID = seat.unitID
        handover.post = seat.post
        handover.outgoingDate = seat.date
        handover.outgoingShift = seat.shift
        handover.incomingDate = next.date
        handover.incomingShift = next.shift
        handover.incomingStartsAt = next.startsAt
        handover.handedBy = try member.requireID()
        handover.handedAt = now
        handover.notes = notes
        handover.openItems = String(decoding: try JSONEncoder().encode(items), as: UTF8.self)
        try await req.application.write { db in
            try await handover.insert(on: db)
            try await audit(
                principal,
                .create,
                "duty_handover",
                handover.id,
                [
                    "post": seat.post, "from": "\(seat.date) \(seat.shift)", "to": "\(next.date) \(next.shift)",
                    "notes": notes,
                ],
                now,
                db
            )
            try await HandoverCount.record(
                counts,
                side: .outgoing,
                handover: handover,
                staffID: try member.requireID(),
                postName: try await postName(seat.unitID, seat.post, on: db),
                by: principal,
                on: db,
                now: now
            )
        }
        return handover
    }

    /// The incoming side confirms a handover, with its own count of the post's equipment; only someone on the
    /// incoming shift may.
    static func receive(
        _ handoverID: UUID,
        counts: [EquipmentCount.Line]? = nil,
        by principal: Principal,
        on req: Request
    ) async throws -> DutyHandover {
        let now = req.application.clock.now()
        let member = try await member(of: principal, on: req.db)
        let unitID = try member.$unit.id
        guard
            let handover = try await DutyHandover.query(on: req.db).filter(\.$id == handoverID)
                .filter(\.$unitID == member.$unit.id).first()
        else { throw AppError.notFound }
        let incoming = try await RosterSeat.query(on: req.db).filter(\.$unitID == unitID)
            .filter(\.$post == handover.post).filter(\.$startsAt == handover.incomingStartsAt)
            .filter(\.$shift == handover.incomingShift).filter(\.$staffID == (try member.requireID())).all()
        guard try await !published(incoming, on: req.db).isEmpty else {
            throw invalid(
                "staff",
                vi:
                    "chỉ người trực ca kế tiếp (ca \(handover.incomingShift) ngày \(dmy(handover.incomingDate))) mới nhận ca được",
                en:
                    "only someone on the next shift (\(handover.incomingShift) on \(dmy(handover.incomingDate))) can take over"
            )
        }
        if let at = handover.receivedAt {
            throw invalid(
                "handover",
                vi: "ca đã được nhận lúc \(VietnamTime.dateTime(at))",
                en: "the shift was taken over at \(VietnamTime.dateTime(at))"
            )
        }
        handover.receivedBy = try member.requireID()
        handover.receivedAt = now
        try await req.application.write { db in
            try await handover.persist(on: db)
            try await audit(
                principal,
                .update,
                "duty_handover",
                handover.id,
                ["received_at": VietnamTime.dateTime(now)],
                now,
                db
            )
            try await HandoverCount.record(
                counts,
                side: .incoming,
                handover: handover,
                staffID: try member.requireID(),
                postName: try await postName(unitID, handover.post, on: db),
                by: principal,
                on: db,
                now: now
            )
        }
        return handover
    }

    static func postName(_ unitID: UUID, _ post: String, on db: any Database) async throws -> String {
        DutyNames(posts: try await RosterQueries.posts(of: unitID, on: db)).post(post, .vi)
    }

    /// The handover written by the shift of `seat` at its post, if any.
    static func handover(from seat: RosterSeat, on db: any Database) async throws -> DutyHandover? {
        try await DutyHandover.query(on: db).filter(\.$unitID == seat.unitID).filter(\.$post == seat.post)
            .filter(\.$outgoingDate == seat.date).filter(\.$outgoingShift == seat.shift).first()
    }

    /// The handover to the shift of `seat` at its post, if the previous shift wrote one.
    static func handover(to seat: RosterSeat, on db: any Database) async throws -> DutyHandover? {
        try await DutyHandover.query(on: db).filter(\.$unitID == seat.unitID).filter(\.$post == seat.post)
            .filter(\.$incomingStartsAt == seat.startsAt).filter(\.$incomingShift == seat.shift).first()
    }
}
