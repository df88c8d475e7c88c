import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Turns new outbox events into deliveries: from the cursor kept in `webhook_cursor`, each event that a
/// subscription takes (its type, and its area for an authority's) becomes a delivery row and a delivery job,
/// in one transaction with the cursor's move, so that an event is handed over once whatever node crashes.
/// It runs on every pass of the job runner (every second, or when poked).
enum WebhookDispatcher {
    /// Events handed over per transaction.
    static let batch = 200

    /// Hands over every event committed after the cursor; returns how many deliveries it made.
    @discardableResult
    static func dispatch(_ app: Application, now: Date) async throws -> Int {
        // Most passes find nothing new: two reads, no write (on SQLite, no turn in the write queue).
        let last = try await Outbox.lastSeq(on: app.db)
        guard try await cursor(on: app.db, locked: false) < last else { return 0 }
        var made = 0
        while true {
            let (count, more) = try await app.write { db in try await dispatchBatch(on: db, now: now) }
            made += count
            if !more { return made }
        }
    }

    private static func dispatchBatch(on db: any Database, now: Date) async throws -> (Int, Bool) {
        let seq = try await cursor(on: db, locked: true)
        let events = try await Outbox.events(after: seq, limit: batch, on: db)
        guard let lastSeq = events.last?.seq else { return (0, false) }
        let subscriptions = try await WebhookSubscription.query(on: db).filter(\.$active == true).all()
        var made = 0
        for event in events {
            for subscription in subscriptions where takes(subscription, event) {
                guard let subscriptionID = subscription.id else { continue }
                let delivery = WebhookDelivery()
                delivery.subscriptionID = subscriptionID
                delivery.eventID = event.id
                delivery.eventSeq = event.seq
                delivery.eventType = event.type.rawValue
                delivery.body = body(of: event)
                delivery.state = WebhookDelivery.State.pending.rawValue
                delivery.attempts = 0
                try await delivery.insert(on: db)
                try await Jobs.enqueue(
                    .webhookDelivery,
                    payload: WebhookDeliveryJob(delivery: try delivery.requireID()),
                    runAt: now,
                    on: db
                )
                made += 1
            }
        }
        try await db.sql.update("webhook_cursor").set("seq", to: SQLBind(lastSeq)).where("id", .equal, SQLBind(1)).run()
        return (made, events.count == batch)
    }

    /// The cursor: the last event handed over. Locked, it makes other nodes' dispatchers wait their turn.
    private static func cursor(on db: any Database, locked: Bool) async throws -> Int64 {
        var select = db.sql.select().column("seq").from("webhook_cursor").where("id", .equal, SQLBind(1))
        if locked, db.sql.dialect.name == "postgresql" { select = select.for(.update) }
        return try await select.first()?.decode(column: "seq", as: Int64.self) ?? 0
    }

    /// True when `subscription` takes `event`: one of its types and, for an authority's, an event of its area
    /// (never one addressed to a single account).
    static func takes(_ subscription: WebhookSubscription, _ event: OutboxEvent) -> Bool {
        guard subscription.types.contains(event.type) else { return false }
        guard let mine = subscription.areaPath else { return true }
        guard event.accountID == nil, let area = event.areaPath.flatMap(AreaPath.init), let scope = AreaPath(mine)
        else { return false }
        return scope.contains(area)
    }

    /// The JSON body: `{"data":…,"id":…,"timestamp":…,"type":…}`, `data` being the event's payload.
    static func body(of event: OutboxEvent) -> String {
        let timestamp = ISO8601DateFormatter().string(from: event.at)
        let id = event.id.uuidString.lowercased()
        return "{\"data\":\(event.payload),\"id\":\(quoted(id)),\"timestamp\":\(quoted(timestamp)),"
            + "\"type\":\(quoted(event.type.rawValue))}"
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
