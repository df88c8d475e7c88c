import AnToanCore
import Fluent
import Foundation

extension RosterSwaps {
    /// What the holder of a seat may ask for: the one rule the seat page offers its choices by and `request`
    /// refuses by, so that the page never offers what the service would refuse. Read inside the request's
    /// transaction, it judges the seats as they are when the request is written.
    struct Rule {
        var seat: RosterSeat
        var requester: UUID
        var now: Date
        /// Why the seat cannot be swapped at all (field `seat_id`), if it cannot.
        var blocked: FieldError?
        /// The unit's people who can stand a seat (not left), by id.
        var staff: [UUID: StaffMember] = [:]
        /// The roster's seats, in time order.
        var seats: [RosterSeat] = []
        /// Seats already checked in or already asked about in a pending request: not offered in return.
        var busy: Set<UUID> = []
        var check: RosterEditCheck?

        static func load(seat: RosterSeat, requester: UUID, now: Date, on db: any Database) async throws -> Rule {
            let seatID = try seat.requireID()
            var rule = Rule(seat: seat, requester: requester, now: now)
            let roster = try await Roster.find(seat.rosterID, on: db)
            let current = try await RosterSeat.find(seatID, on: db) ?? seat
            rule.seat = current
            let checkedIn = try await RosterQueries.checkedIn([seatID], on: db)
            let pending = try await RosterSwap.query(on: db).filter(\.$rosterID == seat.rosterID)
                .filter(\.$status == "pending").all()
            rule.blocked = blocked(
                current,
                published: roster?.status == "published",
                requester: requester,
                now: now,
                checkedIn: !checkedIn.isEmpty,
                pending: pending.contains { $0.seatID == seatID }
            )
            guard rule.blocked == nil, let roster else { return rule }
            rule.seats = try await RosterQueries.seats(of: try roster.requireID(), on: db)
            rule.busy = Set(pending.flatMap { [$0.seatID] + ($0.otherSeatID.map { [$0] } ?? []) })
            let future = rule.seats.filter { $0.startsAt > now }.compactMap(\.id)
            rule.busy.formUnion(try await RosterQueries.checkedIn(future, on: db))
            rule.staff = Dictionary(
                try await RosterQueries.rosterableStaff(of: seat.unitID, on: db).compactMap { member in
                    member.id.map { ($0, member) }
                },
                uniquingKeysWith: { first, _ in first }
            )
            guard let unit = try await OrgUnit.find(roster.unitID, on: db),
                let start = SolarDate(iso: roster.startDate),
                let end = SolarDate(iso: roster.endDate)
            else { throw AppError.notFound }
            do {
                let instance = try await RosterService.instance(
                    for: unit,
                    start: start,
                    days: start.days(to: end) + 1,
                    seed: UInt64(max(0, roster.seed)),
                    on: db
                )
                rule.check = RosterEditCheck(instance: instance, before: rule.seats.map(RosterEdits.assignment))
            } catch AppError.invalidFields(let errors) {
                // The unit's set-up can no longer rebuild the roster: nothing can be judged, so nothing is offered.
                rule.blocked = FieldError(field: "seat_id", reason: errors.first?.reason ?? notPublished)
            }
            return rule
        }

        /// Why a seat cannot be swapped whoever would take it, if it cannot; the shifts page asks it of every
        /// shift it lists, so that it offers "Xin đổi ca" only where the seat page has something to offer.
        static func blocked(
            _ seat: RosterSeat,
            published: Bool,
            requester: UUID,
            now: Date,
            checkedIn: Bool,
            pending: Bool
        ) -> FieldError? {
            let reasons: [(Bool, FieldError.Reason)] = [
                (!published, notPublished), (seat.staffID != requester, notYours), (seat.startsAt <= now, started),
                (checkedIn, checkedInReason), (pending, pendingReason),
            ]
            return reasons.first { $0.0 }.map { FieldError(field: "seat_id", reason: $0.1) }
        }

        /// Why `staffID` cannot take the seat outright, if they cannot.
        func refusal(giveTo staffID: UUID) -> FieldError? {
            if let blocked { return blocked }
            guard staffID != requester else {
                return FieldError(
                    field: "to_staff_id",
                    reason: .invalid(vi: "phải là người khác", en: "must be someone else")
                )
            }
            guard staff[staffID] != nil, let seatID = seat.id else {
                return FieldError(field: "to_staff_id", reason: .notFound)
            }
            return violation([seatID: staffID]).map { FieldError(field: "to_staff_id", reason: $0) }
        }

        /// Why the requester cannot trade the seat for `otherID` (a seat of the same roster), if they cannot.
        func refusal(trade otherID: UUID) -> FieldError? {
            if let blocked { return blocked }
            guard let other = seats.first(where: { $0.id == otherID }), let seatID = seat.id,
                other.staffID != requester, staff[other.staffID] != nil
            else { return FieldError(field: "other_seat_id", reason: .notFound) }
            guard other.startsAt > now else { return FieldError(field: "other_seat_id", reason: started) }
            guard !busy.contains(otherID) else { return FieldError(field: "other_seat_id", reason: busyReason) }
            return violation([seatID: other.staffID, otherID: requester])
                .map { FieldError(field: "other_seat_id", reason: $0) }
        }

        /// The colleagues who could take the seat, by name.
        var colleagues: [StaffMember] {
            staff.values.filter { member in member.id.map { refusal(giveTo: $0) == nil } ?? false }
                .sorted { $0.nameFolded < $1.nameFolded }
        }

        /// The colleagues' seats the requester could take in return, in time order.
        var trades: [RosterSeat] {
            guard blocked == nil else { return [] }
            return seats.filter { other in other.id.map { refusal(trade: $0) == nil } ?? false }
        }

        /// The first rule the roster with `changes` (seat → person) newly breaks, in words naming the person.
        private func violation(_ changes: [UUID: UUID]) -> FieldError.Reason? {
            guard let check else { return notPublished }
            let after = seats.map { seat in
                var entry = RosterEdits.assignment(seat)
                if let id = seat.id, let staff = changes[id] { entry.staff = staff.uuidString }
                return entry
            }
            guard let broken = check.newViolations(after: after).first else { return nil }
            let name = broken.staff.flatMap(UUID.init(uuidString:)).flatMap { staff[$0]?.fullName }
            return RosterEdits.message(broken, name: name)
        }
    }

    static let notYours = FieldError.Reason.invalid(vi: "không phải ca của bạn", en: "is not your seat")
    static let started = FieldError.Reason.invalid(vi: "ca này đã bắt đầu", en: "this shift has started")
    static let notPublished = FieldError.Reason.invalid(
        vi: "lịch trực chưa công bố hoặc đã bị thay thế",
        en: "the roster is not published or was replaced"
    )
    static let checkedInReason = FieldError.Reason.invalid(
        vi: "ca này đã nhận ca, không đổi được nữa",
        en: "this shift is checked in and can no longer be swapped"
    )
    static let pendingReason = FieldError.Reason.invalid(
        vi: "ca này đã có yêu cầu đổi ca đang chờ duyệt",
        en: "this shift already has a swap request waiting for a decision"
    )
    static let busyReason = FieldError.Reason.invalid(
        vi: "ca này đã nhận ca hoặc đang có yêu cầu đổi ca khác",
        en: "this shift is checked in or already in another swap request"
    )
}
