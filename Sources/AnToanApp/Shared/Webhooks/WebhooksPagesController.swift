import Vapor

/// The webhook pages: subscriptions within the reader's scope, one subscription's deliveries, and the forms that
/// subscribe, unsubscribe and send a failed delivery again.
struct WebhooksPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.admin(.webhooks)), use: index)
        routes.post(SiteURL.route(.admin(.webhooks)), use: create)
        routes.get(SiteURL.route(.admin(.webhook(.placeholder))), use: show)
        routes.post(SiteURL.route(.admin(.webhookDelete(.placeholder))), use: delete)
        routes.post(SiteURL.route(.admin(.deliveryRetry(.placeholder))), use: retry)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        return try await render(WebhooksPage.Model(rows: try await rows(principal, req: req)), req: req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Decodable {
            var url: String?
            var description: String?
            var eventTypes: [String]?

            enum CodingKeys: String, CodingKey {
                case url
                case description
                case eventTypes = "event_types"
            }
        }
        let principal = try req.principal(allowedTo: .manageWebhooks)
        let form = try req.content.decode(Form.self)
        let draft = WebhookService.Draft(
            url: form.url,
            description: form.description,
            eventTypes: form.eventTypes ?? []
        )
        do {
            let subscription = try await WebhookService.create(draft, by: principal, app: req.application)
            var model = WebhooksPage.Model(rows: try await rows(principal, req: req))
            model.newSecret = subscription.secret
            return try await render(model, req: req)
        } catch AppError.invalidFields(let errors) {
            var model = WebhooksPage.Model(rows: try await rows(principal, req: req))
            model.errors = FieldChecker(errors)
            model.values = ["url": form.url ?? "", "description": form.description ?? ""]
            model.chosenTypes = Set(draft.eventTypes)
            return try await render(model, req: req)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        let subscription = try await WebhookQueries.subscription(try req.idParameter(), in: principal.scope, on: req.db)
        let id = try subscription.requireID()
        guard let row = try await rows([subscription], req: req).first else { throw AppError.notFound }
        let deliveries = try await WebhookQueries.deliveries(of: id, on: req.db).compactMap { delivery, attempts in
            delivery.id.map {
                WebhookPage.Delivery(
                    id: $0,
                    eventID: delivery.eventID,
                    type: delivery.eventType,
                    state: delivery.status,
                    createdAt: delivery.createdAt,
                    attempts: attempts.map {
                        WebhookPage.Attempt(at: $0.at, status: $0.status, error: $0.error, millis: $0.durationMillis)
                    }
                )
            }
        }
        let model = WebhookPage.Model(id: id, row: row, deliveries: deliveries)
        return req.page(row.description.isEmpty ? row.url : row.description) { WebhookPage.view(model, $0) }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        try await WebhookService.delete(try req.idParameter(), by: principal, app: req.application)
        let lang = req.pageLanguage
        return req.redirect(
            to: .admin(.webhooks),
            flash: Flash(kind: .success, message: lang("Đã huỷ đăng ký webhook.", "The webhook was removed."))
        )
    }

    @Sendable func retry(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        let subscription = try await WebhookService.redeliver(
            try req.idParameter(),
            by: principal,
            app: req.application
        )
        let lang = req.pageLanguage
        return req.redirect(
            to: .admin(.webhook(subscription)),
            flash: Flash(
                kind: .success,
                message: lang("Đã đưa lượt gửi vào hàng chờ.", "The delivery is queued again.")
            )
        )
    }

    private func render(_ model: WebhooksPage.Model, req: Request) async throws -> Response {
        let status: HTTPResponseStatus = model.errors.errors.isEmpty ? .ok : .unprocessableEntity
        return req.page(req.pageLanguage("Webhook", "Webhooks"), status: status) { WebhooksPage.view(model, $0) }
    }

    private func rows(_ principal: Principal, req: Request) async throws -> [WebhooksPage.Row] {
        try await rows(try await WebhookQueries.subscriptions(in: principal.scope, on: req.db), req: req)
    }

    /// The subscriptions as the pages show them: types, area and owner in words, counts of deliveries.
    private func rows(_ subscriptions: [WebhookSubscription], req: Request) async throws -> [WebhooksPage.Row] {
        let lang = req.pageLanguage
        let areas = try await WebhookQueries.areaNames(Set(subscriptions.compactMap(\.areaPath)), on: req.db)
        let owners = try await WebhookQueries.ownerNames(Set(subscriptions.map(\.ownerID)), on: req.db)
        var rows: [WebhooksPage.Row] = []
        for subscription in subscriptions {
            guard let id = subscription.id else { continue }
            let counts = try await WebhookQueries.counts(of: id, on: req.db)
            rows.append(
                WebhooksPage.Row(
                    id: id,
                    url: subscription.url,
                    description: subscription.description,
                    types: subscription.types.map { WebhookEventTypes.name($0.rawValue, lang) },
                    reach: subscription.areaPath.map { areas[$0] ?? lang("một địa bàn", "an area") }
                        ?? lang("Mọi sự kiện", "Every event"),
                    owner: owners[subscription.ownerID] ?? "",
                    pending: counts[.pending] ?? 0,
                    delivered: counts[.delivered] ?? 0,
                    failed: counts[.failed] ?? 0
                )
            )
        }
        return rows
    }
}
