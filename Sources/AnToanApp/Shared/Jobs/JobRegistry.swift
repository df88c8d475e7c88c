import Foundation
import Logging
import Synchronization
import Vapor

/// What a handler is given: the app, the runner's clock (injected in tests) and a logger.
struct JobContext: Sendable {
    let app: Application
    /// The runner's time when it claimed the job.
    let now: Date
    let logger: Logger
    let jobID: UUID
    /// 1 for the first attempt.
    let attempt: Int
}

/// The handlers of the job kinds and the recurring schedules, registered at configure time by the module
/// that owns each kind, e.g. `app.jobs.register(.incidentEscalation, maxAttempts: 8) { (job, payload: P) in … }`.
final class JobRegistry: Sendable {
    struct Handler: Sendable {
        let maxAttempts: Int
        let backoff: JobBackoff
        /// How long a claim lasts; a running job's node renews it while it works.
        let lease: TimeInterval
        let run: @Sendable (JobContext, String) async throws -> Void
    }

    /// Work done at the start of every pass of the runner, before it claims jobs (the webhook dispatcher).
    typealias Pass = @Sendable (Application, Date) async throws -> Void

    private struct State {
        var handlers: [String: Handler] = [:]
        var passes: [Pass] = []
        var schedules: [JobKind: JobSchedule] = [:]
        var schedulesAdded = false
    }

    private let state = Mutex(State())
    /// This process among the nodes, in `jobs.locked_by`.
    let nodeID: String
    let waker = JobWaker()
    /// The background loop, when `serve` runs one.
    private let loop = Mutex<JobRunnerLoop?>(nil)

    init() {
        let host = ProcessInfo.processInfo.hostName
        nodeID = "\(host.prefix(40))-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    /// Registers the handler of `kind`; its payload is decoded from the job's JSON. Handlers run at least once
    /// per job and must be idempotent (see `Jobs`).
    func register<Payload: Codable & Sendable>(
        _ kind: JobKind,
        maxAttempts: Int = Jobs.defaultMaxAttempts,
        backoff: JobBackoff = .standard,
        lease: TimeInterval = 60,
        _ handler: @escaping @Sendable (JobContext, Payload) async throws -> Void
    ) {
        let entry = Handler(maxAttempts: max(1, maxAttempts), backoff: backoff, lease: max(5, lease)) { context, json in
            try await handler(context, try Jobs.decode(Payload.self, from: json))
        }
        state.withLock { $0.handlers[kind.rawValue] = entry }
    }

    /// Runs `kind` every `minutes` minutes; its handler (registered with `NoPayload`) gets no payload.
    func every(minutes: Int, _ kind: JobKind) {
        state.withLock { $0.schedules[kind] = .every(minutes: minutes) }
    }

    /// Runs `kind` every day at `hour`:`minute`, Asia/Ho_Chi_Minh.
    func daily(hour: Int, minute: Int, _ kind: JobKind) {
        state.withLock { $0.schedules[kind] = .daily(hour: hour, minute: minute) }
    }

    /// Runs `pass` at the start of every pass of the runner: every second, when poked, and in `runDue`.
    func onEveryPass(_ pass: @escaping Pass) {
        state.withLock { $0.passes.append(pass) }
    }

    var passes: [Pass] { state.withLock { $0.passes } }

    func handler(_ kind: String) -> Handler? { state.withLock { $0.handlers[kind] } }

    var kinds: [String] { state.withLock { $0.handlers.keys.sorted() } }

    var schedules: [JobKind: JobSchedule] { state.withLock { $0.schedules } }

    /// True the first time only, so that the runner adds the schedules' rows once per process.
    func takeSchedulesToAdd() -> Bool {
        state.withLock { state in
            defer { state.schedulesAdded = true }
            return !state.schedulesAdded
        }
    }

    func markSchedulesUnadded() { state.withLock { $0.schedulesAdded = false } }

    func attach(_ runner: JobRunnerLoop) { loop.withLock { $0 = runner } }

    /// Stops the background loop (if any) after its jobs in hand; what those jobs use closes after this.
    func stopLoop() async {
        await loop.withLock { $0 }?.stop()
    }

    /// Wakes this node's runner loop now instead of at its next tick (after a commit that added a job due now).
    func poke() {
        let waker = waker
        Task { await waker.poke() }
    }
}

/// Wakes the runner loop when poked, or after a timeout.
actor JobWaker {
    private var waiter: CheckedContinuation<Void, Never>?
    private var generation = 0
    private var pending = false

    func poke() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns when poked (or if poked since the last wait), or after `timeout`.
    func wait(upTo timeout: Duration) async {
        if pending {
            pending = false
            return
        }
        generation += 1
        let mine = generation
        await withCheckedContinuation { continuation in
            waiter = continuation
            Task {
                try? await Task.sleep(for: timeout)
                await self.expire(mine)
            }
        }
    }

    private func expire(_ generation: Int) {
        guard generation == self.generation, let waiter else { return }
        self.waiter = nil
        waiter.resume()
    }
}

extension Application {
    private struct JobRegistryKey: StorageKey, LockKey { typealias Value = JobRegistry }

    /// The job kinds' handlers and schedules of this app.
    var jobs: JobRegistry {
        locks.lock(for: JobRegistryKey.self).withLock {
            if let registry = storage[JobRegistryKey.self] { return registry }
            let registry = JobRegistry()
            storage[JobRegistryKey.self] = registry
            return registry
        }
    }
}
