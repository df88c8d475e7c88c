import AnToanCore
import Fluent
import Foundation

/// What the person on duty sees of their shift: their seat, the crew and who has checked in, the post's log
/// book for the shift with the open items carried over, and the handovers on either side.
struct DutyDesk: Sendable {
    struct Person: Sendable {
        var seatID: UUID
        var name: String
        var role: String
        var status: AttendanceRule.Status
        var checkedInAt: Date?
        var checkedOutAt: Date?
    }

    struct Line: Sendable {
        var id: UUID
        var kind: DutyLog.Kind
        var text: String
        var author: String
        var writtenAt: Date
        var refersTo: UUID?
        /// The correction that replaced this entry, if any.
        var correctedBy: UUID?
    }

    struct Handover: Sendable {
        var id: UUID
        var from: String
        var to: String
        var notes: String
        var handedBy: String
        var handedAt: Date
        var receivedBy: String?
        var receivedAt: Date?
        var openItems: [UUID]
    }

    var memberName: String
    var unitName: String
    var seat: RosterSeat?
    var me: Person?
    var crew: [Person] = []
    var lines: [Line] = []
    var openItems: [Line] = []
    var incoming: Handover?
    /// The post, shift and day (ISO) the incoming handover came from, to name them.
    var incomingFrom: (post: String, shift: String, date: String)?
    var outgoing: Handover?
    var nextSeat: RosterSeat?
    var upcoming: [RosterSeat] = []
    /// The unit's posts and shifts by name: a person reads "Ca ngày 07:00–19:00 · Cổng chính", never ids.
    var names = DutyNames(posts: [])
    var now: Date

    /// The desk of the account's person at `at`.
    static func load(for principal: Principal, at: Date, on db: any Database) async throws -> DutyDesk {
        let member = try await DutyWatch.member(of: principal, on: db)
        let unit = try await OrgUnit.find(member.$unit.id, on: db)
        var desk = DutyDesk(memberName: member.fullName, unitName: unit?.name ?? "", now: at)
        desk.names = DutyNames(posts: try await RosterQueries.posts(of: member.$unit.id, on: db))
        desk.upcoming = try await RosterQueries.publishedSeats(
            of: member,
            from: at,
            to: at.addingTimeInterval(7 * 86_400),
            on: db
        )
        guard let seat = try await DutyWatch.currentSeat(of: member, at: at, on: db) else { return desk }
        desk.seat = seat
        desk.upcoming.removeAll { $0.id == seat.id }
        let crew = try await DutyWatch.crew(of: seat, on: db)
        let checkIns = try await DutyCheckIn.query(on: db).filter(\.$seatID ~~ crew.compactMap(\.id)).all()
        let bySeat = Dictionary(checkIns.map { ($0.seatID, $0) }, uniquingKeysWith: { first, _ in first })
        let shiftEntries = try await DutyLogEntry.query(on: db).filter(\.$seatID ~~ crew.compactMap(\.id))
            .sort(\.$writtenAt).all()
        let open = try await DutyWatch.openItems(unit: seat.unitID, post: seat.post, on: db)
        let incoming = try await DutyWatch.handover(to: seat, on: db)
        let outgoing = try await DutyWatch.handover(from: seat, on: db)
        let handovers = [incoming, outgoing].compactMap { $0 }
        var people: [UUID] = crew.map(\.staffID) + shiftEntries.map(\.staffID) + open.map(\.staffID)
        people += handovers.map(\.handedBy) + handovers.compactMap(\.receivedBy)
        let names = try await OrganisationQueries.staffNames(Set(people), on: db)
        desk.crew = crew.compactMap { seat in
            seat.id.map { id in
                let checkIn = bySeat[id]
                return Person(
                    seatID: id,
                    name: names[seat.staffID] ?? "",
                    role: seat.role,
                    status: DutyWatch.rule.status(
                        start: seat.startsAt,
                        end: seat.endsAt,
                        checkedInAt: checkIn?.checkedInAt,
                        at: at
                    ),
                    checkedInAt: checkIn?.checkedInAt,
                    checkedOutAt: checkIn?.checkedOutAt
                )
            }
        }
        desk.me = desk.crew.first { $0.seatID == seat.id }
        let latest = try await DutyBook.latestTexts(of: open, on: db)
        desk.lines = DutyBook.lines(shiftEntries, names: names)
        desk.openItems = DutyBook.lines(open, names: names).map { line in
            var line = line
            line.text = latest[line.id] ?? line.text
            return line
        }
        desk.incoming = incoming.flatMap { DutyBook.handover($0, names: names) }
        desk.incomingFrom = incoming.map { ($0.post, $0.outgoingShift, $0.outgoingDate) }
        desk.outgoing = outgoing.flatMap { DutyBook.handover($0, names: names) }
        desk.nextSeat = try await DutyWatch.nextCrew(after: seat, on: db).first
        return desk
    }
}

/// Reading the log book: names, lines with their corrections, handovers.
enum DutyBook {
    static func lines(_ entries: [DutyLogEntry], names: [UUID: String]) -> [DutyDesk.Line] {
        let corrections = DutyLog.corrections(entries.map(\.logEntry))
        return entries.compactMap { entry in
            entry.id.map {
                DutyDesk.Line(
                    id: $0,
                    kind: DutyLog.Kind(rawValue: entry.kind) ?? .note,
                    text: entry.text,
                    author: names[entry.staffID] ?? "",
                    writtenAt: entry.writtenAt,
                    refersTo: entry.refersTo,
                    correctedBy: corrections[$0.uuidString].flatMap(UUID.init(uuidString:))
                )
            }
        }
    }

    /// The text of each entry as its latest correction has it.
    static func latestTexts(of entries: [DutyLogEntry], on db: any Database) async throws -> [UUID: String] {
        var texts: [UUID: String] = [:]
        var frontier = entries.compactMap(\.id)
        var origin = Dictionary(frontier.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
        while !frontier.isEmpty {
            var next: [UUID] = []
            for chunk in SQLBatch.chunks(frontier) {
                let corrections = try await DutyLogEntry.query(on: db).filter(\.$refersTo ~~ chunk)
                    .filter(\.$kind == DutyLog.Kind.correction.rawValue).all()
                for correction in corrections {
                    guard let id = correction.id, let target = correction.refersTo, let root = origin[target] else {
                        continue
                    }
                    texts[root] = correction.text
                    origin[id] = root
                    next.append(id)
                }
            }
            frontier = next
        }
        return texts
    }

    static func handover(_ handover: DutyHandover, names: [UUID: String]) -> DutyDesk.Handover? {
        guard let id = handover.id else { return nil }
        return DutyDesk.Handover(
            id: id,
            from: "\(handover.outgoingShift) · \(DutyWatch.dmy(handover.outgoingDate))",
            to: "\(handover.incomingShift) · \(DutyWatch.dmy(handover.incomingDate))",
            notes: handover.notes,
            handedBy: names[handover.handedBy] ?? "",
            handedAt: handover.handedAt,
            receivedBy: handover.receivedBy.map { names[$0] ?? "" },
            receivedAt: handover.receivedAt,
            openItems: handover.openItemIDs
        )
    }
}

extension DutyBook {
    /// One shift of a post in the log book: what was written in it and how it was handed over.
    struct Shift: Sendable {
        var post: String
        var date: String
        var shift: String
        var startsAt: Date
        var lines: [DutyDesk.Line]
        var handover: DutyDesk.Handover?
    }

    /// A unit's log book from `from` to `to` (days in Vietnam), shift by shift in time order.
    static func book(unit: UUID, from: SolarDate, to: SolarDate, on db: any Database) async throws -> [Shift] {
        let entries = try await DutyLogEntry.query(on: db).filter(\.$unitID == unit)
            .filter(\.$writtenAt >= VietnamTime.instant(from, minutes: 0))
            .filter(\.$writtenAt < VietnamTime.instant(to.adding(days: 1), minutes: 0)).sort(\.$writtenAt).all()
        let handovers = try await DutyHandover.query(on: db).filter(\.$unitID == unit)
            .filter(\.$outgoingDate >= from.iso).filter(\.$outgoingDate <= to.iso).all()
        var seats: [UUID: RosterSeat] = [:]
        for chunk in SQLBatch.chunks(Array(Set(entries.map(\.seatID)))) {
            for seat in try await RosterSeat.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = seat.id { seats[id] = seat }
            }
        }
        let people: [UUID] = entries.map(\.staffID) + handovers.map(\.handedBy) + handovers.compactMap(\.receivedBy)
        let names = try await OrganisationQueries.staffNames(Set(people), on: db)
        struct Key: Hashable {
            var post: String
            var date: String
            var shift: String
        }
        var shifts: [Key: Shift] = [:]
        let lines = Dictionary(
            lines(entries, names: names).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for entry in entries {
            guard let id = entry.id, let line = lines[id], let seat = seats[entry.seatID] else { continue }
            let key = Key(post: seat.post, date: seat.date, shift: seat.shift)
            shifts[
                key,
                default: Shift(post: seat.post, date: seat.date, shift: seat.shift, startsAt: seat.startsAt, lines: [])
            ]
            .lines.append(line)
        }
        for handover in handovers {
            let key = Key(post: handover.post, date: handover.outgoingDate, shift: handover.outgoingShift)
            let start =
                shifts[key]?.startsAt ?? VietnamTime.instant(SolarDate(iso: handover.outgoingDate) ?? from, minutes: 0)
            shifts[key, default: Shift(post: key.post, date: key.date, shift: key.shift, startsAt: start, lines: [])]
                .handover = self.handover(handover, names: names)
        }
        return shifts.values.sorted { ($0.startsAt, $0.post) < ($1.startsAt, $1.post) }
    }
}
