import AnToanCore
import Vapor

/// Triage of tips by the unit or the authority, and a tip's photos, within the reader's scope.
struct TipsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.tips(.list)), use: list)
        routes.get(SiteURL.route(.tips(.tip(.placeholder))), use: show)
        routes.post(SiteURL.route(.tips(.decide(.placeholder))), use: decide)
        routes.get(SiteURL.route(.tips(.photo(.placeholder))), use: photo)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let open = try await TipQueries.list(in: principal.scope, open: true, on: req.db)
        let decided = try await TipQueries.list(in: principal.scope, open: false, limit: 50, on: req.db)
        let concerns = try await TipNames.concerns(open + decided, on: req.db)
        func rows(_ tips: [Tip]) -> [TipsPage.Row] {
            tips.compactMap { tip in
                tip.id.map {
                    TipsPage.Row(
                        id: $0,
                        status: tip.statusValue,
                        what: tip.what,
                        place: tip.place,
                        concerns: concerns[$0] ?? "",
                        receivedAt: tip.receivedAt
                    )
                }
            }
        }
        let model = TipsPage.Model(open: rows(open), decided: rows(decided))
        return req.page(req.pageLanguage("Tin báo, tố giác", "Tips")) { TipsPage.view(model, $0) }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let tip = try await TipQueries.tip(try req.idParameter(), in: principal.scope, on: req.db)
        let tipID = try tip.requireID()
        let units =
            tip.unitID == nil
            ? try await TipQueries.units(in: principal.scope, under: tip.areaPath, on: req.db) : []
        let model = TipPage.Model(
            tip: tip,
            concerns: try await TipNames.concerns([tip], on: req.db)[tipID] ?? "",
            messages: try await TipQueries.messages(of: tipID, on: req.db),
            photos: try await TipQueries.photos(of: tipID, on: req.db),
            units: units,
            failed: failed
        )
        return req.page(req.pageLanguage("Tin báo", "Tip"), status: failed == nil ? .ok : .unprocessableEntity) {
            TipPage.view(model, $0)
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let tipID = try req.idParameter()
        let values = req.formValues
        let input = TipDecisionInput(
            decision: values["decision"],
            text: values["text"],
            kind: values["kind"],
            severity: values["severity"],
            unitId: values["unit_id"].flatMap(UUID.init(uuidString:))
        )
        do {
            _ = try await TipTriageService.decide(tipID, input, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let form =
                switch TipDecision(rawValue: input.decision ?? "") {
                case .askSender: "ask"
                case .dismiss: "dismiss"
                default: "incident"
                }
            return try await render(req, failed: FormFailure(form: form, errors: errors, values: values))
        }
        let done: (String, String) =
            switch TipDecision(rawValue: input.decision ?? "") {
            case .askSender: ("Đã gửi câu hỏi cho người báo tin.", "The question was sent to the sender.")
            case .dismiss: ("Đã bỏ qua tin báo.", "The tip was dismissed.")
            case .acceptAsNote: ("Đã ghi nhận là tình hình đáng chú ý.", "Kept as a situation note.")
            default: ("Đã chuyển thành vụ việc.", "Turned into an incident.")
            }
        return req.redirect(
            to: .tips(.tip(tipID)),
            flash: Flash(kind: .success, message: req.pageLanguage(done.0, done.1))
        )
    }

    /// A tip's photo, for those who may triage it; never cached by a shared cache.
    @Sendable func photo(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .handleIncidents)
        let photo = try await TipQueries.photo(try req.idParameter(), in: principal.scope, on: req.db)
        return Response(
            status: .ok,
            headers: ["Content-Type": photo.contentType, "Cache-Control": "private, max-age=3600"],
            body: .init(data: photo.bytes)
        )
    }
}
