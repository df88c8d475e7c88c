import Foundation
import Vapor

/// A webhook subscription on the wire (never its secret, which is shown once when it is made).
struct WebhookSubscriptionDTO: Content {
    var id: UUID
    var url: String
    var description: String
    var eventTypes: [String]
    /// The area whose events it receives; absent for an administrator's subscription (every event).
    var areaPath: String?
    var createdAt: Date?

    init(_ subscription: WebhookSubscription) throws {
        id = try subscription.requireID()
        url = subscription.url
        description = subscription.description
        eventTypes = subscription.types.map(\.rawValue)
        areaPath = subscription.areaPath
        createdAt = subscription.createdAt
    }
}

/// A new subscription and its signing secret (`whsec_…`), shown this once.
struct CreatedWebhookDTO: Content {
    var secret: String
    var subscription: WebhookSubscriptionDTO
}

/// One HTTP attempt of a delivery.
struct WebhookAttemptDTO: Content {
    var at: Date
    var status: Int?
    var error: String?
    var durationMs: Int
}

/// One event to one subscription, with its attempts, oldest first.
struct WebhookDeliveryDTO: Content {
    var id: UUID
    /// The `webhook-id` header: the event's id.
    var eventId: UUID
    var eventType: String
    var state: String
    var createdAt: Date?
    var deliveredAt: Date?
    var attempts: [WebhookAttemptDTO]

    init(_ delivery: WebhookDelivery, attempts: [WebhookAttempt]) throws {
        id = try delivery.requireID()
        eventId = delivery.eventID
        eventType = delivery.eventType
        state = delivery.state
        createdAt = delivery.createdAt
        deliveredAt = delivery.deliveredAt
        self.attempts = attempts.map {
            WebhookAttemptDTO(at: $0.at, status: $0.status, error: $0.error, durationMs: $0.durationMillis)
        }
    }
}

/// An event type a webhook may subscribe to, with its name.
struct WebhookEventTypeDTO: Content {
    var type: String
    var name: String
}

struct CreateWebhookInput: APIInput {
    static let fields: Set<String> = ["url", "description", "event_types"]
    var url: String
    var description: String?
    var eventTypes: [String]

    func problems() -> [FieldError] { [] }

    var draft: WebhookService.Draft { WebhookService.Draft(url: url, description: description, eventTypes: eventTypes) }
}
