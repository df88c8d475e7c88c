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
        let period = BookPeriod(req)
        var notes: [ReleaseNote] = []
        var vehicles: [VehiclePass] = []
        if period.isValid {
            notes = try await GateGoodsQueries.released(of: unitID, from: period.from, to: period.to, on: req.db)
            vehicles = try await GateGoodsQueries.vehicleBook(of: unitID, from: period.from, to: period.to, on: req.db)
        }
        try await VisitorData.logRead(notes: notes, .goodsBook, by: principal, on: req.application)
        try await VisitorData.logRead(vehicles: vehicles, .goodsBook, by: principal, on: req.application)
        let (name, place) = try await GateController.heading(principal, req)
        let model = GoodsBookPrint.Model(unitName: name, place: place, period: period, notes: notes, vehicles: vehicles)
        let response = GateController.html(GoodsBookPrint.render(model, lang: req.pageLanguage))
        if !period.isValid { response.status = .unprocessableEntity }
        return response
    }
}
