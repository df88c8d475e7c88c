import Foundation
import NIOCore
import Synchronization
import Vapor

/// Sends one webhook request and returns the response's status. Live: an HTTP client that follows no redirect
/// (a receiver cannot send a signed delivery to another host) and gives up after `timeout`; tests put an
/// in-memory one in `app.webhookTransport`.
protocol WebhookTransport: Sendable {
    func post(url: String, headers: [(String, String)], body: String, timeout: TimeInterval) async throws -> Int
}

/// The live transport: its own AsyncHTTPClient, made on first use and shut down with the app.
final class LiveWebhookTransport: WebhookTransport {
    private let client: HTTPClient

    init(eventLoopGroup: any EventLoopGroup) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(10))
        )
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .shared(eventLoopGroup), configuration: configuration)
    }

    func post(url: String, headers: [(String, String)], body: String, timeout: TimeInterval) async throws -> Int {
        var request = try HTTPClient.Request(url: url, method: .POST)
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "AnToan-Webhooks/1")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .string(body)
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        let response = try await client.execute(request: request, deadline: deadline).get()
        return Int(response.status.code)
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}

/// Shuts the live transport down when the app stops (only if it was made), after the job runner's loop.
struct WebhookTransportShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        // Lifecycle handlers stop in reverse order, and this one was added after the runner's loop: deliveries in
        // hand finish before their client closes.
        await application.jobs.stopLoop()
        await application.liveWebhookTransportIfMade?.shutdown()
    }
}

extension Application {
    private struct TransportKey: StorageKey, LockKey { typealias Value = any WebhookTransport }

    /// The transport of webhook deliveries: live unless a test put its own here.
    var webhookTransport: any WebhookTransport {
        get {
            locks.lock(for: TransportKey.self).withLock {
                if let transport = storage[TransportKey.self] { return transport }
                let transport = LiveWebhookTransport(eventLoopGroup: eventLoopGroup)
                storage[TransportKey.self] = transport
                return transport
            }
        }
        set { locks.lock(for: TransportKey.self).withLock { storage[TransportKey.self] = newValue } }
    }

    fileprivate var liveWebhookTransportIfMade: LiveWebhookTransport? {
        locks.lock(for: TransportKey.self).withLock { storage[TransportKey.self] as? LiveWebhookTransport }
    }
}
