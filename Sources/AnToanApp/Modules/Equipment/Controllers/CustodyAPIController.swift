import AnToanCore
import Foundation
import Vapor

/// /api/v1/equipment/custody, /certificates and /loss-reports: issues requested, decided, handed over, received
/// and returned; staff's training certificates; loss reports and their duties.
struct CustodyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("equipment", "custody", use: list)
        routes.post("equipment", "custody", use: request)
        routes.get("equipment", "custody", ":id", use: one)
        routes.post("equipment", "custody", ":id", "approve", use: approve)
        routes.post("equipment", "custody", ":id", "refuse", use: refuse)
        routes.post("equipment", "custody", ":id", "hand", use: hand)
        routes.post("equipment", "custody", ":id", "receive", use: receive)
        routes.post("equipment", "custody", ":id", "return", use: giveBack)
        routes.get("equipment", "certificates", use: certificates)
        routes.post("equipment", "certificates", use: addCertificate)
        routes.delete("equipment", "certificates", ":id", use: removeCertificate)
        routes.get("equipment", "loss-reports", use: lossReports)
        routes.post("equipment", "loss-reports", ":id", "head", use: headTold)
        routes.post("equipment", "loss-reports", ":id", "police", use: policeReported)
    }

    /// Who holds what now (and the requests under way), the longest overdue first; of one holder with `staff`.
    @Sendable func list(req: Request) async throws -> CustodyListDTO {
        let principal = try req.principal()
        var staff: UUID?
        if let text = req.query[String.self, at: "staff"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalidFields([FieldError(field: "staff", reason: .notFound)])
            }
            staff = id
        }
        let rows = try await CustodyAccess.open(principal, staff: staff, on: req.db)
        let now = req.application.clock.now()
        let items = try await CustodyQueries.items(rows.map(\.itemID), on: req.db)
        let dtos = rows.map { CustodyDTO($0, item: items[$0.itemID], now: now, lang: req.apiLanguage) }
        return CustodyListDTO(count: dtos.count, overdue: dtos.filter(\.overdue).count, custodies: dtos)
    }

    @Sendable func request(req: Request) async throws -> Response {
        let principal = try req.principal()
        let input = try req.decodeJSON(CustodyRequest.self)
        let custody = try await CustodyService.request(input.input, by: principal, on: req.application)
        return try await dto(custody, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func one(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        return try await dto(try await CustodyAccess.visible(try req.idParameter(), principal, on: req.db), req)
    }

    @Sendable func approve(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        return try await dto(
            try await CustodyService.approve(try req.idParameter(), by: principal, on: req.application),
            req
        )
    }

    @Sendable func refuse(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        let id = try req.idParameter()
        let input = try req.decodeJSON(CustodyRefusalRequest.self)
        let custody = try await CustodyService.refuse(
            id,
            reason: input.refusalReason,
            by: principal,
            on: req.application
        )
        return try await dto(custody, req)
    }

    @Sendable func hand(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        return try await dto(
            try await CustodyService.hand(try req.idParameter(), by: principal, on: req.application),
            req
        )
    }

    @Sendable func receive(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        let custody = try await CustodyService.receive(try req.idParameter(), by: principal, on: req.application)
        return try await dto(custody, req)
    }

    @Sendable func giveBack(req: Request) async throws -> CustodyDTO {
        let principal = try req.principal()
        let id = try req.idParameter()
        let input = try req.decodeJSON(CustodyReturnRequest.self)
        let custody = try await CustodyService.takeBack(
            id,
            condition: input.condition,
            note: input.note,
            by: principal,
            on: req.application
        )
        return try await dto(custody, req)
    }

    /// The certificates of the scope's staff.
    @Sendable func certificates(req: Request) async throws -> CertificateListDTO {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let rows = try await CustodyQueries.certificates(in: principal.scope, on: req.db)
        let names = try await OrganisationQueries.staffNames(Set(rows.map(\.staffID)), on: req.db)
        let dtos = rows.map { CertificateDTO($0, staffName: names[$0.staffID] ?? "") }
        return CertificateListDTO(count: dtos.count, certificates: dtos)
    }

    @Sendable func addCertificate(req: Request) async throws -> Response {
        let principal = try req.principal()
        let input = try req.decodeJSON(CertificateRequest.self)
        let certificate = try await TrainingCertificates.add(input.input, by: principal, on: req.application)
        let names = try await OrganisationQueries.staffNames([certificate.staffID], on: req.db)
        return try await CertificateDTO(certificate, staffName: names[certificate.staffID] ?? "")
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func removeCertificate(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal()
        try await TrainingCertificates.remove(try req.idParameter(), by: principal, on: req.application)
        return .noContent
    }

    /// The loss reports of the scope, the open ones only with `open=true`.
    @Sendable func lossReports(req: Request) async throws -> LossReportListDTO {
        let principal = try req.principal()
        guard principal.can(.manageEquipment) || principal.can(.oversee) else { throw AppError.forbidden }
        let openOnly = req.query[String.self, at: "open"] == "true"
        let rows = try await CustodyQueries.lossReports(in: principal.scope, openOnly: openOnly, on: req.db)
        return LossReportListDTO(count: rows.count, reports: rows.map(LossReportDTO.init))
    }

    @Sendable func headTold(req: Request) async throws -> LossReportDTO {
        let principal = try req.principal()
        let report = try await LossReports.markDone(
            try req.idParameter(),
            duty: .head,
            number: nil,
            date: nil,
            by: principal,
            on: req.application
        )
        return LossReportDTO(report)
    }

    @Sendable func policeReported(req: Request) async throws -> LossReportDTO {
        let principal = try req.principal()
        let id = try req.idParameter()
        let input = try req.decodeJSON(PoliceReportRequest.self)
        let report = try await LossReports.markDone(
            id,
            duty: .police,
            number: input.number,
            date: input.date,
            by: principal,
            on: req.application
        )
        return LossReportDTO(report)
    }

    private func dto(_ custody: EquipmentCustody, _ req: Request) async throws -> CustodyDTO {
        let item = try await CustodyQueries.item(of: custody, on: req.db)
        return CustodyDTO(custody, item: item, now: req.application.clock.now(), lang: req.apiLanguage)
    }
}
