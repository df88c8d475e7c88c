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
            let states = try await Job.query(on: app.db).all().map { "\($0.state) \($0.attempts)" }
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
}

extension JobKind {
    static let testEcho = JobKind(rawValue: "test.echo")
}

struct Echo: Codable, Sendable {
    var text: String
}

/// What handlers saw, in order.
actor Recorder {
    private(set) var items: [String] = []

    func add(_ item: String) { items.append(item) }
}
