import AnToanCore
import Fluent
import Foundation
import Vapor

/// Oversight's covers, worked out once per scope, minute and change of the data, and shared by the requests of
/// this node: a province's page weighs 3,000 units, and its officers read it many times a minute.
///
/// Why a cover is never stale: every write that can change it (a set-up, a roster, a seat, a check-in, a unit, its
/// rest days, a holiday, a peak period) writes an audit entry in its own transaction, and the audit trail's head
/// counts those entries in the database that every node shares. A cover is kept under the head it was worked out
/// at, so after a write on any node the next request works it out again. The clock moves a cover on without a
/// write: the first readers of a minute wait for its cover together (some 50–100 ms for a province). Serving the
/// minute before meanwhile was tried and dropped: every reader then rendered the whole page afresh, and under load
/// that starved the work they were waiting for for seconds.
actor OversightCache {
    /// A scope's cover at a minute under one head of the audit trail.
    private struct Key: Hashable {
        var scope: Scope
        var head: Int
        var minute: Date
    }

    private var done: [Key: [DutyOversight.UnitCover]] = [:]
    private var working: [Key: Task<[DutyOversight.UnitCover], any Error>] = [:]
    /// Covers kept at once; an authority's officers share a scope, so a handful is the usual number.
    private let capacity = 32

    /// The covers of `scope` at the minute `now` falls in, worked out by `work` for that minute unless a request of
    /// the same key already did, or is doing, it.
    func covers(
        in scope: Scope,
        now: Date,
        head: Int,
        work: @escaping @Sendable (Date) async throws -> [DutyOversight.UnitCover]
    ) async throws -> (at: Date, covers: [DutyOversight.UnitCover]) {
        let key = Key(scope: scope, head: head, minute: VietnamTime.minute(of: now))
        if let covers = done[key] { return (key.minute, covers) }
        if let running = working[key] { return (key.minute, try await running.value) }
        // A newer head or minute makes the covers before it of no use.
        done = done.filter { $0.key.head >= head && $0.key.minute >= key.minute }
        if done.count >= capacity { done.removeAll() }
        let task = Task { try await work(key.minute) }
        working[key] = task
        defer { working[key] = nil }
        let covers = try await task.value
        done[key] = covers
        return (key.minute, covers)
    }
}

extension Application {
    /// The node's oversight cache, made when the duty module registers its routes.
    var oversightCache: OversightCache {
        get {
            guard let cache = storage[OversightCacheKey.self] else {
                fatalError("the duty module's routes make the oversight cache")
            }
            return cache
        }
        set { storage[OversightCacheKey.self] = newValue }
    }

    private struct OversightCacheKey: StorageKey {
        typealias Value = OversightCache
    }
}

extension DutyOversight {
    /// The units in `scope` that lack cover now (the start of the current minute), as `gaps(in:at:now:on:)` finds
    /// them, shared with the node's other requests until the minute ends or the data changes.
    /// `head` is the audit trail's, read before anything else the request reads.
    static func current(in scope: Scope, head: Int, on req: Request) async throws -> (at: Date, covers: [UnitCover]) {
        let app = req.application
        let db = req.db
        // Worked out off the event loops: a province's cover is some 50 ms of CPU that would stall a loop's pages.
        return try await app.oversightCache.covers(in: scope, now: app.clock.now(), head: head) { minute in
            try await app.offLoop { try await gaps(in: scope, at: minute, now: minute, on: db) }
        }
    }
}
