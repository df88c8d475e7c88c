import NIOPosix
import Vapor

/// Runs the jobs of the tasks that prefer it on a `NIOThreadPool` (SE-0417). The entry point makes NIO's event
/// loops Swift's global executor, so without a preference every async function runs on an event loop.
final class ThreadPoolExecutor: TaskExecutor {
    let pool: NIOThreadPool

    init(_ pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A pool that has stopped hands the work back at once as cancelled; the job still has to run, or its
        // task would never finish.
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// The thread pool the current work was sent to by `Application.offLoop`, if any.
enum OffLoop {
    @TaskLocal static var executor: ThreadPoolExecutor?

    /// Runs `body` on `executor`, the value of `OffLoop.executor` read before a new task began: a task made
    /// in a future's callback (Fluent runs a transaction's body in one) has neither the preference nor the task
    /// locals of the work that `offLoop` sent, and would run `body` on an event loop.
    static func stay<T>(on executor: ThreadPoolExecutor?, _ body: () async throws -> T) async throws -> T {
        guard let executor else { return try await body() }
        return try await $executor.withValue(executor) {
            try await withTaskExecutorPreference(executor, operation: body)
        }
    }
}

extension Application {
    /// Runs `body` off the event loops, on the app's thread pool: CPU work (reading an upload, checking 10,000
    /// rows, writing a file) would otherwise stall every connection of the loop it runs on. Its nonisolated
    /// async code and the continuation after each database await run there too, inside `write` as well; the
    /// result comes back to the caller's executor.
    func offLoop<T>(_ body: () async throws -> T) async throws -> T {
        let executor = ThreadPoolExecutor(threadPool)
        return try await OffLoop.$executor.withValue(executor) {
            try await withTaskExecutorPreference(executor, operation: body)
        }
    }
}
