import AnToanCore
import Fluent
import Foundation
import Vapor

/// Subscribing and unsubscribing webhooks, each with its audit entry. An administrator's subscription takes
/// every event; an authority's only the events of its area.
enum WebhookService {
    /// What a form or the API asks for.
    struct Draft: Sendable {
        var url: String?
        var description: String?
        var eventTypes: [String]
    }

    /// Creates a subscription and returns it with its secret, which is shown this once.
    static func create(_ draft: Draft, by principal: Principal, app: Application) async throws -> WebhookSubscription {
        var checker = FieldChecker()
        let url = checkURL(draft.url, in: &checker)
        let description = checker.text("description", draft.description, max: 200, optional: true)
        let types = Array(Set(draft.eventTypes.map { $0.trimmingCharacters(in: .whitespaces) })).sorted()
        if types.isEmpty {
            checker.add(
                "event_types",
                .invalid(vi: "chọn ít nhất một loại sự kiện", en: "choose at least one event type")
            )
        } else if let unknown = types.first(where: { !WebhookEventTypes.isKnown($0) }) {
            checker.add(
                "event_types",
                .invalid(vi: "không có loại sự kiện \(unknown)", en: "has no event type \(unknown)")
            )
        }
        try checker.check()
        let area: String?
        switch principal.scope {
        case .everything: area = nil
        case .area(let path): area = path.value
        case .unit: throw AppError.forbidden
        }
        let subscription = WebhookSubscription()
        subscription.url = url
        subscription.description = description
        subscription.eventTypes = types.joined(separator: " ")
        subscription.secret = WebhookSignature.newSecret()
        subscription.areaPath = area
        subscription.ownerID = principal.id
        subscription.active = true
        let now = app.clock.now()
        try await app.write { db in
            try await subscription.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: "webhook_subscription",
                entityID: try subscription.requireID().uuidString,
                before: nil,
                after: subscription.auditSnapshot,
                now: now
            )
        }
        return subscription
    }

    /// Removes a subscription within the principal's scope, with its deliveries; 404 outside it.
    static func delete(_ id: UUID, by principal: Principal, app: Application) async throws {
        let now = app.clock.now()
        try await app.write { db in
            _ = try await db.lockedRow(WebhookSubscription.self, id)
            let subscription = try await WebhookQueries.subscription(id, in: principal.scope, on: db)
            try await subscription.remove(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .delete,
                entity: "webhook_subscription",
                entityID: id.uuidString,
                before: subscription.auditSnapshot,
                after: nil,
                now: now
            )
        }
    }

    /// Sends a failed delivery again: pending, with a new delivery job due now. Returns its subscription.
    @discardableResult
    static func redeliver(_ id: UUID, by principal: Principal, app: Application) async throws -> UUID {
        let now = app.clock.now()
        return try await app.write { db in
            guard let delivery = try await db.lockedRow(WebhookDelivery.self, id) else { throw AppError.notFound }
            _ = try await WebhookQueries.subscription(delivery.subscriptionID, in: principal.scope, on: db)
            guard delivery.status == .failed else { return delivery.subscriptionID }
            delivery.state = WebhookDelivery.State.pending.rawValue
            try await delivery.persist(on: db)
            try await Jobs.enqueue(.webhookDelivery, payload: WebhookDeliveryJob(delivery: id), runAt: now, on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: "webhook_delivery",
                entityID: id.uuidString,
                before: ["state": "failed"],
                after: ["state": "pending"],
                now: now
            )
            return delivery.subscriptionID
        }
    }

    /// An absolute http(s) URL with a host, at most 2,000 characters.
    static func checkURL(_ value: String?, in checker: inout FieldChecker) -> String {
        let url = checker.text("url", value, max: 2_000)
        guard !url.isEmpty, checker.message(for: "url", .vi) == nil else { return url }
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else {
            checker.add(
                "url",
                .invalid(
                    vi: "phải là địa chỉ http:// hoặc https:// đầy đủ",
                    en: "must be a full http:// or https:// address"
                )
            )
            return url
        }
        return url
    }
}
