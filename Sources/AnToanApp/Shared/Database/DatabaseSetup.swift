import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

extension Application {
    /// Points Fluent at SQLite (default) or PostgreSQL, as the configuration says.
    func useDatabase(_ location: AppConfig.DatabaseLocation, logLevel: Logger.Level) throws {
        let sqlLogLevel: Logger.Level = logLevel <= .trace ? .debug : .trace
        switch location {
        case .sqliteFile(let path):
            // Two connections per event loop: while a long write (an import) holds one, WAL lets pages on the
            // same loop read with the other. Writers still go one at a time through the write queue.
            databases.use(
                .sqlite(
                    .file(path),
                    maxConnectionsPerEventLoop: 2,
                    connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: sqlLogLevel
                ),
                as: .sqlite
            )
            useWriteQueue()
        case .sqliteMemory:
            databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30), sqlLogLevel: sqlLogLevel), as: .sqlite)
            useWriteQueue()
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = nil
            databases.use(
                .postgres(
                    configuration: postgres,
                    maxConnectionsPerEventLoop: 4,
                    connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: sqlLogLevel
                ),
                as: .psql
            )
        }
    }

    /// SQLite keeps its journal mode in the file: WAL lets readers run beside the one writer, and a
    /// waiting writer cannot deadlock with a committing one (tests' in-memory databases are files too).
    /// Foreign keys are switched on per connection by sqlite-kit, and sqlite-nio installs a busy handler
    /// on every connection, so a writer waits for the lock instead of failing.
    func prepareDatabase() async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
}

extension Database {
    /// The SQLKit view of the database; both drivers provide it.
    var sql: any SQLDatabase {
        // Both drivers this app uses are SQL databases, so the cast cannot fail.
        self as! any SQLDatabase
    }
}
