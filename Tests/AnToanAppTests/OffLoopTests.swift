import AnToanCore
import Fluent
import Foundation
import NIOCore
import NIOPosix
import SQLKit
import Testing
import Vapor

@testable import AnToanApp

/// Work handed to `app.offLoop` leaves the event loops, even though the entry point makes them Swift's global
/// executor. Tests run on Swift's own pool, so the caller is put on an event loop first, as in production.
@Suite("Off the event loops")
struct OffLoopTests {
    /// Runs the jobs of the tasks that prefer it on one event loop, as every async function runs in the server.
    final class EventLoopExecutor: TaskExecutor {
        let loop: any EventLoop

        init(_ loop: any EventLoop) { self.loop = loop }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    static var onEventLoop: Bool { MultiThreadedEventLoopGroup.currentEventLoop != nil }

    /// On a thread of the app's `NIOThreadPool`, which names them TP-#0, TP-#1, …
    static var onThreadPool: Bool { Thread.current.name?.hasPrefix("TP-#") == true }

    @Test(
        "offLoop runs its work, and what follows a database await or runs in a write, on the thread pool",
        arguments: Lane.all
    )
    func leavesTheLoop(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await withTaskExecutorPreference(EventLoopExecutor(app.eventLoopGroup.any())) {
                // given: a caller on an event loop
                #expect(Self.onEventLoop)
                // when
                let (before, after, inWrite) = try await app.offLoop {
                    let before = Self.onThreadPool && !Self.onEventLoop
                    try await app.db.sql.raw("SELECT 1").run()
                    let after = Self.onThreadPool
                    let inWrite = try await app.write { db in
                        try await db.sql.raw("SELECT 1").run()
                        return Self.onThreadPool
                    }
                    return (before, after, inWrite)
                }
                // then
                #expect(before && after && inWrite)
                #expect(Self.onEventLoop, "the caller goes on where it was")
            }
        }
    }

    @Test("an import checks and writes its rows on the thread pool, and every row is written", arguments: Lane.all)
    func importLeavesTheLoop(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            _ = try await OrganisationTests.province(app)
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "quan_tri").first())
            let principal = Principal(
                id: try admin.requireID(),
                username: admin.username,
                displayName: admin.displayName,
                role: .administrator,
                scope: .everything,
                language: nil,
                sessionID: nil
            )
            let rows = [ImportFixtures.staffHeader] + ImportFixtures.staffRows(30, unitCode: "SO-TP")
            let sheet = try ImportSheet(SpreadsheetTable(name: "", rows: rows), kind: .staff, filename: "nv.csv")
            let seen = Seen()
            let progress = ImportProgress { phase, _, _ in await seen.add(phase, onPool: Self.onThreadPool) }
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // when
            let (dryRun, applied) = try await withTaskExecutorPreference(EventLoopExecutor(app.eventLoopGroup.any())) {
                let dryRun = try await ImportService.run(
                    sheet,
                    by: principal,
                    apply: false,
                    app: app,
                    progress: progress
                )
                let applied = try await ImportService.run(
                    sheet,
                    by: principal,
                    apply: true,
                    app: app,
                    progress: progress
                )
                return (dryRun, applied)
            }
            // then
            #expect(dryRun.rows == 30 && dryRun.problems.isEmpty)
            #expect(applied.applied && applied.created == 30)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore + 30)
            let reports = await seen.reports
            #expect(reports.filter { $0.phase == .checking }.count >= 2 && reports.contains { $0.phase == .writing })
            #expect(reports.allSatisfy { $0.onPool }, "\(reports)")
        }
    }

    /// Where the import's progress reports ran.
    actor Seen {
        var reports: [(phase: ImportProgress.Phase, onPool: Bool)] = []

        func add(_ phase: ImportProgress.Phase, onPool: Bool) { reports.append((phase, onPool)) }
    }
}
