import AnToanCore
import Foundation
import Vapor

/// /api/v1/gate: check-in and check-out, who is inside now, a visit, and the watchlist. Every read of visitors'
/// personal data is logged.
struct GateAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("gate", "visits", use: checkIn)
        routes.get("gate", "visits", ":id", use: show)
        routes.post("gate", "visits", ":id", "check-out", use: checkOut)
        routes.get("gate", "inside", use: inside)
        routes.get("gate", "watchlist", use: watchlist)
        routes.post("gate", "watchlist", use: addWatch)
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let input = try req.decodeJSON(VisitCheckInRequest.self)
        let visit = try await GateService.checkIn(input.input, by: principal, on: req.application)
        return try await dto(visit, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> VisitDTO {
        let principal = try req.principal()
        guard principal.canSeeGate else { throw AppError.forbidden }
        let visit = try await GateQueries.visit(try req.idParameter(), in: principal.scope, on: req.db)
        try await VisitorData.logRead([visit], .apiVisit, by: principal, on: req.application)
        return try await dto(visit, req)
    }

    @Sendable func checkOut(req: Request) async throws -> VisitDTO {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let visit = try await GateService.checkOut(try req.idParameter(), by: principal, on: req.application)
        return try await dto(visit, req)
    }

    /// Of one unit with `unit`; else of the whole scope.
    @Sendable func inside(req: Request) async throws -> InsideListDTO {
        let principal = try req.principal()
        guard principal.canSeeGate else { throw AppError.forbidden }
        var unitID: UUID?
        if let text = req.query[String.self, at: "unit"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalidFields([FieldError(field: "unit", reason: .notFound)])
            }
            unitID = try await GateService.topUnit(id, in: principal.scope, on: req.db).requireID()
        }
        let visits = try await GateQueries.inside(in: principal.scope, unitID: unitID, on: req.db)
        try await VisitorData.logRead(visits, .apiInside, by: principal, on: req.application)
        let names = try await GateQueries.unitNames(of: visits, on: req.db)
        let now = req.application.clock.now()
        let rows = visits.map { VisitDTO($0, unitName: names[$0.unitID] ?? "", now: now, lang: req.apiLanguage) }
        return InsideListDTO(at: now, count: rows.count, overstaying: rows.count(where: \.overstaying), visitors: rows)
    }

    @Sendable func watchlist(req: Request) async throws -> WatchListDTO {
        let principal = try req.principal(allowedTo: .manageWatchlist)
        let entries = try await GateQueries.watchEntries(in: principal.scope, on: req.db)
        return WatchListDTO(entries: entries.map(WatchEntryDTO.init))
    }

    @Sendable func addWatch(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWatchlist)
        let input = try req.decodeJSON(WatchEntryRequest.self)
        let entry = try await WatchlistService.add(input.input, by: principal, on: req.application)
        return try await WatchEntryDTO(entry).encodeResponse(status: .created, for: req)
    }

    private func dto(_ visit: Visit, _ req: Request) async throws -> VisitDTO {
        let names = try await GateQueries.unitNames(of: [visit], on: req.db)
        return VisitDTO(
            visit,
            unitName: names[visit.unitID] ?? "",
            now: req.application.clock.now(),
            lang: req.apiLanguage
        )
    }
}
