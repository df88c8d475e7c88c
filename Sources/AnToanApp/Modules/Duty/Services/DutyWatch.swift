import AnToanCore
import Fluent
import Foundation
import Vapor

/// Duty as it happens, for the person signed in: checking in and out of a published roster seat, writing the
/// post's log book, and handing the post over to the next shift. Everyone acts as the staff member their
/// account is linked to, on a seat of a published roster; anyone else gets a clear error and nothing is written.
enum DutyWatch {
    static let rule = AttendanceRule.standard
    /// How long after its shift ends a seat still counts as its holder's: to check out, write the last entries
    /// and hand over to a late successor.
    static let afterEnd: TimeInterval = 4 * 3_600
    /// How long before its shift ends the outgoing officer may hand over.
    static let handoverOpens: TimeInterval = 3_600
    static let maxText = 2_000

    // MARK: Who and which seat

    /// The staff member the account signs in as.
    static func member(of principal: Principal, on db: any Database) async throws -> StaffMember {
        guard let member = try await RosterQueries.linkedStaff(of: principal, on: db) else {
            throw invalid(
                "staff",
                vi: "tài khoản này chưa gắn với cán bộ nào của đơn vị",
                en: "this account is not linked to a staff member"
            )
        }
        return member
    }

    /// The seat whose shift `at` falls in, from check-in opening until `afterEnd` after it ends; the latest
    /// started one when two qualify (a handover hour).
    static func currentSeat(of member: StaffMember, at: Date, on db: any Database) async throws -> RosterSeat? {
        let seats = try await RosterQueries.publishedSeats(
            of: member,
            from: at.addingTimeInterval(-afterEnd),
            to: at.addingTimeInterval(rule.opensBefore + 1),
            on: db
        )
        return seats.last { $0.startsAt.addingTimeInterval(-rule.opensBefore) <= at }
    }

    /// Everyone on the same shift at the same post, leaders first.
    static func crew(of seat: RosterSeat, on db: any Database) async throws -> [RosterSeat] {
        let seats = try await RosterSeat.query(on: db).filter(\.$unitID == seat.unitID).filter(\.$post == seat.post)
            .filter(\.$startsAt == seat.startsAt).filter(\.$shift == seat.shift).all()
        return try await published(seats, on: db).sorted {
            ($0.role == "leader" ? 0 : 1) < ($1.role == "leader" ? 0 : 1)
        }
    }

    /// The seats of the shift that follows `seat` at its post on the published rosters.
    static func nextCrew(after seat: RosterSeat, on db: any Database) async throws -> [RosterSeat] {
        let later = try await RosterSeat.query(on: db).filter(\.$unitID == seat.unitID).filter(\.$post == seat.post)
            .filter(\.$startsAt > seat.startsAt).filter(\.$startsAt < seat.endsAt.addingTimeInterval(86_400))
            .sort(\.$startsAt).all()
        let seats = try await published(later, on: db)
        guard let first = seats.first else { return [] }
        return seats.filter { $0.startsAt == first.startsAt && $0.shift == first.shift }
    }

    static func published(_ seats: [RosterSeat], on db: any Database) async throws -> [RosterSeat] {
        let rosterIDs = Array(Set(seats.map(\.rosterID)))
        guard !rosterIDs.isEmpty else { return [] }
        let live = Set(
            try await Roster.query(on: db).filter(\.$id ~~ rosterIDs).filter(\.$status == "published").all()
                .compactMap(\.id)
        )
        return seats.filter { live.contains($0.rosterID) }
    }

    // MARK: Check-in and check-out

    /// Checks the account's person in to the seat whose check-in is open now; on time or late by `rule`.
    static func checkIn(by principal: Principal, on req: Request) async throws -> DutyCheckIn {
        let now = req.application.clock.now()
        let member = try await member(of: principal, on: req.db)
        let staffID = try member.requireID()
        let open = try await RosterQueries.publishedSeats(
            of: member,
            from: now,
            to: now.addingTimeInterval(rule.opensBefore + 1),
            on: req.db
        )
        .filter { rule.accepts(start: $0.startsAt, end: $0.endsAt, at: now) }
        guard let seat = open.first else {
            throw invalid(
                "seat",
                vi: "bạn không có ca trực nào đang mở nhận ca trong lịch trực đã công bố",
                en: "you have no shift open for check-in on a published roster"
            )
        }
        let seatID = try seat.requireID()
        if let done = try await DutyCheckIn.query(on: req.db).filter(\.$seatID == seatID).first() {
            throw invalid(
                "seat",
                vi: "bạn đã nhận ca này lúc \(VietnamTime.dateTime(done.checkedInAt))",
                en: "you checked in to this shift at \(VietnamTime.dateTime(done.checkedInAt))"
            )
        }
        let checkIn = DutyCheckIn()
        checkIn.seatID = seatID
        checkIn.unitID = seat.unitID
        checkIn.staffID = staffID
        checkIn.checkedInAt = now
        checkIn.status = rule.status(start: seat.startsAt, end: seat.endsAt, checkedInAt: now, at: now).rawValue
        try await req.application.write { db in
            try await checkIn.insert(on: db)
            try await audit(
                principal,
                .create,
                "duty_checkin",
                checkIn.id,
                ["seat_id": seatID.uuidString, "status": checkIn.status],
                now,
                db
            )
        }
        return checkIn
    }

    /// Checks the account's person out of the shift they checked in to.
    static func checkOut(by principal: Principal, on req: Request) async throws -> DutyCheckIn {
        let now = req.application.clock.now()
        let member = try await member(of: principal, on: req.db)
        guard let seat = try await currentSeat(of: member, at: now, on: req.db),
            let checkIn = try await DutyCheckIn.query(on: req.db).filter(\.$seatID == (try seat.requireID())).first(),
            checkIn.checkedOutAt == nil
        else {
            throw invalid(
                "seat",
                vi: "bạn không có ca nào đã nhận mà chưa kết thúc",
                en: "you have no shift checked in and not yet checked out"
            )
        }
        checkIn.checkedOutAt = now
        try await req.application.write { db in
            try await checkIn.persist(on: db)
            try await audit(
                principal,
                .update,
                "duty_checkin",
                checkIn.id,
                ["checked_out_at": VietnamTime.dateTime(now)],
                now,
                db
            )
        }
        return checkIn
    }

    // MARK: The log book

    /// The seat the account's person holds and has checked in to now: the log book and handovers need one.
    static func onDutySeat(
        of principal: Principal,
        at: Date,
        on db: any Database
    ) async throws -> (StaffMember, RosterSeat) {
        let member = try await member(of: principal, on: db)
        guard let seat = try await currentSeat(of: member, at: at, on: db),
            try await DutyCheckIn.query(on: db).filter(\.$seatID == (try seat.requireID())).first() != nil
        else {
            throw invalid(
                "seat",
                vi: "hãy nhận ca trước khi ghi sổ hoặc bàn giao",
                en: "check in to your shift before writing the log book or handing over"
            )
        }
        return (member, seat)
    }

    /// Writes an entry in the log book of the post the account's person is on duty at.
    static func write(
        kind: DutyLog.Kind,
        text: String?,
        refersTo: UUID?,
        by principal: Principal,
        on req: Request
    ) async throws -> DutyLogEntry {
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let text = checker.text("text", text, max: maxText)
        try checker.check()
        let (member, seat) = try await onDutySeat(of: principal, at: now, on: req.db)
        var book: [DutyLog.Entry] = []
        if let refersTo {
            let related = try await DutyLogEntry.query(on: req.db).filter(\.$unitID == seat.unitID)
                .filter(\.$post == seat.post)
                .group(.or) { $0.filter(\.$id == refersTo).filter(\.$refersTo == refersTo) }.all()
            book = related.map(\.logEntry)
        }
        do {
            try DutyLog.check(kind: kind, refersTo: refersTo?.uuidString, in: book)
        } catch {
            throw invalid("refers_to", vi: error.vietnamese, en: error.english)
        }
        let entry = DutyLogEntry()
        entry.unitID = seat.unitID
        entry.post = seat.post
        entry.seatID = try seat.requireID()
        entry.staffID = try member.requireID()
        entry.writtenAt = now
        entry.kind = kind.rawValue
        entry.text = text
        entry.refersTo = refersTo
        try await req.application.write { db in
            try await entry.insert(on: db)
            try await audit(
                principal,
                .create,
                "duty_log_entry",
                entry.id,
                ["kind": kind.rawValue, "text": text],
                now,
                db
            )
        }
        return entry
    }

    /// The open items of a post's log book, oldest first.
    static func openItems(unit: UUID, post: String, on db: any Database) async throws -> [DutyLogEntry] {
        let raised = try await DutyLogEntry.query(on: db).filter(\.$unitID == unit).filter(\.$post == post)
            .filter(\.$kind == DutyLog.Kind.open.rawValue).sort(\.$writtenAt).all()
        guard !raised.isEmpty else { return [] }
        var closing: [DutyLogEntry] = []
        for chunk in ImportLookups.chunks(raised.compactMap(\.id)) {
            closing += try await DutyLogEntry.query(on: db).filter(\.$refersTo ~~ chunk).all()
        }
        let open = Set(DutyLog.openItems((raised + closing).map(\.logEntry)))
        return raised.filter { open.contains($0.id?.uuidString ?? "") }
    }

    // MARK: Handover

    /// The outgoing side hands the post over to the next shift, with the open items as they stand.
    static func handOver(notes: String?, by principal: Principal, on req: Request) async throws -> DutyHandover {
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let notes = checker.text("notes", notes, max: maxText)
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
        }
        return handover
    }

    /// The incoming side confirms a handover; only someone on the incoming shift may.
    static func receive(_ handoverID: UUID, by principal: Principal, on req: Request) async throws -> DutyHandover {
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
        }
        return handover
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

    // MARK: Helpers

    static func dmy(_ iso: String) -> String { SolarDate(iso: iso)?.dmy ?? iso }

    private static func invalid(_ field: String, vi: String, en: String) -> AppError {
        AppError.invalidFields([FieldError(field: field, reason: .invalid(vi: vi, en: en))])
    }

    private static func audit(
        _ principal: Principal,
        _ action: AuditAction,
        _ entity: String,
        _ id: UUID?,
        _ after: [String: String],
        _ now: Date,
        _ db: any Database
    ) async throws {
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: action,
            entity: entity,
            entityID: id?.uuidString ?? "",
            before: nil,
            after: after,
            now: now
        )
    }
}

extension DutyLog.Problem {
    var vietnamese: String {
        switch self {
        case .missingReference: "cần chỉ rõ mục được sửa hoặc được đóng"
        case .unknownReference: "không có mục này trong sổ của chốt"
        case .notOpen: "mục này không phải việc đang theo dõi, hoặc đã được đóng"
        case .alreadyCorrected: "mục này đã được sửa; hãy sửa bản mới nhất"
        }
    }

    var english: String {
        switch self {
        case .missingReference: "name the entry being corrected or closed"
        case .unknownReference: "there is no such entry in this post's book"
        case .notOpen: "this entry is not an open item, or it is already closed"
        case .alreadyCorrected: "this entry was already corrected; correct the latest version"
        }
    }
}
