import AnToanCore
import Foundation
import Vapor

/// /api/v1/incidents: the incidents of the caller's scope, a report (JSON, without photos), an acknowledgement
/// and a step of the response.
struct IncidentsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("incidents", use: list)
        routes.post("incidents", use: create)
        routes.get("incidents", ":id", use: show)
        routes.post("incidents", ":id", "acknowledge", use: acknowledge)
        routes.post("incidents", ":id", "steps", use: step)
    }

    /// Filtered by kind, severity, state (a stage, or `open`), from–to (days of occurrence) and unit.
    @Sendable func list(req: Request) async throws -> IncidentListDTO {
        let principal = try req.principal(allowedTo: .reportIncident)
        let filter = try IncidentFilter(query: req)
        let list = try await IncidentQueries.list(filter, in: principal.scope, on: req.db)
        return IncidentListDTO(
            total: list.total,
            countsByKind: list.countsByKind.map { .init(kind: $0.kind.rawValue, count: $0.count) },
            incidents: list.rows
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .reportIncident)
        let input = try req.decodeJSON(IncidentReportInput.self)
        let incident = try await IncidentService.report(input.input, by: principal, on: req.application)
        let detail = try await IncidentQueries.detail(
            try incident.requireID(),
            in: principal.scope,
            reader: principal.id,
            on: req.db
        )
        return try await IncidentDTO(detail).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> IncidentDTO {
        let principal = try req.principal(allowedTo: .reportIncident)
        let detail = try await IncidentQueries.detail(
            try req.idParameter(),
            in: principal.scope,
            reader: principal.id,
            on: req.db
        )
        return IncidentDTO(detail)
    }

    /// Idempotent: a second call answers the same, with `already_acknowledged`.
    @Sendable func acknowledge(req: Request) async throws -> IncidentAcknowledgementDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let done = try await IncidentResponse.acknowledge(try req.idParameter(), by: principal, on: req.application)
        return IncidentAcknowledgementDTO(acknowledged: true, alreadyAcknowledged: !done)
    }

    @Sendable func step(req: Request) async throws -> IncidentDTO {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let id = try req.idParameter()
        let input = try req.decodeJSON(IncidentStepRequest.self)
        try await IncidentResponse.step(id, input.input, by: principal, on: req.application)
        return IncidentDTO(try await IncidentQueries.detail(id, in: principal.scope, reader: principal.id, on: req.db))
    }
}

extension IncidentFilter {
    /// The filter of a list's query string: kind, severity, state (a stage or `open`), from, to (dd/MM/yyyy or
    /// yyyy-MM-dd) and unit; a value that is not one of the accepted ones is a 422 naming the field.
    init(query req: Request) throws {
        var checker = FieldChecker()
        let value = { (name: String) in req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        kind = checker.choice("kind", value("kind"), IncidentKind.self, optional: true)
        severity = checker.choice("severity", value("severity"), IncidentSeverity.self, optional: true)
        if value("state") == "open" {
            openOnly = true
        } else {
            stage = checker.choice("state", value("state"), IncidentStage.self, optional: true)
        }
        from = checker.date("from", value("from")).flatMap { SolarDate(iso: $0) }
        to = checker.date("to", value("to")).flatMap { SolarDate(iso: $0) }
        if let unit = value("unit") {
            if let id = UUID(uuidString: unit) { unitID = id } else { checker.add("unit", .notFound) }
        }
        try checker.check()
    }
}
