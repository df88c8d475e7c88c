import Fluent
import Foundation

/// A URL subscribed to event types by an administrator (every event) or an authority (events of its area).
/// `@unchecked Sendable`: Fluent model.
final class WebhookSubscription: Model, @unchecked Sendable {
    static let schema = "webhook_subscriptions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "url") var url: String
    @Field(key: "description") var description: String
    /// The subscribed event types, space-separated.
    @Field(key: "event_types") var eventTypes: String
    /// `whsec_` and the base64 of the signing key; shown once, when the subscription is made.
    @Field(key: "secret") var secret: String
    /// The area whose events it receives; nil for an administrator's subscription (every event).
    @OptionalField(key: "area_path") var areaPath: String?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "active") var active: Bool

    init() {}

    var types: [EventType] { eventTypes.split(separator: " ").map { EventType(rawValue: String($0)) } }

    var auditSnapshot: [String: String] {
        [
            "url": url, "description": description, "event_types": eventTypes, "area_path": areaPath ?? "",
            "active": active ? "true" : "false",
        ]
    }
}

/// One event to one subscription, delivered by a job: pending until a 2xx, failed after the last attempt.
/// `@unchecked Sendable`: Fluent model.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    enum State: String, Sendable, CaseIterable {
        case pending
        case delivered
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "subscription_id") var subscriptionID: UUID
    /// The outbox event's id: the `webhook-id` header, the same on every attempt, for receivers to de-duplicate.
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "event_seq") var eventSeq: Int64
    @Field(key: "event_type") var eventType: String
    /// The JSON body, fixed when the delivery is made so that every attempt signs the same bytes.
    @Field(key: "body") var body: String
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_status") var lastStatus: Int?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?

    init() {}

    var status: State { State(rawValue: state) ?? .failed }
}

/// One HTTP attempt of a delivery: its status or error, and how long it took. `@unchecked Sendable`: Fluent model.
final class WebhookAttempt: Model, @unchecked Sendable {
    static let schema = "webhook_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "delivery_id") var deliveryID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "error") var error: String?
    @Field(key: "duration_ms") var durationMillis: Int

    init() {}
}
