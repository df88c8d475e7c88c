import AnToanCore
import Foundation
import Vapor

/// The watchlist (GATE-3): a unit's, or an authority's for its area.
extension GateController {
    @Sendable func watchlist(req: Request) async throws -> Response {
        try await renderWatchlist(req, failed: nil)
    }

    private func renderWatchlist(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWatchlist)
        let lang = req.pageLanguage
        let entries = try await GateQueries.watchEntries(in: principal.scope, on: req.db)
        let names = try await OrganisationQueries.unitNames(Set(entries.compactMap(\.unitID)), on: req.db)
        var addsTo: String?
        switch principal.scope {
        case .unit(let unit, _):
            addsTo = try await OrganisationQueries.unit(unit, in: principal.scope, on: req.db).name
        case .area: addsTo = lang("cả địa bàn quản lý", "the whole area")
        case .everything: addsTo = nil
        }
        let model = WatchlistPage.Model(
            entries: entries,
            addsTo: addsTo,
            ownUnit: Self.ownUnit(principal),
            unitNames: names,
            failed: failed
        )
        return req.page(
            lang("Danh sách theo dõi", "Watchlist"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { WatchlistPage.view(model, $0) }
    }

    @Sendable func addWatch(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWatchlist)
        let values = req.formValues
        let input = WatchInput(
            unitID: nil,
            documentNumber: values["document_number"],
            fullName: values["full_name"],
            birthDate: values["birth_date"],
            reason: values["reason"]
        )
        do {
            try await WatchlistService.add(input, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            return try await renderWatchlist(
                req,
                failed: FormFailure(form: WatchlistPage.formName, errors: errors, values: values)
            )
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã thêm vào danh sách.", "Added to the list."))
        return req.redirect(to: .gate(.watchlist), flash: flash)
    }

    @Sendable func removeWatch(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWatchlist)
        try await WatchlistService.remove(try req.idParameter(), by: principal, on: req.application)
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã bỏ khỏi danh sách.", "Removed from the list."))
        return req.redirect(to: .gate(.watchlist), flash: flash)
    }
}
