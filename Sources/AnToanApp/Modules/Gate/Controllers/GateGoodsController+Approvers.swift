import AnToanCore
import Foundation
import Vapor

/// The staff a unit names to approve its release notes: its head (or an administrator, who picks the unit first)
/// adds and removes them.
extension GateGoodsController {
    @Sendable func approvers(req: Request) async throws -> Response {
        try await renderApprovers(req, unitID: nil, failed: nil)
    }

    /// The unit whose list is kept: the account's own, else the one chosen (`unit` in the query or the form).
    private func chosenUnit(_ req: Request, _ principal: Principal, given: String?) async throws -> OrgUnit? {
        if let own = GateController.ownUnit(principal) {
            return try await GateService.topUnit(own, in: principal.scope, on: req.db)
        }
        guard let text = given, !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw AppError.notFound }
        return try await GateService.topUnit(id, in: principal.scope, on: req.db)
    }

    private func renderApprovers(_ req: Request, unitID: String?, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageReleaseApprovers)
        let unit = try await chosenUnit(req, principal, given: unitID ?? req.query[String.self, at: "unit"])
        var approvers: [(ReleaseApprover, StaffMember)] = []
        var candidates: [StaffMember] = []
        var units: [(String, String)] = []
        if let unit {
            let id = try unit.requireID()
            approvers = try await GateGoodsQueries.approvers(of: id, on: req.db)
            let named = Set(approvers.map(\.0.staffID))
            candidates = try await GateGoodsQueries.staff(of: id, on: req.db).filter {
                !named.contains($0.id ?? UUID())
            }
        } else {
            units = try await GateGoodsQueries.topUnits(in: principal.scope, on: req.db).map {
                ($0.id?.uuidString.lowercased() ?? "", $0.name)
            }
        }
        let model = ApproversPage.Model(
            unitID: try unit?.requireID(),
            unitName: unit?.name ?? "",
            units: units,
            approvers: approvers,
            candidates: candidates,
            chooses: GateController.ownUnit(principal) == nil,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Người duyệt phiếu xuất hàng", "Release note approvers"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { ApproversPage.view(model, $0) }
    }

    @Sendable func addApprover(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageReleaseApprovers)
        var values = (try? req.content.decode([String: String].self)) ?? [:]
        values["_csrf"] = nil
        guard let unit = try await chosenUnit(req, principal, given: values["unit_id"]) else {
            throw AppError.notFound
        }
        let unitID = try unit.requireID()
        do {
            try await ReleaseApprovers.add(values["staff_id"], unitID: unitID, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: ApproversPage.formName, errors: FieldChecker(errors), values: values)
            return try await renderApprovers(req, unitID: unitID.uuidString, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã thêm người duyệt.", "Approver added."))
        return Self.redirect(req, unitID, principal, flash: flash)
    }

    @Sendable func removeApprover(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageReleaseApprovers)
        let values = (try? req.content.decode([String: String].self)) ?? [:]
        guard let unit = try await chosenUnit(req, principal, given: values["unit_id"]) else {
            throw AppError.notFound
        }
        let unitID = try unit.requireID()
        try await ReleaseApprovers.remove(try req.idParameter(), unitID: unitID, by: principal, on: req.application)
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã bỏ người duyệt.", "Approver removed."))
        return Self.redirect(req, unitID, principal, flash: flash)
    }

    /// Back to the list, of the chosen unit for an account that chooses one.
    private static func redirect(_ req: Request, _ unitID: UUID, _ principal: Principal, flash: Flash) -> Response {
        let response = req.redirect(to: .gateGoods(.approvers), flash: flash)
        if GateController.ownUnit(principal) == nil {
            let path = SiteURL.gateGoods(.approvers).path + "?unit=" + unitID.uuidString.lowercased()
            response.headers.replaceOrAdd(name: .location, value: path)
        }
        return response
    }
}
