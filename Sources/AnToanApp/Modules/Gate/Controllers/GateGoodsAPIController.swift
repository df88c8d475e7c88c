import AnToanCore
import Foundation
import Vapor

/// /api/v1/gate/release-notes and /api/v1/gate/vehicles: goods release notes drafted, decided and let out, and the
/// vehicle log. Every read of carriers' or drivers' personal data is logged.
struct GateGoodsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("gate", "release-notes", use: notes)
        routes.post("gate", "release-notes", use: draft)
        routes.get("gate", "release-notes", ":id", use: note)
        routes.post("gate", "release-notes", ":id", "approve", use: approve)
        routes.post("gate", "release-notes", ":id", "refuse", use: refuse)
        routes.post("gate", "release-notes", ":id", "release", use: release)
        routes.get("gate", "vehicles", use: vehicles)
        routes.post("gate", "vehicles", use: checkIn)
        routes.post("gate", "vehicles", ":id", "check-out", use: checkOut)
    }

    /// The notes the caller may see; of one status with `status`.
    @Sendable func notes(req: Request) async throws -> ReleaseNoteListDTO {
        let principal = try req.principal()
        var status: ReleaseNote.Status?
        if let text = req.query[String.self, at: "status"], !text.isEmpty {
            var checker = FieldChecker()
            status = checker.choice("status", text, ReleaseNote.Status.self)
            try checker.check()
        }
        let notes = try await GateGoodsQueries.notes(
            in: principal.scope,
            drafter: try await GateGoodsController.seesAllNotes(principal, on: req.db) ? nil : principal.id,
            status: status,
            on: req.db
        )
        try await VisitorData.logRead(notes: notes, .apiGoods, by: principal, on: req.application)
        let names = try await GateGoodsQueries.unitNames(notes.map(\.unitID), on: req.db)
        let rows = notes.map { ReleaseNoteDTO($0, unitName: names[$0.unitID] ?? "", lang: req.apiLanguage) }
        return ReleaseNoteListDTO(count: rows.count, notes: rows)
    }

    @Sendable func draft(req: Request) async throws -> Response {
        let principal = try req.principal()
        let input = try req.decodeJSON(ReleaseNoteRequest.self)
        let note = try await ReleaseNoteService.draft(input.input, by: principal, on: req.application)
        return try await dto(note, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func note(req: Request) async throws -> ReleaseNoteDTO {
        let principal = try req.principal()
        let note = try await GateGoodsController.visibleNote(try req.idParameter(), principal, on: req.db)
        try await VisitorData.logRead(notes: [note], .apiGoods, by: principal, on: req.application)
        return try await dto(note, req)
    }

    @Sendable func approve(req: Request) async throws -> ReleaseNoteDTO {
        let principal = try req.principal()
        let note = try await ReleaseNoteService.approve(try req.idParameter(), by: principal, on: req.application)
        return try await dto(note, req)
    }

    @Sendable func refuse(req: Request) async throws -> ReleaseNoteDTO {
        let principal = try req.principal()
        let id = try req.idParameter()
        let input = try req.decodeJSON(ReleaseRefusalRequest.self)
        let note = try await ReleaseNoteService.refuse(
            id,
            reason: input.refusalReason,
            by: principal,
            on: req.application
        )
        return try await dto(note, req)
    }

    @Sendable func release(req: Request) async throws -> ReleaseNoteDTO {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let note = try await ReleaseNoteService.release(try req.idParameter(), by: principal, on: req.application)
        return try await dto(note, req)
    }

    /// The vehicles inside now; of one unit with `unit`.
    @Sendable func vehicles(req: Request) async throws -> VehiclesInsideDTO {
        let principal = try GateController.gatePrincipal(req)
        var unitID: UUID?
        if let text = req.query[String.self, at: "unit"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalidFields([FieldError(field: "unit", reason: .notFound)])
            }
            unitID = try await GateService.topUnit(id, in: principal.scope, on: req.db).requireID()
        }
        let passes = try await GateGoodsQueries.vehiclesInside(in: principal.scope, unitID: unitID, on: req.db)
        try await VisitorData.logRead(vehicles: passes, .apiVehicles, by: principal, on: req.application)
        let names = try await GateGoodsQueries.unitNames(passes.map(\.unitID), on: req.db)
        let rows = passes.map { VehiclePassDTO($0, unitName: names[$0.unitID] ?? "") }
        return VehiclesInsideDTO(at: req.application.clock.now(), count: rows.count, vehicles: rows)
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let input = try req.decodeJSON(VehicleCheckInRequest.self)
        let pass = try await VehicleService.checkIn(input.input, by: principal, on: req.application)
        return try await dto(pass, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func checkOut(req: Request) async throws -> VehiclePassDTO {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let pass = try await VehicleService.checkOut(try req.idParameter(), by: principal, on: req.application)
        return try await dto(pass, req)
    }

    private func dto(_ note: ReleaseNote, _ req: Request) async throws -> ReleaseNoteDTO {
        let names = try await GateGoodsQueries.unitNames([note.unitID], on: req.db)
        return ReleaseNoteDTO(note, unitName: names[note.unitID] ?? "", lang: req.apiLanguage)
    }

    private func dto(_ pass: VehiclePass, _ req: Request) async throws -> VehiclePassDTO {
        let names = try await GateGoodsQueries.unitNames([pass.unitID], on: req.db)
        return VehiclePassDTO(pass, unitName: names[pass.unitID] ?? "")
    }
}
