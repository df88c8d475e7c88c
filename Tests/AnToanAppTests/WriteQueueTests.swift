import Fluent
import Foundation
import Testing
import Vapor

@testable import AnToanApp

/// The one write path: a write called from inside another write's body joins its transaction.
@Suite("Write queue")
struct WriteQueueTests {
    /// Runs `work` and gives up after `seconds`: a nested write that waits for itself would hang the run.
    static func finishes<T: Sendable>(
        within seconds: Int,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        let (results, sink) = AsyncStream.makeStream(of: Result<T, any Error>?.self)
        let worker = Task {
            do { sink.yield(.success(try await work())) } catch { sink.yield(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(for: .seconds(seconds))
            sink.yield(nil)
        }
        var iterator = results.makeAsyncIterator()
        let first = await iterator.next() ?? nil
        timer.cancel()
        if first == nil { worker.cancel() }
        return try first?.get()
    }

    @Test("a write inside another write runs in its transaction instead of waiting for it", arguments: Lane.concurrent)
    func nested(lane: Lane) async throws {
        try await withApp(lane) { app in
            // when
            let done = try await Self.finishes(within: 30) {
                try await app.write { db in
                    try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "outer").insert(on: db)
                    return try await app.write { inner in
                        try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "inner").insert(
                            on: inner
                        )
                        return true
                    }
                }
            }
            // then
            #expect(done == true, "the nested write never finished")
            #expect(try await AreaEvent.query(on: app.db).filter(\.$kind == "test").count() == 2)
        }
    }

    @Test("a nested write is rolled back with the write around it", arguments: Lane.concurrent)
    func nestedRollback(lane: Lane) async throws {
        struct Refused: Error {}
        try await withApp(lane) { app in
            // when
            let outcome = try await Self.finishes(within: 30) {
                do {
                    try await app.write { db in
                        try await app.write { inner in
                            try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "inner").insert(
                                on: inner
                            )
                        }
                        throw Refused()
                    }
                    return "committed"
                } catch is Refused {
                    return "refused"
                }
            }
            // then
            #expect(outcome == "refused")
            #expect(try await AreaEvent.query(on: app.db).filter(\.$kind == "test").count() == 0)
            // and the queue is free again
            try await app.write { db in
                try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "after").insert(on: db)
            }
            #expect(try await AreaEvent.query(on: app.db).filter(\.$kind == "test").count() == 1)
        }
    }
    @Test(
        "a task started inside a write that writes after the write ended gets a transaction of its own",
        arguments: Lane.concurrent
    )
    func taskOutlivingWrite(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a task started inside a write, let go only once that write has committed
            let (gate, opening) = AsyncStream.makeStream(of: Void.self)
            let late = try await app.write { _ in
                Task {
                    for await _ in gate { break }
                    try await app.write { db in
                        try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "late").insert(on: db)
                    }
                }
            }
            // when
            opening.yield()
            opening.finish()
            try await late.value
            // then
            #expect(try await AreaEvent.query(on: app.db).filter(\.$kind == "test").count() == 1)
        }
    }
}
