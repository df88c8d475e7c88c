import AnToanCore
import Foundation
import Vapor

/// Pre-registration (GATE-3): a host's invitations, the link the visitor gets, and its QR code.
extension GateController {
    @Sendable func invitations(req: Request) async throws -> Response {
        try await renderInvitations(req, failed: nil)
    }

    private func renderInvitations(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        guard let unitID = Self.ownUnit(principal) else { throw AppError.forbidden }
        let today = VietnamTime.day(of: req.application.clock.now())
        let model = InvitationPages.List(
            invitations: try await GateQueries.invitations(of: unitID, from: today, on: req.db),
            today: today,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Giấy mời khách", "Invitations"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { InvitationPages.list(model, $0) }
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let principal = try req.principal()
        var values = req.formValues
        values["_csrf"] = nil
        do {
            let invitation = try await InvitationService.create(values, by: principal, on: req.application)
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage("Đã tạo giấy mời: gửi liên kết cho khách.", "Invitation made: send the link.")
            )
            return req.redirect(to: .gate(.invitation(try invitation.requireID())), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: InvitationPages.formName, errors: errors, values: values)
            return try await renderInvitations(req, failed: failed)
        }
    }

    @Sendable func invitation(req: Request) async throws -> Response {
        let principal = try req.principal()
        let invitation = try await GateQueries.invitation(try req.idParameter(), in: principal.scope, on: req.db)
        return try await renderInvitation(invitation, req)
    }

    /// The link: a receptionist or guard of the unit gets the check-in filled in; anyone else sees the invitation.
    @Sendable func openInvitation(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let id = InvitationLink.verify(token, secret: req.application.secret),
            let invitation = try await GateQueries.invitation(id, on: req.db)
        else { throw AppError.notFound }
        if let principal = req.auth.get(Principal.self), principal.can(.registerVisitors),
            Self.ownUnit(principal) == invitation.unitID
        {
            return req.redirect(to: SiteURL.gate(.desk).path + "?invitation=" + token, redirectType: .normal)
        }
        return try await renderInvitation(invitation, req)
    }

    private func renderInvitation(_ invitation: Invitation, _ req: Request) async throws -> Response {
        let path = InvitationLink.path(try invitation.requireID(), secret: req.application.secret)
        let model = InvitationPages.One(
            invitation: invitation,
            unitName: try await OrganisationQueries.unitNames([invitation.unitID], on: req.db)[invitation.unitID] ?? "",
            link: req.application.appConfig.baseURL + path,
            qrImage: path + "/qr"
        )
        return req.page(req.pageLanguage("Giấy mời", "Invitation")) { InvitationPages.one(model, $0) }
    }

    /// The QR code of an invitation's link, as an SVG image.
    @Sendable func invitationQR(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard InvitationLink.verify(token, secret: req.application.secret) != nil,
            let code = try? QRCode(text: req.application.appConfig.baseURL + InvitationLink.pathPrefix + token)
        else { throw AppError.notFound }
        return Response(
            status: .ok,
            headers: ["Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=86400"],
            body: .init(string: code.svg())
        )
    }
}
