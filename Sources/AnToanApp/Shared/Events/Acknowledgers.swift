import Foundation
import Synchronization
import Vapor

/// What acknowledging a notification about an entity does beyond the notification: a module that sends
/// notifications to acknowledge registers its own (an incident records who acknowledged it on its timeline, and
/// calls `Notifications.acknowledge`). Without one, the inbox marks the notification acknowledged.
final class Acknowledgers: Sendable {
    typealias Handler = @Sendable (_ principal: Principal, _ entityID: UUID, _ req: Request) async throws -> Void

    private let handlers = Mutex<[String: Handler]>([:])

    /// Registers what acknowledging a notification about `entity` (e.g. "incident") does.
    func register(_ entity: String, _ handler: @escaping Handler) {
        handlers.withLock { $0[entity] = handler }
    }

    func handler(for entity: String) -> Handler? {
        handlers.withLock { $0[entity] }
    }
}

extension Application {
    private struct AcknowledgersKey: StorageKey { typealias Value = Acknowledgers }

    /// Registered by the modules where they register their routes.
    var acknowledgers: Acknowledgers {
        if let existing = storage[AcknowledgersKey.self] { return existing }
        let created = Acknowledgers()
        storage[AcknowledgersKey.self] = created
        return created
    }
}
