import AnToanCore
import Foundation
import Vapor

/// One client's Server-Sent Events: first what it missed (after its `Last-Event-ID`), read from the outbox
/// once, then what the hub hands it, and a heartbeat comment so that proxies keep the connection open.
enum EventStream {
    /// A stream ends after this long; the browser reconnects at once with `Last-Event-ID`, and signs in again:
    /// an account signed out, deactivated or moved to another scope stops hearing within this time.
    static let maximumDuration: Duration = .seconds(15 * 60)

    /// Writes the stream of `subscription` until the client goes away or the hub stops.
    static func run(
        _ subscription: (id: UUID, deliveries: AsyncStream<EventHub.Delivery>, after: Int64),
        resumeAfter: Int64?,
        account: UUID,
        scope: Scope,
        app: Application,
        writer: any AsyncBodyStreamWriter
    ) async throws {
        defer { app.eventHub?.unsubscribe(subscription.id) }
        let opened = ContinuousClock.now
        // A client that reconnects waits 3 s; the comment sends the headers at once.
        try await writer.writeBuffer(ByteBuffer(string: "retry: 3000\n: connected\n\n"))
        var sent = subscription.after
        if let resumeAfter {
            if resumeAfter < subscription.after {
                try await writeMissed(
                    after: resumeAfter,
                    upTo: subscription.after,
                    account: account,
                    scope: scope,
                    app: app,
                    writer: writer
                )
            }
            sent = max(sent, resumeAfter)
        }
        for await delivery in subscription.deliveries {
            switch delivery {
            case .event(let seq, let text):
                // The hub may still hand out events a client saw on another node before it reconnected here.
                guard seq > sent else { continue }
                sent = seq
                try await writer.writeBuffer(ByteBuffer(string: text))
            case .heartbeat:
                if ContinuousClock.now - opened > maximumDuration { return }
                try await writer.writeBuffer(ByteBuffer(string: ": heartbeat\n\n"))
            }
        }
    }

    /// The events after `seq` up to `last` (those the hub handed out before this client came) that it may see.
    private static func writeMissed(
        after seq: Int64,
        upTo last: Int64,
        account: UUID,
        scope: Scope,
        app: Application,
        writer: any AsyncBodyStreamWriter
    ) async throws {
        var cursor = seq
        while cursor < last {
            let events = try await Outbox.events(after: cursor, limit: 500, on: app.db)
            guard let end = events.last else { return }
            let text = events.filter { $0.seq <= last && $0.isVisible(to: account, scope: scope) }
                .map(EventHub.format).joined()
            if !text.isEmpty { try await writer.writeBuffer(ByteBuffer(string: text)) }
            cursor = end.seq
        }
    }
}
