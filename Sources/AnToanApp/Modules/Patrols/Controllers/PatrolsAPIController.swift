import AnToanCore
import Foundation
import Vapor

/// /api/v1/patrols: routes with their checkpoints (and the links their labels carry), the rounds of a day with
/// each checkpoint's state, and scans kept offline by an app, sent in a batch.
struct PatrolsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patrols", "routes", use: listRoutes)
        routes.post("patrols", "routes", use: createRoute)
        routes.get("patrols", "routes", ":id", use: showRoute)
        routes.post("patrols", "routes", ":id", "checkpoints", use: addCheckpoint)
        routes.get("patrols", "rounds", use: listRounds)
        routes.get("patrols", "rounds", ":id", use: showRound)
        routes.post("patrols", "scans", use: scans)
    }

    @Sendable func listRoutes(req: Request) async throws -> PatrolRouteListDTO {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let routes = try await PatrolQueries.routes(in: principal.scope, on: req.db).sort(\.$name).limit(500).all()
        var out: [PatrolRouteDTO] = []
        for route in routes { out.append(try await dto(route, req)) }
        return PatrolRouteListDTO(routes: out)
    }

    @Sendable func createRoute(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let input = try req.decodeJSON(PatrolRouteAPIInput.self)
        guard let unitID = input.unitId ?? IncidentsController.ownUnit(principal) else {
            throw AppError.invalidFields([FieldError(field: "unit_id", reason: .required)])
        }
        let route = try await PatrolService.createRoute(unit: unitID, input.input, by: principal, on: req.application)
        return try await dto(route, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func showRoute(req: Request) async throws -> PatrolRouteDTO {
        let principal = try req.principal(allowedTo: .viewPatrols)
        return try await dto(try await PatrolQueries.route(try req.idParameter(), in: principal.scope, on: req.db), req)
    }

    @Sendable func addCheckpoint(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let id = try req.idParameter()
        _ = try await PatrolQueries.route(id, in: principal.scope, on: req.db)
        let input = try req.decodeJSON(PatrolCheckpointAPIInput.self)
        let checkpoint = try await PatrolService.addCheckpoint(
            route: id,
            input.input,
            by: principal,
            on: req.application
        )
        return try await PatrolCheckpointDTO(
            checkpoint,
            baseURL: req.application.appConfig.baseURL,
            secret: req.application.secret
        )
        .encodeResponse(status: .created, for: req)
    }

    /// The rounds of a schedule day (`day`, today by default) in the caller's scope.
    @Sendable func listRounds(req: Request) async throws -> PatrolRoundListDTO {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let day = checker.date("day", try? req.query.get(String.self, at: "day")) ?? VietnamTime.day(of: now).iso
        try checker.check()
        let rounds = try await PatrolQueries.rounds(on: day, in: principal.scope, on: req.db)
        let names = try await PatrolQueries.routeNames(Set(rounds.map(\.routeID)), on: req.db)
        return PatrolRoundListDTO(
            rounds: try rounds.prefix(1_000).map {
                try PatrolRoundDTO($0, routeName: names[$0.routeID] ?? "", checkpoints: [])
            }
        )
    }

    @Sendable func showRound(req: Request) async throws -> PatrolRoundDTO {
        let principal = try req.principal(allowedTo: .viewPatrols)
        return try await PatrolRoundDetail.load(
            try req.idParameter(),
            in: principal.scope,
            now: req.application.clock.now(),
            on: req.db
        ).dto
    }

    /// Scans an app kept offline (see the scan page's sync for the browser).
    @Sendable func scans(req: Request) async throws -> PatrolBatchDTO {
        let principal = try req.principal(allowedTo: .walkPatrols)
        let input = try req.decodeJSON(PatrolScanBatchInput.self)
        return PatrolBatchDTO(
            results: try await PatrolScanService.batch(input, by: principal, lang: req.apiLanguage, on: req.application)
        )
    }

    private func dto(_ route: PatrolRoute, _ req: Request) async throws -> PatrolRouteDTO {
        let checkpoints = try await PatrolQueries.checkpoints(of: try route.requireID(), on: req.db)
        let base = req.application.appConfig.baseURL
        let secret = req.application.secret
        return try PatrolRouteDTO(
            route,
            checkpoints: try checkpoints.map { try PatrolCheckpointDTO($0, baseURL: base, secret: secret) }
        )
    }
}
