import Fluent
import Foundation
import Vapor

/// What checking a sheet produced: every problem, and the rows ready to insert when there are none.
protocol ImportPlan: Sendable {
    var rowCount: Int { get }
    var problems: [ImportProblem] { get }
    /// Rows that change a record already there (a staff code already in its unit); the others are created.
    var updateCount: Int { get }
    /// Writes every planned row with its audit entry, inside the import's one transaction; returns how many rows
    /// it created.
    func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int
}

extension ImportPlan {
    var updateCount: Int { 0 }
}

/// Dry runs and imports of a sheet, shared by the API, the page, the background job and the command line.
enum ImportService {
    /// A dry run checks and writes nothing; an import checks again inside one transaction and writes all
    /// rows, or none when a single problem is found.
    static func run(
        _ sheet: ImportSheet,
        by principal: Principal,
        apply: Bool,
        app: Application,
        progress: ImportProgress = .none
    ) async throws -> ImportReport {
        guard principal.can(sheet.kind.permission) else { throw AppError.forbidden }
        // Checking 10,000 rows is CPU work between database awaits: all of it runs on the thread pool.
        return try await app.offLoop {
            try await dryRunOrImport(sheet, by: principal, apply: apply, app: app, progress: progress)
        }
    }

    private static func dryRunOrImport(
        _ sheet: ImportSheet,
        by principal: Principal,
        apply: Bool,
        app: Application,
        progress: ImportProgress
    ) async throws -> ImportReport {
        guard apply else {
            let plan = try await plan(sheet, by: principal, on: app.db, progress: progress)
            return ImportReport(
                kind: sheet.kind.id,
                rows: plan.rowCount,
                problems: plan.problems,
                applied: false,
                created: 0,
                updated: 0
            )
        }
        // Checking inside the transaction means no other writer can take a code between the check and the write.
        return try await checkAndWrite(sheet, by: principal, now: app.clock.now(), app: app, progress: progress)
    }

    private static func checkAndWrite(
        _ sheet: ImportSheet,
        by principal: Principal,
        now: Date,
        app: Application,
        progress: ImportProgress
    ) async throws -> ImportReport {
        try await app.write { db in
            let plan = try await plan(sheet, by: principal, on: db, progress: progress)
            guard plan.problems.isEmpty else {
                return ImportReport(
                    kind: sheet.kind.id,
                    rows: plan.rowCount,
                    problems: plan.problems,
                    applied: false,
                    created: 0,
                    updated: 0
                )
            }
            let created = try await plan.write(on: db, actor: principal.auditActor, now: now, progress: progress)
            return ImportReport(
                kind: sheet.kind.id,
                rows: plan.rowCount,
                problems: [],
                applied: true,
                created: created,
                updated: plan.updateCount
            )
        }
    }

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> any ImportPlan {
        try await sheet.kind.plan(sheet, principal, db, progress)
    }
}
