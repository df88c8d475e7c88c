import Vapor

/// The webhooks API under /api/v1: subscriptions within the caller's scope and their deliveries.
struct WebhooksAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("webhook-event-types", use: eventTypes)
        routes.get("webhooks", use: list)
        routes.post("webhooks", use: create)
        routes.get("webhooks", ":id", use: show)
        routes.delete("webhooks", ":id", use: delete)
        routes.get("webhooks", ":id", "deliveries", use: deliveries)
    }

    @Sendable func eventTypes(req: Request) async throws -> [WebhookEventTypeDTO] {
        _ = try req.principal(allowedTo: .manageWebhooks)
        let lang = req.pageLanguage
        return WebhookEventTypes.all.map { WebhookEventTypeDTO(type: $0.type.rawValue, name: lang($0.vi, $0.en)) }
    }

    @Sendable func list(req: Request) async throws -> [WebhookSubscriptionDTO] {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        return try await WebhookQueries.subscriptions(in: principal.scope, on: req.db).map(WebhookSubscriptionDTO.init)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        let input = try req.decodeJSON(CreateWebhookInput.self)
        let subscription = try await WebhookService.create(input.draft, by: principal, app: req.application)
        let body = CreatedWebhookDTO(
            secret: subscription.secret,
            subscription: try WebhookSubscriptionDTO(subscription)
        )
        return try await body.encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> WebhookSubscriptionDTO {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        return try WebhookSubscriptionDTO(
            try await WebhookQueries.subscription(try req.idParameter(), in: principal.scope, on: req.db)
        )
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        try await WebhookService.delete(try req.idParameter(), by: principal, app: req.application)
        return .noContent
    }

    @Sendable func deliveries(req: Request) async throws -> [WebhookDeliveryDTO] {
        let principal = try req.principal(allowedTo: .manageWebhooks)
        let subscription = try await WebhookQueries.subscription(try req.idParameter(), in: principal.scope, on: req.db)
        return try await WebhookQueries.deliveries(of: try subscription.requireID(), on: req.db).map {
            try WebhookDeliveryDTO($0.0, attempts: $0.1)
        }
    }
}

/// The webhook routes in the OpenAPI document.
extension WebhooksAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/webhook-event-types",
                "The event types a webhook may subscribe to, with their names",
                response: [WebhookEventTypeDTO].self
            ),
            .get(
                "/api/v1/webhooks",
                "Webhook subscriptions within the caller's scope",
                response: [WebhookSubscriptionDTO].self
            ),
            .post(
                "/api/v1/webhooks",
                "Subscribe an http(s) URL to event types (the signing secret is shown once)",
                request: CreateWebhookInput.self,
                response: CreatedWebhookDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/webhooks/{id}",
                "One subscription (404 outside the caller's scope)",
                response: WebhookSubscriptionDTO.self
            ),
            .delete("/api/v1/webhooks/{id}", "Remove a subscription and its deliveries"),
            .get(
                "/api/v1/webhooks/{id}/deliveries",
                "A subscription's latest deliveries, newest first, each with its attempts",
                response: [WebhookDeliveryDTO].self
            ),
        ]
    }
}
