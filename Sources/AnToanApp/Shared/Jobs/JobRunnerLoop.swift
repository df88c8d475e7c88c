import Vapor

/// While the server runs, runs due jobs every second (at once again after a pass that ran some), or when poked
/// (`app.jobs.poke()`). Started at boot by `serve` only; shutdown stops it after the jobs in hand have finished
/// and recorded their outcome (before the webhook client closes: `app.jobs.stopLoop()`).
actor JobRunnerLoop: LifecycleHandler {
    /// Handlers that run at once on this node.
    static let concurrency = 4

    private var loop: Task<Void, Never>?
    private var stopping = false
    private var waker: JobWaker?

    func start(app: Application) {
        guard loop == nil else { return }
        let waker = app.jobs.waker
        self.waker = waker
        app.jobs.attach(self)
        loop = Task {
            while await !self.stopping {
                // One batch per pass, each with the time of its own start (a delivery's signature carries it).
                var ran = 0
                do {
                    ran = try await JobRunner.runDue(
                        app,
                        now: app.clock.now(),
                        concurrency: Self.concurrency,
                        batches: 1
                    )
                } catch {
                    app.logger.error("job runner failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                if ran == 0 { await waker.wait(upTo: .seconds(1)) }
            }
        }
    }

    /// Stops the loop once its jobs in hand are done; a second call waits for nothing.
    func stop() async {
        guard let loop else { return }
        stopping = true
        await waker?.poke()
        await loop.value
        self.loop = nil
    }

    nonisolated func didBootAsync(_ application: Application) async throws {
        await start(app: application)
    }

    nonisolated func shutdownAsync(_ application: Application) async {
        await stop()
    }
}
