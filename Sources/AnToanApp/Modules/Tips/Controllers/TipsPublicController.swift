import AnToanCore
import Vapor

/// The public tip pages: no account needed. Nothing here writes the client's address anywhere; it is read only
/// to count sends (`TipThrottle`, under a keyed hash).
struct TipsPublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.tips(.submit)), use: form)
        // Collected by the handler, up to the photos' cap (the CSRF check lets this form past the small one).
        routes.on(.POST, SiteURL.route(.tips(.submit)), body: .stream, use: submit)
        routes.get(SiteURL.route(.tips(.follow)), use: followForm)
        routes.post(SiteURL.route(.tips(.follow)), use: follow)
        routes.on(.POST, SiteURL.route(.tips(.answer)), body: .stream, use: answer)
    }

    /// The multipart form as posted.
    struct Form: Decodable {
        var what: String?
        var place: String?
        var happened: String?
        var target: String?
        var anonymous: String?
        var contactName: String?
        var contactPhone: String?
        var photos: [File]?

        enum CodingKeys: String, CodingKey {
            case what, place, happened, target, anonymous, photos
            case contactName = "contact_name"
            case contactPhone = "contact_phone"
        }

        var values: [String: String] {
            [
                "what": what ?? "", "place": place ?? "", "happened": happened ?? "", "target": target ?? "",
                "anonymous": anonymous ?? "", "contact_name": contactName ?? "", "contact_phone": contactPhone ?? "",
            ]
        }
    }

    struct AnswerForm: Decodable {
        var code: String?
        var text: String?
        var photos: [File]?
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req, TipFormPage.Model(), status: .ok)
    }

    private func render(_ req: Request, _ base: TipFormPage.Model, status: HTTPResponseStatus) async throws -> Response
    {
        var model = base
        model.search = (try? req.query.get(String.self, at: "q")) ?? ""
        let tops = try await TipTargets.topAreas(on: req.db)
        model.defaultTarget = tops.count == 1 ? tops.first : nil
        model.targets = tops + (try await TipTargets.search(String(model.search.prefix(100)), on: req.db))
        if let chosen = model.values["target"], !chosen.isEmpty, !model.targets.contains(where: { $0.value == chosen })
        {
            // Keep what was chosen before a refused send, with its name.
            if let target = try await TipTargets.resolve(chosen, on: req.db) {
                var name = target.unit?.name ?? ""
                if target.unit == nil { name = try await TipQueries.areaName(target.area, on: req.db) }
                model.targets.append(TipTargets.Target(value: chosen, name: name))
            }
        }
        let response = req.page(req.pageLanguage("Gửi tin báo", "Send a tip"), status: status) {
            TipFormPage.view(model, $0)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func submit(req: Request) async throws -> Response {
        _ = try await ImportUpload.collect(req, max: PhotoUpload.maxFormBytes)
        let form = try await req.application.offLoop { try req.content.decode(Form.self) }
        let submission = TipSubmission(
            what: form.what,
            place: form.place,
            happened: form.happened,
            target: form.target,
            anonymous: form.anonymous == "on",
            contactName: form.contactName,
            contactPhone: form.contactPhone,
            photos: form.photos
        )
        let code: String
        do {
            (_, code) = try await TipService.submit(submission, clientAddress: req.clientAddress, on: req.application)
        } catch AppError.invalidFields(let errors) {
            var values = form.values
            values["contact_name"] = form.anonymous == "on" ? "" : values["contact_name"]
            return try await render(
                req,
                TipFormPage.Model(values: values, errors: FieldChecker(errors)),
                status: .unprocessableEntity
            )
        }
        // The code is shown on this one response, never stored or redirected to: no cache may keep it.
        let response = req.page(req.pageLanguage("Đã gửi tin báo", "Tip sent"), status: .created) {
            TipFormPage.receipt(code: code, $0)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func followForm(req: Request) async throws -> Response {
        followPage(req, TipFollowPage.Model(), status: .ok)
    }

    @Sendable func follow(req: Request) async throws -> Response {
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        return try await shown(req, code: code, answer: "", errors: FieldChecker(), status: .ok)
    }

    @Sendable func answer(req: Request) async throws -> Response {
        _ = try await ImportUpload.collect(req, max: PhotoUpload.maxFormBytes)
        let form = try await req.application.offLoop { try req.content.decode(AnswerForm.self) }
        do {
            _ = try await TipService.answer(
                code: form.code,
                text: form.text,
                photos: form.photos,
                clientAddress: req.clientAddress,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            return try await shown(
                req,
                code: form.code ?? "",
                answer: form.text ?? "",
                errors: FieldChecker(errors),
                status: .unprocessableEntity
            )
        }
        return try await shown(req, code: form.code ?? "", answer: "", errors: FieldChecker(), status: .ok, sent: true)
    }

    /// The tip a code opens, or the code form again with the one answer every wrong code gets.
    private func shown(
        _ req: Request,
        code: String,
        answer: String,
        errors: FieldChecker,
        status: HTTPResponseStatus,
        sent: Bool = false
    ) async throws -> Response {
        let tip: Tip
        do {
            tip = try await TipQueries.tip(code: code, on: req.db)
        } catch AppError.invalidFields(let problems) {
            let model = TipFollowPage.Model(code: "", errors: FieldChecker(problems))
            return followPage(req, model, status: .unprocessableEntity)
        }
        let shown = TipFollowPage.Shown(
            status: tip.statusValue,
            what: tip.what,
            receivedAt: tip.receivedAt,
            messages: try await TipQueries.messages(of: try tip.requireID(), on: req.db)
        )
        let display = TipCode.normalized(code).map(TipCode.grouped) ?? code
        var model = TipFollowPage.Model(code: display, errors: errors, tip: shown, answer: answer)
        model.sent = sent
        return followPage(req, model, status: status)
    }

    private func followPage(_ req: Request, _ model: TipFollowPage.Model, status: HTTPResponseStatus) -> Response {
        let response = req.page(req.pageLanguage("Theo dõi tin báo", "Follow a tip"), status: status) {
            TipFollowPage.view(model, $0)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
