import AnToanApp
import CMemory
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

/// env → logging → app → configure → run.
@main
enum Entrypoint {
    static func main() async throws {
        // Two arenas, one per core of the machines it runs on, so that what one request frees serves the next
        // instead of staying in an arena of its own: over the province benchmark the server kept 160-200 MB.
        antoan_limit_arenas(2)
        let config: AppConfig
        do {
            config = try AppConfig.load()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
        LoggingSystem.bootstrap { LogfmtHandler(label: $0, level: config.logLevel) }
        // Runs Swift concurrency on NIO's event loops, saving a thread hop per request.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

        let app = try await Application.make(.detect())
        let words = app.environment.arguments.dropFirst()
        // Help needs no database: `antoan --help` must not make antoan.sqlite in the current folder.
        var startup =
            words.contains { $0 == "--help" || $0 == "-h" }
            ? StartupTasks(migrate: false, loadSecret: false, printSetupLink: false)
            : StartupTasks.forCommand(words.first { !$0.hasPrefix("-") })
        // `serve --demo` is ours, not Vapor's: take it off before Vapor parses the serve flags.
        if app.environment.arguments.contains("--demo") {
            app.environment.arguments.removeAll { $0 == "--demo" }
            startup.loadDemo = true
        }
        do {
            try await configure(app, config: config, startup: startup)
            // Not `app.execute()`: it logs an error before rethrowing it, and the error is printed once, below.
            try await app.startup()
            try await app.running?.onStop.get()
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
    }
}
