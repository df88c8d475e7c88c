import AnToanCore
import Fluent
import Foundation
import Vapor

/// /api/v1: holidays, peak periods, a unit's duty set-up and its rosters.
struct DutyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("holidays", ":year", use: holidays)
        routes.put("holidays", ":year", use: confirmHolidays)
        routes.get("peak-periods", use: listPeaks)
        routes.post("peak-periods", use: declarePeak)
        routes.get("units", ":id", "duty-setup", use: setup)
        routes.put("units", ":id", "duty-setup", use: saveSetup)
        routes.get("units", ":id", "rosters", use: listRosters)
        routes.post("units", ":id", "rosters", use: generateRoster)
        routes.get("rosters", ":id", use: roster)
        routes.post("rosters", ":id", "publish", use: publish)
        routes.get("duty", "oversight", use: oversight)
    }

    /// Units in the caller's scope that lack a leader or enough officers now, tonight or on the next holiday
    /// or peak day (`at`: an ISO 8601 instant, now by default).
    @Sendable func oversight(req: Request) async throws -> [UnitCoverDTO] {
        let principal = try req.principal(allowedTo: .oversee)
        let covers: [DutyOversight.UnitCover]
        if let text = try? req.query.get(String.self, at: "at") {
            guard let at = try? Date(text, strategy: .iso8601) else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "at",
                        reason: .invalid(
                            vi: "cần dạng 2027-02-05T08:00:00+07:00",
                            en: "needs the form 2027-02-05T08:00:00+07:00"
                        )
                    )
                ])
            }
            covers = try await DutyOversight.gaps(
                in: principal.scope,
                at: at,
                now: req.application.clock.now(),
                on: req.db
            )
        } else {
            covers = try await DutyOversight.current(
                in: principal.scope,
                head: try await AuditTrail.head(on: req.db).seq,
                on: req
            )
            .covers
        }
        return covers.map(UnitCoverDTO.init)
    }

    /// The year's days off: the confirmed schedule, or the computed proposal (confirmed = false).
    @Sendable func holidays(req: Request) async throws -> [HolidayDTO] {
        _ = try req.principal(allowedTo: .viewRosters)
        return try await DutyCalendar.daysOff(year: try req.yearParameter(), on: req.db).map(HolidayDTO.init)
    }

    @Sendable func confirmHolidays(req: Request) async throws -> [HolidayDTO] {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let input = try req.decodeJSON(HolidayInput.self)
        return try await DutyCalendar.confirm(year: try req.yearParameter(), days: input.days, by: principal, on: req)
            .map(HolidayDTO.init)
    }

    /// Peak periods that concern the caller: an authority sees those in its area, below it and above it;
    /// a unit those over its own area.
    @Sendable func listPeaks(req: Request) async throws -> [PeakPeriodDTO] {
        let principal = try req.principal(allowedTo: .viewRosters)
        return try await PeakPeriodQueries.visible(in: principal.scope, on: req.db).map(PeakPeriodDTO.init)
    }

    @Sendable func declarePeak(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .declarePeakPeriod)
        let peak = try await DutyCalendar.declarePeak(try req.decodeJSON(PeakPeriodInput.self), by: principal, on: req)
        return try await PeakPeriodDTO(peak).encodeResponse(status: .created, for: req)
    }

    @Sendable func setup(req: Request) async throws -> DutySetupDTO {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await topUnit(req, principal)
        let id = try unit.requireID()
        return DutySetupDTO(
            unitId: id,
            posts: try await RosterQueries.posts(of: id, on: req.db),
            approvalRequired: try await RosterQueries.approvalRequired(of: id, on: req.db)
        )
    }

    @Sendable func saveSetup(req: Request) async throws -> DutySetupDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await topUnit(req, principal)
        let input = try req.decodeJSON(DutySetupInput.self)
        let posts = try input.dutyPosts()
        let id = try unit.requireID()
        try await RosterService.saveSetup(posts, approval: input.approvalRequired, of: id, by: principal, on: req)
        return DutySetupDTO(
            unitId: id,
            posts: posts,
            approvalRequired: try await RosterQueries.approvalRequired(of: id, on: req.db)
        )
    }

    @Sendable func listRosters(req: Request) async throws -> [RosterDTO] {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await topUnit(req, principal)
        return try await RosterQueries.rosters(of: unit.requireID(), on: req.db).map { try RosterDTO($0) }
    }

    /// Solves a draft roster; one that cannot cover everything still comes back, with a reason per open seat.
    @Sendable func generateRoster(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await topUnit(req, principal)
        let input = try req.decodeJSON(RosterRequest.self)
        let roster = try await RosterService.generate(input, for: unit, by: principal, on: req)
        return try await RosterDTO(roster, seats: try await seats(of: roster, on: req.db))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func roster(req: Request) async throws -> RosterDTO {
        let principal = try req.principal(allowedTo: .viewRosters)
        let roster = try await scopedRoster(req, principal)
        return try RosterDTO(roster, seats: try await seats(of: roster, on: req.db))
    }

    /// Publishes; a roster with open seats needs `confirm_open_seats: true` (422 naming it otherwise), and one of
    /// a unit that requires trình ký needs its head's approval. No body is the same as `{}`.
    @Sendable func publish(req: Request) async throws -> RosterDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let roster = try await scopedRoster(req, principal)
        let input =
            (req.body.data?.readableBytes ?? 0) > 0 ? try req.decodeJSON(RosterPublishInput.self) : RosterPublishInput()
        try await RosterService.publish(
            roster,
            confirmOpenSeats: input.confirmOpenSeats == true,
            by: principal,
            on: req
        )
        return try RosterDTO(try await scopedRoster(req, principal))
    }

    /// The unit of the path if the caller may see it; rosters belong to top-level units, not departments.
    private func topUnit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
    }

    private func scopedRoster(_ req: Request, _ principal: Principal) async throws -> Roster {
        try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
    }

    private func seats(of roster: Roster, on db: any Database) async throws -> [RosterSeatDTO] {
        let seats = try await RosterQueries.seats(of: roster.requireID(), on: db)
        let names = try await OrganisationQueries.staffNames(Set(seats.map(\.staffID)), on: db)
        return seats.map {
            RosterSeatDTO(
                day: DayDTO($0.date),
                shift: $0.shift,
                post: $0.post,
                role: $0.role,
                staffId: $0.staffID,
                staffName: names[$0.staffID] ?? "",
                startsAt: $0.startsAt,
                endsAt: $0.endsAt,
                id: $0.id
            )
        }
    }
}

extension Request {
    /// The `:year` of the path, 1900–2199 (the lunar calendar's range).
    func yearParameter() throws -> Int {
        guard let year = parameters.get("year").flatMap(Int.init), (1900...2199).contains(year) else {
            throw AppError.invalidFields([
                FieldError(field: "year", reason: .invalid(vi: "năm từ 1900 đến 2199", en: "a year from 1900 to 2199"))
            ])
        }
        return year
    }
}
