import CMemory
import Fluent
import Foundation
import SQLKit
import Vapor

/// Live progress of the imports this process runs, and their tasks, so that shutdown can wait for them.
actor ImportJobBoard {
    struct Live: Sendable {
        var status: ImportJob.Status
        var done: Int
        var total: Int
    }

    private var live: [UUID: Live] = [:]
    private var tasks: [UUID: Task<Void, Never>] = [:]

    func track(_ id: UUID, total: Int) {
        live[id] = Live(status: .queued, done: 0, total: total)
    }

    func attach(_ id: UUID, _ task: Task<Void, Never>) {
        if live[id] != nil { tasks[id] = task }
    }

    func update(_ id: UUID, status: ImportJob.Status, done: Int) {
        live[id]?.status = status
        live[id]?.done = done
    }

    func progress(of id: UUID) -> Live? { live[id] }

    func end(_ id: UUID) {
        live[id] = nil
        tasks[id] = nil
    }

    /// Waits for every running import; called once at shutdown.
    func drain() async {
        while let task = tasks.values.first {
            await task.value
        }
    }
}

/// Starts an import in the background and keeps its `import_jobs` row up to date.
enum ImportJobs {
    /// Files with at least this many rows are imported in the background; smaller ones within the request.
    static let backgroundRows = 1_000
    /// An API import of more rows than this answers 202 with its job at once instead of holding the request open.
    static let apiBackgroundRows = 2_000
    /// A running job nobody has touched for this long died with its process; nothing of it was written.
    static let staleAfter: TimeInterval = 15 * 60

    static func start(_ sheet: ImportSheet, by principal: Principal, app: Application) async throws -> UUID {
        let job = ImportJob(
            kind: sheet.kind,
            filename: sheet.filename,
            userID: principal.id,
            total: sheet.records.count
        )
        try await app.write { db in try await job.insert(on: db) }
        let id = try job.requireID()
        let board = app.importJobs
        await board.track(id, total: sheet.records.count)
        let task = Task {
            await run(id, sheet: sheet, principal: principal, app: app)
            await board.end(id)
        }
        await board.attach(id, task)
        return id
    }

    private static func run(_ id: UUID, sheet: ImportSheet, principal: Principal, app: Application) async {
        // An import holds every row's records and audit entries in memory until its transaction ends (10,000 rows
        // took the server from 70 to 160 MB); the heap keeps the freed pages unless told to give them back.
        defer { antoan_trim_memory() }
        let board = app.importJobs
        // On SQLite the import's transaction holds the only write lock, so progress stays in memory until the
        // end; PostgreSQL takes it on another connection, for pages served by other nodes.
        let isSQLite = app.db.sql.dialect.name == "sqlite"
        let progress = ImportProgress { phase, done, _ in
            let status: ImportJob.Status = phase == .checking ? .checking : .writing
            await board.update(id, status: status, done: done)
            if !isSQLite {
                try? await ImportJob.query(on: app.db).filter(\.$id == id)
                    .set(\.$status, to: status.rawValue).set(\.$done, to: done).update()
            }
        }
        let outcome: (ImportJob.Status, ImportReport?)
        do {
            let report = try await ImportService.run(sheet, by: principal, apply: true, app: app, progress: progress)
            outcome = (report.applied ? .done : .problems, report)
        } catch {
            app.logger.report(error: error)
            outcome = (.failed, nil)
        }
        do {
            try await app.write { db in
                guard let job = try await ImportJob.find(id, on: db) else { return }
                job.status = outcome.0.rawValue
                job.done = outcome.0 == .failed ? job.done : job.total
                job.created = outcome.1?.created ?? 0
                job.updated = outcome.1?.updated ?? 0
                job.problemCount = outcome.1?.problems.count ?? 0
                job.problems = StoredImportProblem.encode(outcome.1?.problems ?? [])
                try await job.persist(on: db)
            }
        } catch {
            app.logger.report(error: error)
        }
        // A large import changes the tables' shape; the planner should know before the next search.
        guard outcome.0 == .done, !sheet.kind.tables.isEmpty else { return }
        do {
            try await app.db.analyze(sheet.kind.tables)
        } catch {
            app.logger.report(error: error)
        }
    }
}

/// Waits for running imports before the database goes away.
struct ImportJobDrain: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.importJobs.drain()
    }
}

extension Application {
    private struct ImportJobBoardKey: StorageKey, LockKey { typealias Value = ImportJobBoard }

    var importJobs: ImportJobBoard {
        locks.lock(for: ImportJobBoardKey.self).withLock {
            if let board = storage[ImportJobBoardKey.self] { return board }
            let board = ImportJobBoard()
            storage[ImportJobBoardKey.self] = board
            return board
        }
    }
}
