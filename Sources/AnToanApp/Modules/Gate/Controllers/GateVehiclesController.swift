import AnToanCore
import Foundation
import Vapor

/// The vehicle log's page: the vehicles inside now with a check-out button each, and the check-in form.
struct GateVehiclesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(GateGoodsURL.vehicles.pattern.pathComponents, use: vehicles)
        routes.post(GateGoodsURL.vehicles.pattern.pathComponents, use: checkIn)
        routes.post(GateGoodsURL.vehicleCheckOut(.placeholder).pattern.pathComponents, use: checkOut)
    }

    @Sendable func vehicles(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try GateController.gatePrincipal(req)
        let unitID = GateController.ownUnit(principal)
        let canCheckIn = principal.can(.registerVisitors) && unitID != nil
        let passes = try await GateGoodsQueries.vehiclesInside(in: principal.scope, on: req.db)
        try await VisitorData.logRead(vehicles: passes, .vehiclesPage, by: principal, on: req.application)
        var unitName = ""
        var visits: [Visit] = []
        if let unitID {
            unitName = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db).name
            if canCheckIn {
                visits = try await GateQueries.inside(in: principal.scope, unitID: unitID, on: req.db)
                    .filter { !$0.held }
                try await VisitorData.logRead(visits, .vehiclesPage, by: principal, on: req.application)
            }
        }
        let model = VehiclesPage.Model(
            unitID: unitID,
            unitName: unitName,
            canCheckIn: canCheckIn,
            visits: visits.map { ($0.id?.uuidString.lowercased() ?? "", $0.fullName) },
            rows: passes,
            unitNames: try await GateGoodsQueries.unitNames(passes.map(\.unitID), on: req.db),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Xe ra vào", "Vehicles in and out"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { VehiclesPage.view(model, $0) }
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        var values = (try? req.content.decode([String: String].self)) ?? [:]
        values["_csrf"] = nil
        guard let unitID = values["unit_id"].flatMap(UUID.init(uuidString:)) ?? GateController.ownUnit(principal) else {
            throw AppError.notFound
        }
        var problems: [FieldError] = []
        var visitID: UUID?
        if let text = values["visit_id"], !text.isEmpty {
            visitID = UUID(uuidString: text)
            if visitID == nil { problems.append(FieldError(field: "visit_id", reason: .notFound)) }
        }
        let input = VehicleInput(
            unitID: unitID,
            plate: values["plate"],
            kind: values["kind"].nonEmpty,
            driverName: values["driver_name"],
            purpose: values["purpose"],
            visitID: visitID,
            problems: problems
        )
        do {
            let pass = try await VehicleService.checkIn(input, by: principal, on: req.application)
            let message = req.pageLanguage("Đã cho xe \(pass.plate) vào.", "Vehicle \(pass.plate) checked in.")
            return req.redirect(to: .gateGoods(.vehicles), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: VehiclesPage.formName, errors: FieldChecker(errors), values: values)
            return try await render(req, failed: failed)
        }
    }

    @Sendable func checkOut(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        do {
            let pass = try await VehicleService.checkOut(try req.idParameter(), by: principal, on: req.application)
            let message = req.pageLanguage("Đã cho xe \(pass.plate) ra.", "Vehicle \(pass.plate) checked out.")
            return req.redirect(to: .gateGoods(.vehicles), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                failed: FormFailure(form: "vehicle-out", errors: FieldChecker(errors), values: [:])
            )
        }
    }
}
