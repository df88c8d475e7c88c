import Fluent
import Foundation
import Testing
import Vapor

@testable import AnToanApp

/// The job runner on both databases, with an injected clock: what is due runs once, what fails waits and is
/// kept with its error, a dead node's job is taken up again, and two runners never share a job.
@Suite("Job runner")
struct JobRunnerTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let clock: @Sendable () -> Date = { start }

    @Test("a due job runs once with its payload; a job not yet due waits", arguments: Lane.all)
    func dueJobRunsOnce(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: one job due now and one due in an hour
            let seen = Recorder()
            app.jobs.register(.testEcho) { (_: JobContext, payload: Echo) in await seen.add(payload.text) }
            try await app.write { db in
                try await Jobs.enqueue(.testEcho, payload: Echo(text: "now"), runAt: Self.start, on: db)
                try await Jobs.enqueue(
                    .testEcho,
                    payload: Echo(text: "later"),
                    runAt: Self.start.addingTimeInterval(3_600),
                    on: db
                )
            }
            // when: the runner runs twice at the same time, then an hour later
            let first = try await JobRunner.runDue(app, now: Self.start)
            let again = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(60))
            let seenFirst = await seen.items
            let later = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(3_600))
            // then
            #expect(first == 1 && again == 0 && later == 1)
            #expect(seenFirst == ["now"])
            #expect(await seen.items == ["now", "later"])
            let states = try await Self.testJobs(app).all().map { "\($0.state) \($0.attempts)" }
            #expect(states == ["done 1", "done 1"])
        }
    }

    @Test(
        "a second enqueue with the key of an unfinished job is a no-op; once it is done the key is free",
        arguments: Lane.all
    )
    func keyedEnqueue(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let seen = Recorder()
            app.jobs.register(.testEcho) { (_: JobContext, payload: Echo) in await seen.add(payload.text) }
            // when: the same key twice, in two transactions
            for text in ["một", "hai"] {
                try await app.write { db in
                    try await Jobs.enqueue(.testEcho, payload: Echo(text: text), runAt: Self.start, key: "k", on: db)
                }
            }
            let ran = try await JobRunner.runDue(app, now: Self.start)
            try await app.write { db in
                try await Jobs.enqueue(.testEcho, payload: Echo(text: "ba"), runAt: Self.start, key: "k", on: db)
            }
            let ranAfter = try await JobRunner.runDue(app, now: Self.start)
            // then: the first enqueue stands, and a third after it finished runs
            #expect(ran == 1 && ranAfter == 1)
            #expect(await seen.items == ["một", "ba"])
        }
    }

    @Test("a failing job is tried again after a growing wait, then kept failed with its error", arguments: Lane.all)
    func failingJobBacksOff(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a job whose handler always fails, three attempts, waits of 10 s then 20 s
            app.jobs.register(.testEcho, maxAttempts: 3, backoff: .exponential(base: 10, cap: 100)) {
                (_: JobContext, payload: Echo) in throw TestJobError(text: "máy in hỏng: \(payload.text)")
            }
            try await app.write { db in
                try await Jobs.enqueue(.testEcho, payload: Echo(text: "A"), runAt: Self.start, key: "in", on: db)
            }
            // when / then: each attempt at its time, none before
            #expect(try await JobRunner.runDue(app, now: Self.start) == 1)
            var job = try #require(try await Self.testJobs(app).first())
            #expect(job.status == .queued && job.attempts == 1 && job.runAt == Self.start.addingTimeInterval(10))
            #expect(job.lastError == "máy in hỏng: A")
            #expect(try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(9)) == 0)
            #expect(try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(10)) == 1)
            job = try #require(try await Self.testJobs(app).first())
            #expect(job.status == .queued && job.attempts == 2 && job.runAt == Self.start.addingTimeInterval(30))
            #expect(try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(29)) == 0)
            #expect(try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(30)) == 1)
            #expect(try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(10_000)) == 0)
            job = try #require(try await Self.testJobs(app).first())
            #expect(job.status == .failed && job.attempts == 3 && job.maxAttempts == 3)
            #expect(job.lastError == "máy in hỏng: A" && job.openKey == nil && job.key == "in")
        }
    }

    @Test("a job whose node stopped while holding it runs again once its lease has run out", arguments: Lane.all)
    func expiredLeaseIsTakenAgain(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a job claimed by a node that then stops (claimed, never finished)
            let seen = Recorder()
            app.jobs.register(.testEcho, lease: 60) { (_: JobContext, payload: Echo) in await seen.add(payload.text) }
            try await app.write { db in
                try await Jobs.enqueue(.testEcho, payload: Echo(text: "mồ côi"), runAt: Self.start, on: db)
            }
            let claimed = try await JobRunner.claim(app, now: Self.start, limit: 10)
            // when: another runner looks while the lease holds, then after it ran out
            let during = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(59))
            let after = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(61))
            // then: run once, on its second attempt
            #expect(claimed.count == 1 && during == 0 && after == 1)
            #expect(await seen.items == ["mồ côi"])
            let job = try #require(try await Self.testJobs(app).first())
            #expect(job.status == .done && job.attempts == 2)
        }
    }

    @Test("two runners at once never run the same job", arguments: Lane.concurrent)
    func concurrentRunnersShareNothing(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: 40 due jobs
            let seen = Recorder()
            app.jobs.register(.testEcho) { (_: JobContext, payload: Echo) in
                await Task.yield()
                await seen.add(payload.text)
            }
            try await app.write { db in
                for index in 0..<40 {
                    try await Jobs.enqueue(.testEcho, payload: Echo(text: "\(index)"), runAt: Self.start, on: db)
                }
            }
            // when: two runners at the same moment, each running two at a time
            async let first = JobRunner.runDue(app, now: Self.start, concurrency: 2)
            async let second = JobRunner.runDue(app, now: Self.start, concurrency: 2)
            let ran = try await first + second
            // then: each job ran exactly once
            let items = await seen.items
            #expect(ran == 40 && items.count == 40 && Set(items).count == 40)
            let jobs = try await Self.testJobs(app).all()
            #expect(jobs.allSatisfy { $0.status == .done && $0.attempts == 1 })
        }
    }

    @Test(
        "a recurring job is one row per occurrence: it runs at its time once, and the next one waits",
        arguments: Lane.all
    )
    func recurringJob(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a job every 5 minutes
            let seen = Recorder()
            app.jobs.register(.testTick) { (job: JobContext, _: NoPayload) in
                await seen.add(VietnamTime.dateTime(job.now))
            }
            app.jobs.every(minutes: 5, .testTick)
            let first = JobSchedule.every(minutes: 5).next(after: Self.start)
            // when: before its time, at it (twice), and at the next
            let before = try await JobRunner.runDue(app, now: Self.start)
            let at = try await JobRunner.runDue(app, now: first)
            let again = try await JobRunner.runDue(app, now: first.addingTimeInterval(60))
            let next = try await JobRunner.runDue(app, now: first.addingTimeInterval(300))
            // then
            #expect(before == 0 && at == 1 && again == 0 && next == 1)
            #expect(await seen.items.count == 2)
            let rows = try await Self.testJobs(app).sort(\.$runAt).all()
            #expect(rows.map(\.state) == ["done", "done", "queued"])
            #expect(rows.last?.runAt == first.addingTimeInterval(600) && rows.last?.schedule == "every 5")
        }
    }

    @Test("the background loop runs a job as soon as its enqueue commits, and stops when asked", arguments: Lane.all)
    func backgroundLoop(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a running loop and a handler that reports each run
            let (ran, report) = AsyncStream.makeStream(of: String.self)
            app.jobs.register(.testEcho) { (_: JobContext, payload: Echo) in report.yield(payload.text) }
            let loop = JobRunnerLoop()
            await loop.start(app: app)
            // when: a job due now is enqueued, and the loop is stopped after it ran
            try await app.write { db in
                try await Jobs.enqueue(.testEcho, payload: Echo(text: "ngay"), runAt: Self.start, on: db)
            }
            var iterator = ran.makeAsyncIterator()
            let first = await iterator.next()
            await app.jobs.stopLoop()
            // then: it ran once and is recorded done; a second stop waits for nothing
            #expect(first == "ngay")
            await loop.stop()
            let job = try #require(try await Self.testJobs(app).first())
            #expect(job.status == .done && job.attempts == 1)
        }
    }

    @Test("a daily schedule names the next time of day in Vietnam")
    func dailySchedule() {
        // 2026-12-04 06:30 in Vietnam is 2026-12-03 23:30 UTC
        let now = Date(timeIntervalSince1970: 1_796_340_600)
        let schedule = JobSchedule.daily(hour: 7, minute: 0)
        #expect(VietnamTime.dateTime(schedule.next(after: now)) == "04/12/2026 07:00")
        #expect(VietnamTime.dateTime(schedule.next(after: now.addingTimeInterval(3_600))) == "05/12/2026 07:00")
        #expect(JobSchedule(rawValue: schedule.rawValue) == schedule)
    }
}

extension JobKind {
    static let testEcho = JobKind(rawValue: "test.echo")
    static let testTick = JobKind(rawValue: "test.tick")
}

struct TestJobError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

struct Echo: Codable, Sendable {
    var text: String
}

/// What handlers saw, in order.
actor Recorder {
    private(set) var items: [String] = []

    func add(_ item: String) { items.append(item) }
}

extension JobRunnerTests {
    /// The jobs of this file's kinds: the app's own daily jobs (the gate's purge …) have rows of their own.
    static func testJobs(_ app: Application) -> QueryBuilder<Job> {
        Job.query(on: app.db).filter(\.$kind ~~ [JobKind.testEcho.rawValue, JobKind.testTick.rawValue])
    }
}
