import AnToanCore
import Foundation
import Vapor

/// /api/v1/equipment: the registry of the caller's scope, an item with its permits, and the writes.
struct EquipmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("equipment", use: list)
        routes.get("equipment", "transfers", use: transfers)
        routes.post("equipment", "transfers", use: recordTransfer)
        routes.get("equipment", "transfers", ":id", use: transfer)
        routes.post("equipment", use: create)
        routes.get("equipment", ":id", use: item)
        routes.put("equipment", ":id", use: update)
        routes.post("equipment", ":id", "status", use: status)
        routes.post("equipment", ":id", "permits", use: addPermit)
        routes.delete("equipment", "permits", ":id", use: removePermit)
    }

    @Sendable func list(req: Request) async throws -> EquipmentListDTO {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let filter = try EquipmentController.filter(req)
        let (items, total) = try await EquipmentQueries.list(filter, in: principal.scope, on: req.db)
        let names = try await EquipmentQueries.names(for: items, posts: false, on: req.db)
        return EquipmentListDTO(
            total: total,
            page: filter.page,
            items: items.map { EquipmentItemDTO($0, names: names, permits: nil, lang: req.apiLanguage) }
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let body = try req.decodeJSON(EquipmentItemRequest.self)
        guard let unitID = body.unitId ?? GateController.ownUnit(principal) else {
            throw AppError.invalidFields([FieldError(field: "unit_id", reason: .required)])
        }
        let item = try await EquipmentRegistry.create(body.input(unitID: unitID), by: principal, on: req.application)
        return try await dto(item, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func item(req: Request) async throws -> EquipmentItemDTO {
        let principal = try req.principal(allowedTo: .viewEquipment)
        return try await dto(
            try await EquipmentQueries.item(try req.idParameter(), in: principal.scope, on: req.db),
            req
        )
    }

    @Sendable func update(req: Request) async throws -> EquipmentItemDTO {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let id = try req.idParameter()
        let existing = try await EquipmentQueries.item(id, in: principal.scope, on: req.db)
        let body = try req.decodeJSON(EquipmentItemRequest.self)
        let item = try await EquipmentRegistry.update(
            id,
            body.input(unitID: existing.unitID),
            by: principal,
            on: req.application
        )
        return try await dto(item, req)
    }

    @Sendable func status(req: Request) async throws -> EquipmentItemDTO {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let body = try req.decodeJSON(EquipmentStatusRequest.self)
        let item = try await EquipmentRegistry.setStatus(
            try req.idParameter(),
            to: body.status,
            by: principal,
            on: req.application
        )
        return try await dto(item, req)
    }

    @Sendable func addPermit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let id = try req.idParameter()
        let body = try req.decodeJSON(EquipmentPermitRequest.self)
        let permit = try await EquipmentRegistry.addPermit(id, body.input, by: principal, on: req.application)
        return try await EquipmentPermitDTO(permit).encodeResponse(status: .created, for: req)
    }

    @Sendable func removePermit(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal(allowedTo: .manageEquipment)
        try await EquipmentRegistry.removePermit(try req.idParameter(), by: principal, on: req.application)
        return .noContent
    }

    /// The latest receipts and issues of the caller's scope.
    @Sendable func transfers(req: Request) async throws -> EquipmentTransferListDTO {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let found = try await EquipmentQueries.transfers(in: principal.scope, on: req.db).sort(\.$onDay, .descending)
            .sort(\.$createdAt, .descending).limit(300).all()
        let rows = found.map { EquipmentTransferDTO($0, documents: [], lang: req.apiLanguage) }
        return EquipmentTransferListDTO(count: rows.count, transfers: rows)
    }

    @Sendable func recordTransfer(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        guard let unitID = GateController.ownUnit(principal) else { throw AppError.forbidden }
        let body = try req.decodeJSON(EquipmentTransferRequest.self)
        let transfer = try await EquipmentTransfers.record(
            body.input(unitID: unitID),
            by: principal,
            on: req.application
        )
        return try await EquipmentTransferDTO(transfer, documents: [], lang: req.apiLanguage)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func transfer(req: Request) async throws -> EquipmentTransferDTO {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let transfer = try await EquipmentQueries.transfer(try req.idParameter(), in: principal.scope, on: req.db)
        let documents = try await EquipmentQueries.documents(of: try transfer.requireID(), on: req.db)
        return EquipmentTransferDTO(transfer, documents: documents, lang: req.apiLanguage)
    }

    private func dto(_ item: EquipmentItem, _ req: Request) async throws -> EquipmentItemDTO {
        EquipmentItemDTO(
            item,
            names: try await EquipmentQueries.names(for: [item], posts: false, on: req.db),
            permits: try await EquipmentQueries.permits(of: try item.requireID(), on: req.db),
            lang: req.apiLanguage
        )
    }
}
