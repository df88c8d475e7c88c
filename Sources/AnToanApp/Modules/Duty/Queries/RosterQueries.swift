import AnToanCore
import Fluent
import Foundation

/// Reads of rosters, seats and swap requests, always through the reader's scope (404 outside it).
enum RosterQueries {
    /// A top-level unit in `scope`; rosters belong to units, not to their departments.
    static func unit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> OrgUnit {
        let unit = try await OrganisationQueries.unit(id, in: scope, on: db)
        guard unit.$parent.id == nil else { throw AppError.notFound }
        return unit
    }

    static func roster(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Roster {
        guard let roster = try await Roster.find(id, on: db) else { throw AppError.notFound }
        _ = try await OrganisationQueries.unit(roster.unitID, in: scope, on: db)
        return roster
    }

    /// A seat with its roster, if the roster's unit is in `scope`.
    static func seat(_ id: UUID, in scope: Scope, on db: any Database) async throws -> (RosterSeat, Roster) {
        guard let seat = try await RosterSeat.find(id, on: db) else { throw AppError.notFound }
        return (seat, try await roster(seat.rosterID, in: scope, on: db))
    }

    /// A roster's seats in time order, then post and role (leaders first).
    /// A roster's seats by time, post and role. Read column by column: a month of a 40-person unit is 400 seats,
    /// and building each through Fluent's output was a fifth of the roster page's work.
    static func seats(of rosterID: UUID, on db: any Database) async throws -> [RosterSeat] {
        try await db.rows(
            """
            SELECT id, unit_id, date, shift, post, role, staff_id, starts_at, ends_at FROM roster_seats \
            WHERE roster_id = \(bind: rosterID) ORDER BY starts_at, post, role
            """
        ) { row in
            let seat = RosterSeat()
            seat.id = try row.next(UUID.self)
            seat.$id.exists = true
            seat.rosterID = rosterID
            seat.unitID = try row.next()
            seat.date = try row.next()
            seat.shift = try row.next()
            seat.post = try row.next()
            seat.role = try row.next()
            seat.staffID = try row.next()
            seat.startsAt = try row.next()
            seat.endsAt = try row.next()
            return seat
        }
    }

    static func swaps(of rosterID: UUID, on db: any Database) async throws -> [RosterSwap] {
        try await RosterSwap.query(on: db).filter(\.$rosterID == rosterID).sort(\.$createdAt, .descending).all()
    }

    /// The unit's rosters, newest period first.
    static func rosters(of unitID: UUID, on db: any Database) async throws -> [Roster] {
        try await Roster.query(on: db).filter(\.$unitID == unitID).sort(\.$startDate, .descending)
            .sort(\.$createdAt, .descending).limit(100).all()
    }

    /// The staff record linked to the signed-in account, if any.
    static func linkedStaff(of principal: Principal, on db: any Database) async throws -> StaffMember? {
        try await StaffMember.query(on: db).filter(\.$userID == principal.id).filter(\.$status != "left").first()
    }

    /// One person's seats of published rosters that end after `from` and start before `to`, in time order.
    static func publishedSeats(
        of staff: StaffMember,
        from: Date,
        to: Date,
        on db: any Database
    ) async throws -> [RosterSeat] {
        let rosters = try await Roster.query(on: db).filter(\.$unitID == staff.$unit.id)
            .filter(\.$status == "published")
            .filter(\.$endDate >= VietnamTime.day(of: from).adding(days: -1).iso)
            .filter(\.$startDate <= VietnamTime.day(of: to).iso).all().compactMap(\.id)
        guard !rosters.isEmpty, let staffID = staff.id else { return [] }
        return try await RosterSeat.query(on: db).filter(\.$rosterID ~~ rosters).filter(\.$staffID == staffID)
            .filter(\.$endsAt > from).filter(\.$startsAt < to).sort(\.$startsAt).all()
    }

    /// The unit's saved posts, for names and order; none when it has no set-up.
    static func posts(of unitID: UUID, on db: any Database) async throws -> [DutyPost] {
        try await DutySetup.query(on: db).filter(\.$unitID == unitID).first()?.decodedPosts() ?? []
    }

    /// The people who can be put on the unit's rosters: everyone who has not left, by name.
    static func rosterableStaff(of unitID: UUID, on db: any Database) async throws -> [StaffMember] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .sort(\.$nameFolded).all()
    }
}
