import OpenAPIKit

extension WebhookSubscriptionDTO: APISchema {
    static let schemaName = "WebhookSubscription"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "url": .string, "description": .string, "event_types": .list(.string),
            "area_path": .string.optional, "created_at": .timestamp.optional,
        ])
    }
}

extension CreatedWebhookDTO: APISchema {
    static let schemaName = "CreatedWebhook"
    static var schema: JSONSchema {
        .record(["secret": .string, "subscription": WebhookSubscriptionDTO.schema])
    }
}

extension WebhookAttemptDTO: APISchema {
    static let schemaName = "WebhookAttempt"
    static var schema: JSONSchema {
        .record([
            "at": .timestamp, "status": .integer.optional, "error": .string.optional, "duration_ms": .integer,
        ])
    }
}

extension WebhookDeliveryDTO: APISchema {
    static let schemaName = "WebhookDelivery"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "event_id": .uuid, "event_type": .string,
            "state": .choice(WebhookDelivery.State.self), "created_at": .timestamp.optional,
            "delivered_at": .timestamp.optional, "attempts": .list(WebhookAttemptDTO.schema),
        ])
    }
}

extension WebhookEventTypeDTO: APISchema {
    static let schemaName = "WebhookEventType"
    static var schema: JSONSchema { .record(["type": .string, "name": .string]) }
}

extension CreateWebhookInput: APISchema {
    static let schemaName = "CreateWebhook"
    static var schema: JSONSchema {
        .record([
            "url": .text(max: 2_000, min: 1), "description": .text(max: 200).optional,
            "event_types": .list(.string(allowedValues: WebhookEventTypes.all.map { .init($0.type.rawValue) }), min: 1),
        ])
    }
}
