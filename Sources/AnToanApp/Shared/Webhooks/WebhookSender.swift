import Fluent
import Foundation
import Vapor

extension JobKind {
    /// One attempt at one webhook delivery.
    static let webhookDelivery = JobKind(rawValue: "webhook.deliver")
}

/// The payload of a delivery job.
struct WebhookDeliveryJob: Codable, Sendable {
    var delivery: UUID
}

/// A delivery attempt that did not get a 2xx: the job runner records it and tries again after its back-off.
struct WebhookAttemptFailed: Error, CustomStringConvertible {
    var description: String
}

/// Delivers webhooks: each attempt a signed POST, recorded with its status or error and duration.
enum WebhookSender {
    /// 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h, 12 h: the last attempt comes about 35 h after the first.
    static let backoff = JobBackoff.steps([30, 120, 600, 3_600, 10_800, 21_600, 43_200, 43_200])
    static let maxAttempts = 9
    /// A receiver has this long to answer.
    static let timeout: TimeInterval = 10

    static func register(_ app: Application) {
        app.jobs.register(.webhookDelivery, maxAttempts: maxAttempts, backoff: backoff, lease: 30) {
            (job: JobContext, payload: WebhookDeliveryJob) in
            try await deliver(payload.delivery, attempt: job.attempt, app: job.app, now: job.now)
        }
    }

    /// One attempt. Runs at least once per attempt (a node may stop between the POST and its record): the
    /// `webhook-id` stays the same, so that receivers de-duplicate.
    static func deliver(_ id: UUID, attempt: Int, app: Application, now: Date) async throws {
        guard let delivery = try await WebhookDelivery.find(id, on: app.db), delivery.status != .delivered,
            let subscription = try await WebhookSubscription.find(delivery.subscriptionID, on: app.db)
        else { return }
        let webhookID = delivery.eventID.uuidString.lowercased()
        let timestamp = Int(now.timeIntervalSince1970)
        guard
            let signature = WebhookSignature.sign(
                id: webhookID,
                timestamp: timestamp,
                body: delivery.body,
                secret: subscription.secret
            )
        else { throw WebhookAttemptFailed(description: "the subscription's secret is not whsec_ and base64") }
        let headers = [
            ("webhook-id", webhookID), ("webhook-timestamp", String(timestamp)), ("webhook-signature", signature),
        ]
        let started = ContinuousClock.now
        var status: Int?
        var failure: String?
        do {
            status = try await app.webhookTransport.post(
                url: subscription.url,
                headers: headers,
                body: delivery.body,
                timeout: timeout
            )
        } catch {
            failure = String(String(describing: error).prefix(500))
        }
        let elapsed = ContinuousClock.now - started
        let millis = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let succeeded = status.map { (200..<300).contains($0) } ?? false
        let outcome = failure ?? (succeeded ? nil : "HTTP \(status ?? 0)")
        try await app.write { [status] db in
            guard let delivery = try await db.lockedRow(WebhookDelivery.self, id), delivery.status != .delivered else {
                return
            }
            let record = WebhookAttempt()
            record.deliveryID = id
            record.at = now
            record.status = status
            record.error = outcome
            record.durationMillis = millis
            try await record.insert(on: db)
            delivery.attempts += 1
            delivery.lastStatus = status
            if succeeded {
                delivery.state = WebhookDelivery.State.delivered.rawValue
                delivery.deliveredAt = now
            } else {
                delivery.state = (attempt >= maxAttempts ? WebhookDelivery.State.failed : .pending).rawValue
            }
            try await delivery.persist(on: db)
        }
        if let outcome { throw WebhookAttemptFailed(description: outcome) }
    }
}
