import AnToanCore
import Fluent
import Foundation
import Vapor

/// /api/v1: hand edits of seats, swap requests and one's own shifts.
struct RosterEditAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.put("roster-seats", ":id", use: editSeat)
        routes.post("roster-seats", ":id", "swaps", use: requestSwap)
        routes.get("rosters", ":id", "swaps", use: swaps)
        routes.post("swaps", ":id", "approve") { req in try await decide(req, approve: true) }
        routes.post("swaps", ":id", "reject") { req in try await decide(req, approve: false) }
        routes.get("my-shifts", use: myShifts)
    }

    /// Puts another person in a seat; refused with the broken rule, nothing written, when the checker objects.
    @Sendable func editSeat(req: Request) async throws -> RosterSeatDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let (seat, _) = try await RosterQueries.seat(try req.idParameter(), in: principal.scope, on: req.db)
        let input = try req.decodeJSON(SeatEditInput.self)
        guard let staffID = input.staffId else { throw AppError.notFound }
        try await RosterEdits.replace(seat, with: staffID, by: principal, on: req)
        return try await dto(seat, on: req.db)
    }

    @Sendable func requestSwap(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOwnShifts)
        let (seat, _) = try await RosterQueries.seat(try req.idParameter(), in: principal.scope, on: req.db)
        guard let me = try await RosterQueries.linkedStaff(of: principal, on: req.db) else { throw AppError.forbidden }
        let input = try req.decodeJSON(SwapInput.self)
        let swap = try await RosterSwaps.request(
            RosterSwaps.Request(toStaffID: input.toStaffId, otherSeatID: input.otherSeatId, note: input.note),
            for: seat,
            from: me,
            by: principal,
            on: req
        )
        return try await RosterSwapDTO(swap).encodeResponse(status: .created, for: req)
    }

    @Sendable func swaps(req: Request) async throws -> [RosterSwapDTO] {
        let principal = try req.principal(allowedTo: .viewRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        return try await RosterQueries.swaps(of: try roster.requireID(), on: req.db).map(RosterSwapDTO.init)
    }

    func decide(_ req: Request, approve: Bool) async throws -> RosterSwapDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let (swap, _) = try await RosterQueries.swap(try req.idParameter(), in: principal.scope, on: req.db)
        if approve {
            try await RosterSwaps.approve(swap, by: principal, on: req)
        } else {
            try await RosterSwaps.reject(swap, by: principal, on: req)
        }
        return try RosterSwapDTO(swap)
    }

    /// The caller's published seats of the next 30 days; empty when the account is linked to no staff record.
    @Sendable func myShifts(req: Request) async throws -> [RosterSeatDTO] {
        let principal = try req.principal(allowedTo: .viewOwnShifts)
        guard let me = try await RosterQueries.linkedStaff(of: principal, on: req.db) else { return [] }
        let now = req.application.clock.now()
        let seats = try await RosterQueries.publishedSeats(
            of: me,
            from: now,
            to: now.addingTimeInterval(Double(MyShiftsController.pageDays) * 86_400),
            on: req.db
        )
        var result: [RosterSeatDTO] = []
        for seat in seats { result.append(try await dto(seat, on: req.db)) }
        return result
    }

    private func dto(_ seat: RosterSeat, on db: any Database) async throws -> RosterSeatDTO {
        let names = try await OrganisationQueries.staffNames([seat.staffID], on: db)
        return RosterSeatDTO(
            day: DayDTO(seat.date),
            shift: seat.shift,
            post: seat.post,
            role: seat.role,
            staffId: seat.staffID,
            staffName: names[seat.staffID] ?? "",
            startsAt: seat.startsAt,
            endsAt: seat.endsAt,
            id: seat.id
        )
    }
}
