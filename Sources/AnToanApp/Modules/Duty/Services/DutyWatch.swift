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
    /// Ending a shift more than this long before it ends needs a reason, written in the log book.
    static let earlyEnd: TimeInterval = 3_600
    static let maxText = 2_000

    // MARK: Who and which seat

    /// The account that may act at the duty desk: a role that performs duty, or anyone (a unit head starred as
    /// the leader on duty, a team member) whose own staff record holds a seat of a published roster from
    /// `afterEnd` ago to a week ahead. Being on the roster is what makes a person on duty; 403 otherwise.
    static func onDuty(_ req: Request) async throws -> Principal {
        let principal = try req.principal()
        if principal.can(.performDuty) { return principal }
        guard principal.can(.viewOwnShifts), let member = try await scopedMember(of: principal, on: req.db) else {
            throw AppError.forbidden
        }
        let now = req.application.clock.now()
        let seats = try await RosterQueries.publishedSeats(
            of: member,
            from: now.addingTimeInterval(-afterEnd),
            to: now.addingTimeInterval(7 * 86_400),
            on: req.db
        )
        guard !seats.isEmpty else { throw AppError.forbidden }
        return principal
    }

    /// The account's staff record, only when it lies in the account's scope: a seat in another unit gives
    /// nothing here.
    static func scopedMember(of principal: Principal, on db: any Database) async throws -> StaffMember? {
        guard let member = try await RosterQueries.linkedStaff(of: principal, on: db),
            let area = AreaPath(member.areaPath),
            principal.scope.covers(.unit(member.$unit.id, in: area))
        else { return nil }
        return member
    }

    /// The staff member the account signs in as.
    static func member(of principal: Principal, on db: any Database) async throws -> StaffMember {
        guard let member = try await scopedMember(of: principal, on: db) else {
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
            throw alreadyCheckedIn(done)
        }
        let checkIn = DutyCheckIn()
        checkIn.seatID = seatID
        checkIn.unitID = seat.unitID
        checkIn.staffID = staffID
        checkIn.checkedInAt = now
        checkIn.status = rule.status(start: seat.startsAt, end: seat.endsAt, checkedInAt: now, at: now).rawValue
        try await req.application.write { db in
            // Checked again under the seat's lock: a second tap sent at once finds the first check-in.
            _ = try await db.lockedRow(RosterSeat.self, seatID)
            if let done = try await DutyCheckIn.query(on: db).filter(\.$seatID == seatID).first() {
                throw alreadyCheckedIn(done)
            }
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

    /// Checks the account's person out of the shift they checked in to; more than `earlyEnd` before the shift
    /// ends, only with a reason, which goes into the post's log book with the check-out.
    static func checkOut(reason: String?, by principal: Principal, on req: Request) async throws -> DutyCheckIn {
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
        var entry: DutyLogEntry?
        if now < seat.endsAt.addingTimeInterval(-earlyEnd) {
            var checker = FieldChecker()
            let reason = checker.text("reason", reason, max: maxText, kind: .multiline)
            try checker.check()
            let note = DutyLogEntry()
            note.unitID = seat.unitID
            note.post = seat.post
            note.seatID = try seat.requireID()
            note.staffID = try member.requireID()
            note.writtenAt = now
            note.kind = DutyLog.Kind.note.rawValue
            note.text =
                "Kết thúc ca sớm lúc \(VietnamTime.time(now)) (ca hết lúc \(VietnamTime.time(seat.endsAt))). "
                + "Lý do: \(reason)"
            entry = note
        }
        checkIn.checkedOutAt = now
        try await req.application.write { [entry] db in
            // Checked again under the seat's lock: a second tap sent at once finds the first check-out.
            _ = try await db.lockedRow(RosterSeat.self, checkIn.seatID)
            guard let current = try await DutyCheckIn.find(checkIn.id, on: db), current.checkedOutAt == nil else {
                throw invalid(
                    "seat",
                    vi: "bạn đã kết thúc ca này",
                    en: "you have already ended this shift"
                )
            }
            try await checkIn.persist(on: db)
            var after = ["checked_out_at": VietnamTime.dateTime(now)]
            if let entry {
                try await entry.insert(on: db)
                after["early_end_reason"] = entry.text
            }
            try await audit(principal, .update, "duty_checkin", checkIn.id, after, now, db)
        }
        return checkIn
    }

    // MARK: Helpers

    static func dmy(_ iso: String) -> String { SolarDate(iso: iso)?.dmy ?? iso }

    static func alreadyCheckedIn(_ done: DutyCheckIn) -> AppError {
        invalid(
            "seat",
            vi: "bạn đã nhận ca này lúc \(VietnamTime.dateTime(done.checkedInAt))",
            en: "you checked in to this shift at \(VietnamTime.dateTime(done.checkedInAt))"
        )
    }

    static func invalid(_ field: String, vi: String, en: String) -> AppError {
        AppError.invalidFields([FieldError(field: field, reason: .invalid(vi: vi, en: en))])
    }

    static func audit(
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
