import Fluent
import Logging
import Synchronization
import Vapor

/// Counts the SQL statements run through one database handle: the drivers (and `Database.rows`) log each statement
/// as "Executing query" at the SQL log level, which a logger at `.trace` receives.
final class QueryCounter: Sendable {
    private let statements = Mutex<[String]>([])

    var count: Int { statements.withLock { $0.count } }

    /// A handle on the app's database whose statements this counter sees.
    func database(_ app: Application) -> any Database {
        var logger = Logger(label: "query-counter") { _ in Handler(counter: self) }
        logger.logLevel = .trace
        return app.databases.database(logger: logger, on: app.eventLoopGroup.any())!
    }

    fileprivate func record(_ sql: String) { statements.withLock { $0.append(sql) } }

    private struct Handler: LogHandler {
        let counter: QueryCounter
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query" else { return }
            counter.record(event.metadata?["sql"]?.description ?? "")
        }
    }
}
