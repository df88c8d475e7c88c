import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AnToanApp

/// The databases every app test runs on: SQLite in memory always, PostgreSQL when the test command started one.
enum Lane: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres
    /// SQLite in a temporary file, with WAL and busy waiting as in production; see `concurrent`.
    case sqliteFile = "sqlite-file"

    var testDescription: String { rawValue }

    /// With `CI=true` the PostgreSQL lane is never skipped: a missing server fails its tests.
    static let all: [Lane] = {
        let env = ProcessInfo.processInfo.environment
        return env["TEST_DATABASE_URL"] != nil || env["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }()

    /// The lanes of tests that fire conflicting writes at once: the in-memory SQLite database has no WAL and
    /// no busy waiting, so they run on a file and on PostgreSQL.
    static let concurrent: [Lane] = all.map { $0 == .sqlite ? .sqliteFile : $0 }

    static let testSecret = "test-secret-0123456789-0123456789-abcdef"

    /// A fresh, empty database for one test, and how to remove it afterwards.
    func makeDatabase() async throws -> (AppConfig.DatabaseLocation, @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            return (.sqliteMemory, {})
        case .sqliteFile:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("antoan-test-\(UUID().uuidString).sqlite").path
            return (
                .sqliteFile(path: path),
                {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            )
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] else {
                throw TestSetupError(message: "TEST_DATABASE_URL is not set (CI=true requires the PostgreSQL lane)")
            }
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            try await Lane.adminSQL(url, "CREATE DATABASE \(name)")
            guard var components = URLComponents(string: url) else {
                throw TestSetupError(message: "bad TEST_DATABASE_URL")
            }
            components.path = "/" + name
            return (
                .postgres(url: components.string!),
                { try await Lane.adminSQL(url, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            )
        }
    }

    /// Runs one statement on the server's main database (CREATE/DROP DATABASE cannot run inside the test's own).
    private static func adminSQL(_ url: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        do {
            app.logger.logLevel = .warning
            try app.useDatabase(.postgres(url: url), logLevel: .warning, wait: .seconds(120))
            try await app.db.sql.raw(SQLQueryString(statement)).run()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Builds the app through `configure` on a fresh database of `lane`, migrated, and runs `test` against it.
func withApp(
    _ lane: Lane,
    now: (@Sendable () -> Date)? = nil,
    baseURL: String = "http://127.0.0.1:8080",
    _ test: (Application) async throws -> Void
) async throws {
    let (location, dropDatabase) = try await lane.makeDatabase()
    let app = try await Application.make(.testing)
    do {
        var config = AppConfig(
            database: location,
            listenHost: "127.0.0.1",
            port: 8080,
            baseURL: baseURL,
            secret: Lane.testSecret,
            logLevel: .warning,
            defaultLanguage: .vi
        )
        // The whole suite runs at once on a CI machine's two cores: a burst of writers queued on one lock may
        // wait longer than a served request would.
        config.databaseWait = .seconds(120)
        try await configure(
            app,
            config: config,
            startup: StartupTasks(migrate: true, loadSecret: true, printSetupLink: false),
            now: now
        )
        try await app.asyncBoot()
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        try? await dropDatabase()
        throw error
    }
    try await app.asyncShutdown()
    try await dropDatabase()
}
