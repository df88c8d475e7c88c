import Fluent
import Synchronization
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

/// The transaction of the write that is running in this task, so that a write called from inside another
/// write's body joins it instead of queueing behind itself (on SQLite that wait would never end).
enum CurrentWrite {
    final class Transaction: Sendable {
        let app: ObjectIdentifier
        let db: any Database
        private let open = Mutex(true)
        fileprivate let commitHooks: CommitHooks

        fileprivate init(app: ObjectIdentifier, db: any Database, commitHooks: CommitHooks) {
            self.app = app
            self.db = db
            self.commitHooks = commitHooks
        }

        /// False once the body has returned: a task started inside it and still running later opens its own.
        var isOpen: Bool { open.withLock { $0 } }
        func close() { open.withLock { $0 = false } }

        /// Runs `hook` once the transaction has committed (never if it rolls back), e.g. to wake the readers
        /// of what it wrote.
        func afterCommit(_ hook: @escaping @Sendable (Application) -> Void) {
            commitHooks.hooks.withLock { $0.append(hook) }
        }
    }

    /// What runs after a write commits.
    fileprivate final class CommitHooks: Sendable {
        let hooks = Mutex<[@Sendable (Application) -> Void]>([])
    }

    @TaskLocal static var transaction: Transaction?
}

extension Application {
    private struct WriteQueueKey: StorageKey { typealias Value = WriteQueue }

    /// Runs `body` in a transaction, after the other writers of this process when the database is SQLite.
    /// Called from inside another write's body, it runs `body` in that write's transaction: both commit or
    /// roll back together.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let current = CurrentWrite.transaction, current.app == ObjectIdentifier(self), current.isOpen {
            return try await body(current.db)
        }
        guard let queue = storage[WriteQueueKey.self] else { return try await transaction(on: openDatabase(nil), body) }
        await queue.acquire()
        do {
            let result = try await transaction(on: openDatabase(.sqliteWriter), body)
            await queue.release()
            return result
        } catch {
            await queue.release()
            throw error
        }
    }

    /// The database to write to. Fluent's `db` stops the process when the databases are already shut down,
    /// which a request still in flight at shutdown (a sign-in waiting for its password hash) reaches: 503 instead.
    private func openDatabase(_ id: DatabaseID?) throws -> any Database {
        guard
            let database = databases.database(
                id,
                logger: logger,
                on: eventLoopGroup.any(),
                pageSizeLimit: fluent.pagination.pageSizeLimit
            )
        else { throw Abort(.serviceUnavailable, reason: "The server is shutting down.") }
        return database
    }

    private func transaction<T: Sendable>(
        on database: any Database,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let app = ObjectIdentifier(self)
        // Fluent runs the body in a new task: work that `offLoop` sent to the thread pool stays there.
        let pool = OffLoop.executor
        let commitHooks = CurrentWrite.CommitHooks()
        let result = try await database.transaction { db in
            let current = CurrentWrite.Transaction(app: app, db: db, commitHooks: commitHooks)
            defer { current.close() }
            return try await CurrentWrite.$transaction.withValue(current) {
                try await OffLoop.stay(on: pool) { try await body(db) }
            }
        }
        for hook in commitHooks.hooks.withLock({ $0 }) { hook(self) }
        return result
    }

    /// Called once at configure time for SQLite databases.
    func useWriteQueue() {
        storage[WriteQueueKey.self] = WriteQueue()
    }
}
