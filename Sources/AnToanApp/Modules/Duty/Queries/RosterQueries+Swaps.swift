import AnToanCore
import Fluent
import Foundation

/// Swap requests as a manager decides them and as their requester follows them.
extension RosterQueries {
    /// A request with its roster, if the roster's unit is in `scope`; 404 otherwise.
    static func swap(_ id: UUID, in scope: Scope, on db: any Database) async throws -> (RosterSwap, Roster) {
        guard let swap = try await RosterSwap.find(id, on: db) else { throw AppError.notFound }
        return (swap, try await roster(swap.rosterID, in: scope, on: db))
    }

    /// Who holds a seat of the unit (a unit found through the scope); nil when the id names no seat of it.
    static func seatHolder(_ seatID: UUID, of unitID: UUID, on db: any Database) async throws -> UUID? {
        try await RosterSeat.query(on: db).filter(\.$id == seatID).filter(\.$unitID == unitID).first()?.staffID
    }

    /// Which of `seatIDs` are checked in: a seat checked in is no longer swapped.
    static func checkedIn(_ seatIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        var checked: Set<UUID> = []
        for chunk in SQLBatch.chunks(seatIDs) {
            checked.formUnion(try await DutyCheckIn.query(on: db).filter(\.$seatID ~~ chunk).all().map(\.seatID))
        }
        return checked
    }

    /// A person's latest swap requests, newest first, each with the seat it asks to give up.
    static func requests(
        from staff: StaffMember,
        limit: Int = 20,
        on db: any Database
    ) async throws -> [(swap: RosterSwap, seat: RosterSeat?)] {
        let swaps = try await RosterSwap.query(on: db).filter(\.$fromStaffID == staff.requireID())
            .sort(\.$createdAt, .descending).limit(limit).all()
        let seats = try await RosterSeat.query(on: db).filter(\.$id ~~ swaps.map(\.seatID)).all()
        return swaps.map { swap in (swap, seats.first { $0.id == swap.seatID }) }
    }
}
