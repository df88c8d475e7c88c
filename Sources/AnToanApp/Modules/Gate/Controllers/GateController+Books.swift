import AnToanCore
import Foundation
import Vapor

/// The gate's records (GATE-2, GATE-4): the roll-call and the sổ khách to print, and the unit's retention rule
/// with the log of who read visitors' data.
extension GateController {
    @Sendable func rollCall(req: Request) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let visits = try await GateQueries.inside(in: principal.scope, on: req.db)
        try await VisitorData.logRead(visits, .rollCall, by: principal, on: req.application)
        let (name, place) = try await Self.heading(principal, req)
        let model = GatePrintPages.RollCall(
            unitName: name,
            place: place,
            now: req.application.clock.now(),
            visits: visits,
            unitNames: try await GateQueries.unitNames(of: visits, on: req.db),
            showUnit: Self.ownUnit(principal) == nil
        )
        return Self.html(GatePrintPages.rollCall(model, lang: req.pageLanguage))
    }

    @Sendable func book(req: Request) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let lang = req.pageLanguage
        guard let unitID = Self.ownUnit(principal) else {
            throw AppError.badRequest(
                vi: "Sổ khách là sổ của một đơn vị: hãy mở từ tài khoản của đơn vị.",
                en: "The visitor book is a unit's: open it from an account of the unit."
            )
        }
        let period = BookPeriod(req)
        let visits =
            period.isValid
            ? try await GateQueries.book(of: unitID, from: period.from, to: period.to, on: req.db) : []
        try await VisitorData.logRead(visits, .book, by: principal, on: req.application)
        let (name, place) = try await Self.heading(principal, req)
        let model = GatePrintPages.Book(
            unitName: name,
            place: place,
            period: period,
            visits: visits
        )
        let response = Self.html(GatePrintPages.book(model, lang: lang))
        if !period.isValid { response.status = .unprocessableEntity }
        return response
    }

    /// The unit's name and its area's, for the heading of a printed page.
    static func heading(_ principal: Principal, _ req: Request) async throws -> (String, String) {
        guard let unitID = Self.ownUnit(principal) else { return ("", "") }
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        return (unit.name, try await OrganisationQueries.areaName(of: unit, on: req.db))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: text))
    }

    @Sendable func data(req: Request) async throws -> Response {
        try await renderData(req, failed: nil)
    }

    private func renderData(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageVisitorData)
        let unitID = Self.ownUnit(principal)
        let reads = try await GateQueries.reads(in: principal.scope, on: req.db)
        let model = VisitorDataPage.Model(
            retentionDays: try await unitID.asyncMap { try await GateQueries.retentionDays(of: $0, on: req.db) },
            reads: reads,
            unitNames: try await OrganisationQueries.unitNames(Set(reads.map(\.unitID)), on: req.db),
            showUnit: unitID == nil,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Dữ liệu cá nhân của khách", "Visitors' personal data"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { VisitorDataPage.view(model, $0) }
    }

    @Sendable func setRetention(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageVisitorData)
        guard let unitID = Self.ownUnit(principal) else { throw AppError.notFound }
        let values = req.formValues
        do {
            try await VisitorData.setRetention(
                values["retention_days"],
                unitID: unitID,
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(
                form: VisitorDataPage.formName,
                errors: errors,
                values: ["retention_days": values["retention_days"] ?? ""]
            )
            return try await renderData(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã lưu thời hạn.", "Retention saved."))
        return req.redirect(to: .gate(.data), flash: flash)
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
