import AnToanCore
import Foundation
import Vapor

/// The gate's pages: the desk (check-in, alerts, who is inside), a visit, check-out and letting a held visitor in,
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
        let values = (try? req.content.decode([String: String].self)) ?? [:]
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
            var shown = values
            shown["_csrf"] = nil
            let failed = FormFailure(form: GateDeskPage.formName, errors: FieldChecker(errors), values: shown)
            return try await renderDesk(req, failed: failed)
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
                failed: FormFailure(form: "visit", errors: FieldChecker(errors), values: [:])
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
                failed: FormFailure(form: "visit", errors: FieldChecker(errors), values: [:])
            )
        }
        let message = req.pageLanguage("Đã xác minh và cho khách vào.", "Verified; the visitor is let in.")
        return req.redirect(to: .gate(.visit(id)), flash: Flash(kind: .success, message: message))
    }

    @Sendable func rollCall(req: Request) async throws -> Response {
        let principal = try Self.gatePrincipal(req)
        let visits = try await GateQueries.inside(in: principal.scope, on: req.db)
        try await VisitorData.logRead(visits, .rollCall, by: principal, on: req.application)
        let (name, place) = try await heading(principal, req)
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
        let visits =
            checker.errors.isEmpty ? try await GateQueries.book(of: unitID, from: from, to: to, on: req.db) : []
        try await VisitorData.logRead(visits, .book, by: principal, on: req.application)
        let (name, place) = try await heading(principal, req)
        let model = GatePrintPages.Book(
            unitName: name,
            place: place,
            today: today,
            from: from,
            to: to,
            visits: visits,
            errors: checker
        )
        let response = Self.html(GatePrintPages.book(model, lang: lang))
        if !checker.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// The unit's name and its area's, for the heading of a printed page.
    private func heading(_ principal: Principal, _ req: Request) async throws -> (String, String) {
        guard let unitID = Self.ownUnit(principal) else { return ("", "") }
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        return (unit.name, try await OrganisationQueries.areaName(of: unit, on: req.db))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: text))
    }

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
        let values = (try? req.content.decode([String: String].self)) ?? [:]
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
            var shown = values
            shown["_csrf"] = nil
            let failed = FormFailure(form: WatchlistPage.formName, errors: FieldChecker(errors), values: shown)
            return try await renderWatchlist(req, failed: failed)
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
        let values = (try? req.content.decode([String: String].self)) ?? [:]
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
                errors: FieldChecker(errors),
                values: ["retention_days": values["retention_days"] ?? ""]
            )
            return try await renderData(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã lưu thời hạn.", "Retention saved."))
        return req.redirect(to: .gate(.data), flash: flash)
    }
}

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
        var values = (try? req.content.decode([String: String].self)) ?? [:]
        values["_csrf"] = nil
        do {
            let invitation = try await InvitationService.create(values, by: principal, on: req.application)
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage("Đã tạo giấy mời: gửi liên kết cho khách.", "Invitation made: send the link.")
            )
            return req.redirect(to: .gate(.invitation(try invitation.requireID())), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: InvitationPages.formName, errors: FieldChecker(errors), values: values)
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

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
