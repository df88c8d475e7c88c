import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

extension Application {
    /// Points Fluent at SQLite (default) or PostgreSQL, as the configuration says.
    func useDatabase(
        _ location: AppConfig.DatabaseLocation,
        logLevel: Logger.Level,
        wait: TimeAmount
    ) throws {
        let sqlLogLevel: Logger.Level = logLevel <= .trace ? .debug : .trace
        switch location {
        case .sqliteFile(let path):
            useSQLite(.file(path: path), sqlLogLevel: sqlLogLevel, wait: wait)
        case .sqliteMemory:
            useSQLite(.memory, sqlLogLevel: sqlLogLevel, wait: wait)
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = nil
            databases.use(
                .postgres(
                    configuration: postgres,
                    maxConnectionsPerEventLoop: 4,
                    connectionPoolTimeout: wait,
                    sqlLogLevel: sqlLogLevel
                ),
                as: .psql
            )
        }
    }

    /// Fluent's SQLite driver keeps one connection per event loop, so a long write (an import) would hold
    /// the connection that every read on its loop needs. Writers therefore get pools of their own, on the
    /// same file, and queue for them one at a time; WAL lets the readers' connections read meanwhile.
    private func useSQLite(_ storage: SQLiteConfiguration.Storage, sqlLogLevel: Logger.Level, wait: TimeAmount) {
        let configuration = SQLiteConfiguration(storage: storage)
        for id in [DatabaseID.sqlite, .sqliteWriter] {
            databases.use(
                .sqlite(configuration, connectionPoolTimeout: wait, sqlLogLevel: sqlLogLevel),
                as: id,
                isDefault: id == .sqlite
            )
        }
        useWriteQueue()
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

    /// The collation of a text column that must compare byte by byte, as SQLite compares all text: `"C"`
    /// on PostgreSQL (a key range or a `LIKE 'prefix%'` then walks an index in any locale), none on SQLite.
    var byteOrderCollation: String? {
        sql.dialect.name == "postgresql" ? #""C""# : nil
    }
}

extension DatabaseID {
    /// The connections SQLite writers use, beside the readers' (see `useSQLite`).
    static let sqliteWriter = DatabaseID(string: "sqlite-writer")
}
