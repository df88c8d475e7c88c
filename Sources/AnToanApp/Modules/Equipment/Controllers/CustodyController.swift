import AnToanCore
import Fluent
import Foundation
import Vapor

/// The pages of custody: who holds what now with the request form, one issue and its steps, one person's
/// holdings. Certificates, loss reports and the book are in the extension beside this file.
struct CustodyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CustodyURL.list.pattern.pathComponents, use: list)
        routes.post(CustodyURL.list.pattern.pathComponents, use: request)
        routes.get(CustodyURL.person(.placeholder).pattern.pathComponents, use: person)
        routes.get(CustodyURL.one(.placeholder).pattern.pathComponents, use: one)
        routes.post(CustodyURL.approve(.placeholder).pattern.pathComponents, use: approve)
        routes.post(CustodyURL.refuse(.placeholder).pattern.pathComponents, use: refuse)
        routes.post(CustodyURL.hand(.placeholder).pattern.pathComponents, use: hand)
        routes.post(CustodyURL.receive(.placeholder).pattern.pathComponents, use: receive)
        routes.post(CustodyURL.giveBack(.placeholder).pattern.pathComponents, use: giveBack)
        routes.get(CustodyURL.book.pattern.pathComponents, use: book)
        routes.get(CustodyURL.certificates.pattern.pathComponents, use: certificates)
        routes.post(CustodyURL.certificates.pattern.pathComponents, use: addCertificate)
        routes.post(CustodyURL.certificateRemove(.placeholder).pattern.pathComponents, use: removeCertificate)
        routes.get(CustodyURL.lossReports.pattern.pathComponents, use: lossReports)
        routes.post(CustodyURL.lossHead(.placeholder).pattern.pathComponents, use: headTold)
        routes.post(CustodyURL.lossPolice(.placeholder).pattern.pathComponents, use: policeReported)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await renderList(req, failed: nil)
    }

    private func renderList(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        let now = req.application.clock.now()
        let me = try await CustodyAccess.me(principal, on: req.db)
        var custodies: [EquipmentCustody] = []
        if CustodyAccess.seesAll(principal) {
            // The oversight's drill-down: one unit of the reader's area (404 outside it).
            if let id = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:)) {
                let unit = try await OrganisationQueries.unit(id, in: principal.scope, on: req.db)
                guard let area = AreaPath(unit.areaPath) else { throw AppError.notFound }
                custodies = try await CustodyQueries.open(in: .unit(id, in: area), on: req.db)
            } else {
                custodies = try await CustodyAccess.open(principal, staff: nil, on: req.db)
            }
        }
        var mine: [EquipmentCustody] = []
        if let me { mine = try await CustodyQueries.open(in: principal.scope, staff: try me.requireID(), on: req.db) }
        guard CustodyAccess.seesAll(principal) || me != nil else { throw AppError.forbidden }
        let unitID = GateController.ownUnit(principal)
        let canRequest = principal.can(.manageEquipment) && unitID != nil
        var model = CustodyPages.List(
            title: req.pageLanguage("Cấp phát phương tiện: ai đang giữ gì", "Equipment custody: who holds what"),
            custodies: custodies,
            items: try await CustodyQueries.items((custodies + mine).map(\.itemID), on: req.db),
            mine: mine,
            now: now,
            canRequest: canRequest,
            canManage: principal.can(.manageEquipment),
            failed: failed
        )
        model.seesAll = CustodyAccess.seesAll(principal)
        if canRequest, let unitID {
            model.inStore = try await CustodyQueries.inStore(of: unitID, on: req.db)
            model.staff = try await CustodyQueries.staff(of: unitID, on: req.db)
        }
        return req.page(model.title, status: failed == nil ? .ok : .unprocessableEntity) {
            CustodyPages.list(model, $0)
        }
    }

    @Sendable func request(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let values = req.formValues
        var problems: [FieldError] = []
        var quantity: Int?
        if let text = values["quantity"], !text.isEmpty {
            quantity = Int(text)
            if quantity == nil { problems.append(FieldError(field: "quantity", reason: .wrongType(expected: "số"))) }
        }
        let input = CustodyInput(
            itemID: values["item"].flatMap(UUID.init(uuidString:)),
            staffID: values["staff"].flatMap(UUID.init(uuidString:)),
            quantity: quantity,
            reason: values["reason"],
            expectedReturnAt: values["expected_return_at"],
            problems: problems
        )
        do {
            let custody = try await CustodyService.request(input, by: principal, on: req.application)
            let message =
                custody.statusValue == .pending
                ? req.pageLanguage("Đã gửi đề nghị, chờ thủ trưởng duyệt.", "Requested; it awaits the head's approval.")
                : req.pageLanguage("Đã ghi đề nghị: giao cho người nhận.", "Recorded: hand it over.")
            return req.redirect(
                to: .custody(.one(try custody.requireID())),
                flash: Flash(kind: .success, message: message)
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderList(
                req,
                failed: FormFailure(form: CustodyPages.formName, errors: errors, values: values)
            )
        }
    }

    @Sendable func one(req: Request) async throws -> Response {
        try await renderOne(req, failed: nil)
    }

    private func renderOne(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        let custody = try await CustodyAccess.visible(try req.idParameter(), principal, on: req.db)
        let me = try await CustodyAccess.me(principal, on: req.db)
        let model = CustodyPages.One(
            custody: custody,
            item: try await CustodyQueries.item(of: custody, on: req.db),
            now: req.application.clock.now(),
            canApprove: principal.can(.approveEquipmentIssue) && custody.requestedBy != principal.id,
            canManage: principal.can(.manageEquipment),
            isHolder: me?.id == custody.staffID,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Cấp phát phương tiện", "Equipment issue"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { CustodyPages.one(model, $0) }
    }

    /// Runs a step of an issue and goes back to it; on bad input the issue again, with the errors.
    private func step(
        _ req: Request,
        form: String,
        done: (vi: String, en: String),
        _ action: (Principal, UUID, [String: String]) async throws -> Void
    ) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        let values = req.formValues
        do {
            try await action(principal, id, values)
        } catch AppError.invalidFields(let errors) {
            return try await renderOne(req, failed: FormFailure(form: form, errors: errors, values: values))
        }
        let flash = Flash(kind: .success, message: req.pageLanguage(done.vi, done.en))
        return req.redirect(to: .custody(.one(id)), flash: flash)
    }

    @Sendable func approve(req: Request) async throws -> Response {
        try await step(req, form: "custody", done: ("Đã duyệt cấp phát.", "Approved.")) { principal, id, _ in
            _ = try await CustodyService.approve(id, by: principal, on: req.application)
        }
    }

    @Sendable func refuse(req: Request) async throws -> Response {
        try await step(req, form: CustodyPages.refuseForm, done: ("Đã từ chối.", "Refused.")) { principal, id, form in
            _ = try await CustodyService.refuse(id, reason: form["refusal_reason"], by: principal, on: req.application)
        }
    }

    @Sendable func hand(req: Request) async throws -> Response {
        let done = (vi: "Đã giao, chờ người nhận xác nhận.", en: "Handed over; the holder confirms receipt.")
        return try await step(req, form: "custody", done: done) { principal, id, _ in
            _ = try await CustodyService.hand(id, by: principal, on: req.application)
        }
    }

    @Sendable func receive(req: Request) async throws -> Response {
        try await step(req, form: "custody", done: ("Đã xác nhận nhận.", "Receipt confirmed.")) { principal, id, _ in
            _ = try await CustodyService.receive(id, by: principal, on: req.application)
        }
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        try await step(req, form: CustodyPages.returnForm, done: ("Đã nhận lại.", "Taken back.")) {
            principal,
            id,
            form in
            _ = try await CustodyService.takeBack(
                id,
                condition: form["condition"],
                note: form["note"],
                by: principal,
                on: req.application
            )
        }
    }

    /// What one person holds now: their custodians, heads and authorities, or the person themselves.
    @Sendable func person(req: Request) async throws -> Response {
        let principal = try req.principal()
        let staffID = try req.idParameter()
        guard let member = try await CustodyQueries.staff(staffID, in: principal.scope, on: req.db) else {
            throw AppError.notFound
        }
        let me = try await CustodyAccess.me(principal, on: req.db)
        guard CustodyAccess.seesAll(principal) || me?.id == staffID else { throw AppError.notFound }
        let rows = try await CustodyQueries.open(in: principal.scope, staff: staffID, on: req.db)
        let model = CustodyPages.List(
            title: req.pageLanguage("Phương tiện do \(member.fullName) giữ", "Equipment held by \(member.fullName)"),
            custodies: rows,
            items: try await CustodyQueries.items(rows.map(\.itemID), on: req.db),
            mine: [],
            now: req.application.clock.now(),
            canRequest: false,
            canManage: principal.can(.manageEquipment)
        )
        return req.page(model.title) { CustodyPages.list(model, $0) }
    }
}
