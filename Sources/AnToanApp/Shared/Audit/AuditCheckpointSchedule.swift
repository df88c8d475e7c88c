import Vapor

/// While the server runs, signs a checkpoint every `AUDIT_CHECKPOINT_MINUTES` when the head moved
/// (`AuditTrail.checkpointIfMoved`, which tests call directly). Started at boot by `serve` when a signing
/// key is configured; shutdown cancels the loop and waits for it, so no checkpoint is half-written.
actor AuditCheckpointSchedule: LifecycleHandler {
    private var loop: Task<Void, Never>?

    var isRunning: Bool { loop != nil }

    func start(app: Application, every interval: Duration) {
        guard loop == nil else { return }
        loop = Task {
            while true {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    _ = try await AuditTrail.checkpointIfMoved(app: app)
                } catch {
                    app.logger.error("audit checkpoint failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
    }

    func stop() async {
        guard let loop else { return }
        loop.cancel()
        await loop.value
        self.loop = nil
    }

    nonisolated func didBootAsync(_ application: Application) async throws {
        let config = application.appConfig
        guard config.auditSigningKey != nil else {
            application.logger.notice("no audit signing key: the server writes no checkpoints")
            return
        }
        await start(app: application, every: .seconds(config.auditCheckpointMinutes * 60))
    }

    nonisolated func shutdownAsync(_ application: Application) async {
        await stop()
    }
}
