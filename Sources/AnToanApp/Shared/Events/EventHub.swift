import AnToanCore
import FluentPostgresDriver
import Foundation
import Metrics
import Synchronization
import Vapor

/// One per node. When woken (a local write committed an event, PostgreSQL's `NOTIFY` from any node, or the
/// slow poll), it reads the new events once and hands each to the open streams that may see it, in memory:
/// never a query per client per event. Started by the first stream, stopped when the app shuts down.
final class EventHub: Sendable {
    /// What a stream receives: an event, formatted once for every stream, or a heartbeat.
    enum Delivery: Sendable {
        case event(seq: Int64, text: String)
        case heartbeat
    }

    private struct Subscriber {
        var account: UUID
        var scope: Scope
        var continuation: AsyncStream<Delivery>.Continuation
    }

    private struct State {
        var subscribers: [UUID: Subscriber] = [:]
        /// The last event handed out; nil until the hub has started.
        var lastSeq: Int64?
        var tasks: [Task<Void, Never>] = []
        var listener: PostgresConnection?
        var stopped = false
    }

    private let state = Mutex(State())
    private let wakes: AsyncStream<Void>
    private let wakeSink: AsyncStream<Void>.Continuation
    private let pollInterval: Duration
    private let heartbeatInterval: Duration
    /// Events a stream may hold before it is closed (its client then resumes from the database).
    static let streamBuffer = 2000
    private static let page = 500
    /// Open streams of this node, on /metrics.
    private static let streams = Gauge(label: "antoan_event_streams")

    init(pollInterval: Duration = .seconds(2), heartbeatInterval: Duration = .seconds(15)) {
        // One pending wake is enough: the reader reads everything new each time it wakes.
        (wakes, wakeSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
    }

    /// Asks the reader to look for new events.
    func wake() {
        wakeSink.yield()
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// The last event handed out to the streams; nil until the first stream started the hub.
    var position: Int64? { state.withLock { $0.lastSeq } }

    /// A stream of the events `account` with `scope` may see, from the moment of the call; and the number of the
    /// last event before it (a client resuming from earlier reads the events in between from the database).
    func subscribe(
        account: UUID,
        scope: Scope,
        app: Application
    ) async throws -> (id: UUID, deliveries: AsyncStream<Delivery>, after: Int64) {
        try await start(app)
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(
            of: Delivery.self,
            bufferingPolicy: .bufferingOldest(Self.streamBuffer)
        )
        let after: Int64? = state.withLock { state in
            guard !state.stopped, let lastSeq = state.lastSeq else { return nil }
            state.subscribers[id] = Subscriber(account: account, scope: scope, continuation: continuation)
            Self.streams.record(state.subscribers.count)
            return lastSeq
        }
        guard let after else {
            continuation.finish()
            throw Abort(.serviceUnavailable, reason: "The server is shutting down.")
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream, after)
    }

    func unsubscribe(_ id: UUID) {
        let gone = state.withLock { state in
            defer { Self.streams.record(state.subscribers.count) }
            return state.subscribers.removeValue(forKey: id)
        }
        gone?.continuation.finish()
    }

    /// Reads where the outbox stands and starts the reader, the timers and (on PostgreSQL) the listener, once.
    private func start(_ app: Application) async throws {
        if state.withLock({ $0.lastSeq != nil || $0.stopped }) { return }
        let lastSeq = try await Outbox.lastSeq(on: app.db)
        state.withLock { state in
            guard state.lastSeq == nil, !state.stopped else { return }
            state.lastSeq = lastSeq
            state.tasks = [
                Task { await self.readLoop(app) },
                Task { await self.tick(every: self.pollInterval) { self.wake() } },
                Task { await self.tick(every: self.heartbeatInterval) { self.broadcast(.heartbeat) } },
            ]
            if case .postgres(let url) = app.appConfig.database {
                let eventLoop = app.eventLoopGroup.any()
                state.tasks.append(Task { await self.listen(url: url, on: eventLoop, logger: app.logger) })
            }
        }
    }

    /// Ends every stream and the hub's tasks; called when the app shuts down.
    func stop() async {
        let (tasks, subscribers, listener) = state.withLock { state in
            state.stopped = true
            defer {
                state.tasks = []
                state.subscribers = [:]
                state.listener = nil
            }
            return (state.tasks, Array(state.subscribers.values), state.listener)
        }
        wakeSink.finish()
        for task in tasks { task.cancel() }
        try? await listener?.close()
        for subscriber in subscribers { subscriber.continuation.finish() }
        for task in tasks { await task.value }
    }

    private func readLoop(_ app: Application) async {
        for await _ in wakes {
            if Task.isCancelled { return }
            do {
                try await readNew(app)
            } catch {
                if Task.isCancelled { return }
                app.logger.warning("event hub could not read the outbox: \(String(describing: error))")
            }
        }
    }

    /// Reads the events after the last one handed out, page by page, and fans each out.
    private func readNew(_ app: Application) async throws {
        while let lastSeq = state.withLock({ $0.lastSeq }) {
            let events = try await Outbox.events(after: lastSeq, limit: Self.page, on: app.db)
            guard let last = events.last else { return }
            state.withLock { state in
                for event in events {
                    let text = Self.format(event)
                    for (id, subscriber) in state.subscribers
                    where event.isVisible(to: subscriber.account, scope: subscriber.scope) {
                        if case .dropped = subscriber.continuation.yield(.event(seq: event.seq, text: text)) {
                            // Too far behind: close it; the client reconnects with Last-Event-ID and catches up.
                            state.subscribers[id] = nil
                            subscriber.continuation.finish()
                        }
                    }
                }
                state.lastSeq = last.seq
                Self.streams.record(state.subscribers.count)
            }
            if events.count < Self.page { return }
        }
    }

    private func broadcast(_ delivery: Delivery) {
        state.withLock { state in
            for subscriber in state.subscribers.values { subscriber.continuation.yield(delivery) }
        }
    }

    private func tick(every interval: Duration, _ action: @Sendable () -> Void) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            action()
        }
    }

    /// PostgreSQL: a connection of its own that listens on `Outbox.channel`; each notification wakes the
    /// reader. Reconnects after a failure; a wake on (re)connecting reads what came meanwhile.
    private func listen(url: String, on eventLoop: any EventLoop, logger: Logger) async {
        var attempt = 0
        while !Task.isCancelled {
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = nil
                let connection = try await PostgresConnection.connect(
                    on: eventLoop,
                    configuration: configuration.coreConfiguration,
                    id: 0,
                    logger: logger
                )
                let open = state.withLock { state in
                    if !state.stopped { state.listener = connection }
                    return !state.stopped
                }
                guard open else {
                    try? await connection.close()
                    return
                }
                do {
                    try await connection.listen(on: Outbox.channel) { notifications in
                        attempt = 0
                        self.wake()
                        for try await _ in notifications { self.wake() }
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("event hub lost its LISTEN connection: \(String(describing: error))")
            }
            attempt += 1
            do { try await Task.sleep(for: .milliseconds(min(5000, 200 * attempt))) } catch { return }
        }
    }

    /// The event as Server-Sent Events: `id:` its number, `event:` its type, `data:` its JSON.
    static func format(_ event: OutboxEvent) -> String {
        let data = event.payload.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "data: \($0)\n" }.joined()
        return "id: \(event.seq)\nevent: \(event.type.rawValue)\n\(data)\n"
    }
}

extension Application {
    private struct EventHubKey: StorageKey { typealias Value = EventHub }

    /// This node's event hub, set where the routes are registered.
    var eventHub: EventHub? {
        get { storage[EventHubKey.self] }
        set { storage[EventHubKey.self] = newValue }
    }
}

/// Stops the hub before the databases close, ending every open stream.
struct EventHubShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.eventHub?.stop()
    }
}
