import AnToanCore
import Foundation
import Vapor

/// The sổ xuất–nhập of a period: the goods let out on release notes and the vehicles in and out, on a page of its
/// own to print, like the sổ khách.
extension GateGoodsController {
    @Sendable func book(req: Request) async throws -> Response {
        let principal = try GateController.gatePrincipal(req)
        guard let unitID = GateController.ownUnit(principal) else {
            throw AppError.badRequest(
                vi: "Sổ xuất–nhập là sổ của một đơn vị: hãy mở từ tài khoản của đơn vị.",
                en: "The goods and vehicle book is a unit's: open it from an account of the unit."
            )
        }
        var checker = FieldChecker()
        let today = VietnamTime.day(of: req.application.clock.now())
        let from = checker.date("from", req.query[String.self, at: "from"]).flatMap { SolarDate(iso: $0) } ?? today
        let to = checker.date("to", req.query[String.self, at: "to"]).flatMap { SolarDate(iso: $0) } ?? max(from, today)
        if to < from || from.days(to: to) > 366 {
            checker.add(
                "to",
                .invalid(vi: "cần sau ngày bắt đầu, tối đa một năm", en: "must follow the start, a year at most")
            )
        }
        var notes: [ReleaseNote] = []
        var vehicles: [VehiclePass] = []
        if checker.errors.isEmpty {
            notes = try await GateGoodsQueries.released(of: unitID, from: from, to: to, on: req.db)
            vehicles = try await GateGoodsQueries.vehicleBook(of: unitID, from: from, to: to, on: req.db)
        }
        try await VisitorData.logRead(notes: notes, .goodsBook, by: principal, on: req.application)
        try await VisitorData.logRead(vehicles: vehicles, .goodsBook, by: principal, on: req.application)
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        let model = GoodsBookPrint.Model(
            unitName: unit.name,
            place: try await OrganisationQueries.areaName(of: unit, on: req.db),
            today: today,
            from: from,
            to: to,
            notes: notes,
            vehicles: vehicles,
            errors: checker
        )
        let response = GateController.html(GoodsBookPrint.render(model, lang: req.pageLanguage))
        if !checker.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}
