import Fluent
import Vapor

/// SQLite has one writer at a time, and sqlite-nio's busy handler spins a thread while it waits.
/// Writers of this process therefore queue here, holding no thread, before they open a transaction.
/// PostgreSQL locks rows itself and needs no queue.
actor WriteQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension Application {
    private struct WriteQueueKey: StorageKey { typealias Value = WriteQueue }

    /// Runs `body` in a transaction, after the other writers of this process when the database is SQLite.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let queue = storage[WriteQueueKey.self] else { return try await db.transaction(body) }
        await queue.acquire()
        do {
            let result = try await db(.sqliteWriter).transaction(body)
            await queue.release()
            return result
        } catch {
            await queue.release()
            throw error
        }
    }

    /// Called once at configure time for SQLite databases.
    func useWriteQueue() {
        storage[WriteQueueKey.self] = WriteQueue()
    }
}
