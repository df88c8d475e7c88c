import AnToanCore
import Vapor

/// The pages of duty as it happens: the desk of the person on duty and its forms, and a unit's log book.
struct DutyDeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.dutyDesk), use: desk)
        routes.post(SiteURL.route(.dutyCheckIn), use: checkIn)
        routes.post(SiteURL.route(.dutyCheckOut), use: checkOut)
        routes.post(SiteURL.route(.dutyLog), use: write)
        routes.post(SiteURL.route(.dutyHandover), use: handOver)
        routes.post(SiteURL.route(.dutyReceive(.placeholder)), use: receive)
        routes.get(SiteURL.route(.dutyLogBook(.placeholder)), use: logBook)
    }

    @Sendable func desk(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        let now = req.application.clock.now()
        let title = req.pageLanguage("Trực ca", "On duty")
        let desk: DutyDesk
        do {
            desk = try await DutyDesk.load(for: principal, at: now, on: req.db)
        } catch AppError.invalidFields(let errors) {
            return req.page(title) { DutyDeskPage.unlinked(FieldChecker(errors), $0) }
        }
        var model = DutyDeskPage.Model(desk: desk, failed: failed)
        if let seat = desk.seat {
            model.equipment = try await HandoverCount.items(unit: seat.unitID, post: seat.post, on: req.db)
        }
        if let incoming = desk.incoming {
            model.previousCount = try await HandoverCount.outgoing(of: incoming.id, on: req.db)
        }
        return req.page(title, status: failed == nil ? .ok : .unprocessableEntity) { DutyDeskPage.view(model, $0) }
    }

    /// Runs a form's action and goes back to the desk; on bad input the desk again, with the errors.
    private func act(
        _ req: Request,
        form: String,
        done: (vi: String, en: String),
        _ action: (Principal, [String: String]) async throws -> Void
    ) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        let values = req.formValues
        do {
            try await action(principal, values)
        } catch AppError.invalidFields(let errors) {
            return try await render(req, failed: .init(form: form, errors: errors, values: values))
        }
        return req.redirect(to: .dutyDesk, flash: Flash(kind: .success, message: req.pageLanguage(done.vi, done.en)))
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        try await act(req, form: "seat", done: ("Đã nhận ca.", "Checked in.")) { principal, _ in
            _ = try await DutyWatch.checkIn(by: principal, on: req)
        }
    }

    @Sendable func checkOut(req: Request) async throws -> Response {
        try await act(req, form: "seat", done: ("Đã kết thúc ca.", "Shift ended.")) { principal, form in
            _ = try await DutyWatch.checkOut(reason: form["reason"], by: principal, on: req)
        }
    }

    @Sendable func write(req: Request) async throws -> Response {
        try await act(req, form: "entry", done: ("Đã ghi sổ.", "Written in the log book.")) { principal, form in
            let kind: DutyLog.Kind =
                form["follow_up"] == "on" ? .open : form["kind"].flatMap(DutyLog.Kind.init(rawValue:)) ?? .note
            var refersTo: UUID?
            if let text = form["refers_to"], !text.isEmpty {
                guard let id = UUID(uuidString: text) else {
                    throw AppError.invalidFields([FieldError(field: "refers_to", reason: .notFound)])
                }
                refersTo = id
            }
            _ = try await DutyWatch.write(kind: kind, text: form["text"], refersTo: refersTo, by: principal, on: req)
        }
    }

    /// Hands over; when the count found something missing the guard is told what, and that it was reported.
    @Sendable func handOver(req: Request) async throws -> Response {
        let principal = try await DutyWatch.onDuty(req)
        let values = req.formValues
        let handover: DutyHandover
        do {
            let counts = HandoverCountForm.lines(values)
            handover = try await DutyWatch.handOver(notes: values["notes"], counts: counts, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(req, failed: .init(form: "handover", errors: errors, values: values))
        }
        let missing = try await HandoverCount.outgoing(of: try handover.requireID(), on: req.db)?.missing ?? []
        let list = missing.joined(separator: "; ")
        let message =
            missing.isEmpty
            ? req.pageLanguage("Đã bàn giao ca.", "Handed over.")
            : req.pageLanguage(
                "Đã bàn giao ca. Kiểm đếm thiếu: \(list) — đã lập vụ việc mất phương tiện và biên bản mất.",
                "Handed over. Missing at the count: \(list) — a lost-equipment incident and a loss report are open."
            )
        return req.redirect(to: .dutyDesk, flash: Flash(kind: missing.isEmpty ? .success : .error, message: message))
    }

    @Sendable func receive(req: Request) async throws -> Response {
        let done = (vi: "Đã xác nhận nhận bàn giao.", en: "Handover accepted.")
        return try await act(req, form: "handover", done: done) { principal, form in
            let counts = HandoverCountForm.lines(form)
            _ = try await DutyWatch.receive(try req.idParameter(), counts: counts, by: principal, on: req)
        }
    }

    /// A unit's log book over a period, laid out to print and file.
    @Sendable func logBook(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let (from, to) = try DutyBook.period(req, now: req.application.clock.now())
        let model = LogBookPage.Model(
            unitID: try unit.requireID(),
            unitName: unit.name,
            from: from,
            to: to,
            shifts: try await DutyBook.book(unit: try unit.requireID(), from: from, to: to, on: req.db),
            names: DutyNames(posts: try await RosterQueries.posts(of: try unit.requireID(), on: req.db))
        )
        return req.page(req.pageLanguage("Sổ nhật ký trực ban", "Duty log book")) { LogBookPage.view(model, $0) }
    }
}
