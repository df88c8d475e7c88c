import AnToanCore
import Foundation
import Vapor

/// The gate's pages: the desk (check-in, alerts, who is inside), a visit, check-out and letting a held visitor in;
/// the roll-call and the sổ khách to print, the watchlist, and the unit's retention rule with the read log.
struct GateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(GateURL.desk.pattern.pathComponents, use: desk)
        routes.post(GateURL.checkIn.pattern.pathComponents, use: checkIn)
        routes.get(GateURL.visit(.placeholder).pattern.pathComponents, use: visit)
        routes.post(GateURL.checkOut(.placeholder).pattern.pathComponents, use: checkOut)
        routes.post(GateURL.clearHold(.placeholder).pattern.pathComponents, use: clearHold)
        routes.get(GateURL.rollCall.pattern.pathComponents, use: rollCall)
        routes.get(GateURL.book.pattern.pathComponents, use: book)
        routes.get(GateURL.watchlist.pattern.pathComponents, use: watchlist)
        routes.post(GateURL.watchlist.pattern.pathComponents, use: addWatch)
        routes.post(GateURL.watchRemove(.placeholder).pattern.pathComponents, use: removeWatch)
        routes.get(GateURL.data.pattern.pathComponents, use: data)
        routes.post(GateURL.data.pattern.pathComponents, use: setRetention)
        routes.get(GateURL.invitations.pattern.pathComponents, use: invitations)
        routes.post(GateURL.invitations.pattern.pathComponents, use: invite)
        routes.get(GateURL.invitation(.placeholder).pattern.pathComponents, use: invitation)
        routes.get(GateURL.invitationLink("").pattern.pathComponents, use: openInvitation)
        routes.get((GateURL.invitationLink("").pattern + "/qr").pathComponents, use: invitationQR)
        routes.get(GateURL.script.pattern.pathComponents) { _ in
            Response(
                status: .ok,
                headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                body: .init(string: GateScript.js)
            )
        }
    }

    static func gatePrincipal(_ req: Request) throws -> Principal {
        let principal = try req.principal()
        guard principal.canSeeGate else { throw AppError.forbidden }
        return principal
    }

    static func ownUnit(_ principal: Principal) -> UUID? {
        if case .unit(let unit, _) = principal.scope { return unit }
        return nil
    }

    @Sendable func desk(req: Request) async throws -> Response {
        try await renderDesk(req, failed: nil)
    }

    /// What an invitation opened at the gate fills in (nothing for a link that is not one of the reader's units).
    private func prefill(_ req: Request, _ principal: Principal) async throws -> [String: String] {
        guard let token = req.query[String.self, at: "invitation"],
            let id = InvitationLink.verify(token, secret: req.application.secret),
            let invitation = try? await GateQueries.invitation(id, in: principal.scope, on: req.db),
            invitation.usedAt == nil
        else { return [:] }
        return [
            "full_name": invitation.visitorName, "organisation": invitation.organisation, "purpose": invitation.purpose,
            // The host's name when it is a staff member's (else the invitation names its host at check-in).
            "host": invitation.hostStaffID == nil ? "" : invitation.hostName, "invitation": token,
        ]
    }

    private func renderDesk(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let prefill = failed == nil ? try await prefill(req, principal) : [:]
        let unitID = Self.ownUnit(principal)
        var unitName = ""
        var hosts: [String] = []
        if let unitID {
            unitName = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db).name
            if principal.can(.registerVisitors) { hosts = try await GateQueries.hostNames(of: unitID, on: req.db) }
        }
        let visits = try await GateQueries.inside(in: principal.scope, on: req.db)
        try await VisitorData.logRead(visits, .insidePage, by: principal, on: req.application)
        let names = try await GateQueries.unitNames(of: visits, on: req.db)
        var reasons: [UUID: String] = [:]
        if principal.canSeeWatchReasons {
            for visit in visits where visit.held {
                if let id = visit.watchEntryID, let entry = try await GateQueries.watchEntry(id, on: req.db) {
                    reasons[id] = entry.reason
                }
            }
        }
        let model = GateDeskPage.Model(
            unitID: unitID,
            unitName: unitName,
            canCheckIn: principal.can(.registerVisitors) && unitID != nil,
            canSeeReasons: principal.canSeeWatchReasons,
            canKeepWatchlist: principal.can(.manageWatchlist),
            canManageData: principal.can(.manageVisitorData),
            hostNames: hosts,
            rows: visits.map { visit in
                GateDeskPage.Row(
                    visit: visit,
                    unitName: names[visit.unitID] ?? "",
                    reason: visit.watchEntryID.flatMap { reasons[$0] }
                )
            },
            now: req.application.clock.now(),
            failed: failed,
            prefill: prefill
        )
        return req.page(
            req.pageLanguage("Cổng — khách ra vào", "Gate — visitors"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { GateDeskPage.view(model, $0) }
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let values = req.formValues
        guard let unitID = values["unit_id"].flatMap(UUID.init(uuidString:)) ?? Self.ownUnit(principal) else {
            throw AppError.notFound
        }
        var problems: [FieldError] = []
        var invitationID: UUID?
        if let token = values["invitation"], !token.isEmpty {
            invitationID = InvitationLink.verify(token, secret: req.application.secret)
            if invitationID == nil { problems.append(FieldError(field: "invitation", reason: .notFound)) }
        }
        var minutes: Int?
        if let text = values["expected_minutes"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            minutes = Int(text)
            if minutes == nil {
                problems.append(FieldError(field: "expected_minutes", reason: .wrongType(expected: "số phút")))
            }
        }
        let input = VisitorInput(
            unitID: unitID,
            fullName: values["full_name"],
            documentType: values["document_type"].nonEmpty,
            documentNumber: values["document_number"],
            birthDate: values["birth_date"],
            organisation: values["organisation"],
            host: values["host"],
            purpose: values["purpose"],
            vehiclePlate: values["vehicle_plate"],
            items: values["items"],
            badge: values["badge"],
            expectedMinutes: minutes,
            cardCode: values["card_code"],
            invitationID: invitationID,
            problems: problems
        )
        do {
            let visit = try await GateService.checkIn(input, by: principal, on: req.application)
            let lang = req.pageLanguage
            let message =
                visit.held
                ? GateWords.holdAndCall(lang)
                : lang("Đã cho \(visit.fullName) vào.", "\(visit.fullName) checked in.")
                    + (visit.badge.isEmpty ? "" : lang(" Thẻ khách: \(visit.badge).", " Badge: \(visit.badge)."))
            return req.redirect(to: .gate(.desk), flash: Flash(kind: visit.held ? .error : .success, message: message))
        } catch AppError.invalidFields(let errors) {
            return try await renderDesk(
                req,
                failed: FormFailure(form: GateDeskPage.formName, errors: errors, values: values)
            )
        }
    }

    @Sendable func visit(req: Request) async throws -> Response {
        try await renderVisit(req, failed: nil)
    }

    private func renderVisit(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let visit = try await GateQueries.visit(try req.idParameter(), in: principal.scope, on: req.db)
        try await VisitorData.logRead([visit], .visitPage, by: principal, on: req.application)
        var reason: String?
        if principal.canSeeWatchReasons, let id = visit.watchEntryID {
            reason = try await GateQueries.watchEntry(id, on: req.db)?.reason
        }
        let model = VisitPage.Model(
            visit: visit,
            unitName: try await GateQueries.unitNames(of: [visit], on: req.db)[visit.unitID] ?? "",
            reason: reason,
            canCheckOut: principal.can(.registerVisitors),
            canLetIn: principal.canSeeWatchReasons,
            now: req.application.clock.now(),
            failed: failed
        )
        return req.page(
            GateWords.name(visit, req.pageLanguage),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { VisitPage.view(model, $0) }
    }

    @Sendable func checkOut(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        do {
            let visit = try await GateService.checkOut(try req.idParameter(), by: principal, on: req.application)
            let message = req.pageLanguage("Đã cho \(visit.fullName) ra.", "\(visit.fullName) checked out.")
            return req.redirect(to: .gate(.desk), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            return try await renderVisit(
                req,
                failed: FormFailure(form: "visit", errors: errors, values: [:])
            )
        }
    }

    @Sendable func clearHold(req: Request) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let id = try req.idParameter()
        do {
            try await GateService.clearHold(id, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            return try await renderVisit(
                req,
                failed: FormFailure(form: "visit", errors: errors, values: [:])
            )
        }
        let message = req.pageLanguage("Đã xác minh và cho khách vào.", "Verified; the visitor is let in.")
        return req.redirect(to: .gate(.visit(id)), flash: Flash(kind: .success, message: message))
    }
}
