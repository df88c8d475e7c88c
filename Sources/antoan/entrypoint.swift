import AnToanApp
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

/// env → logging → app → configure → run.
@main
enum Entrypoint {
    static func main() async throws {
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
        let command = app.environment.arguments.dropFirst().first { !$0.hasPrefix("-") }
        var startup = StartupTasks.forCommand(command)
        // `serve --demo` is ours, not Vapor's: take it off before Vapor parses the serve flags.
        if app.environment.arguments.contains("--demo") {
            app.environment.arguments.removeAll { $0 == "--demo" }
            startup.loadDemo = true
        }
        do {
            try await configure(app, config: config, startup: startup)
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
    }
}
