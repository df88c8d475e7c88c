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
/// at, so after a write on any node the next request works it out again and waits for it. Only the clock moves a
/// cover on without a write: in a minute's last seconds a reader starts the next minute's cover (from the data of
/// now, under the same head), so it is ready when that minute begins; if it is not yet, the cover of the minute just
/// ended (labelled with its own time) is served meanwhile, so that the readers of a province do not all wait for it.
actor OversightCache {
    /// A scope's cover at a minute under one head of the audit trail.
    private struct Key: Hashable {
        var scope: Scope
        var head: Int
        var minute: Date

        func at(_ minute: Date) -> Key { Key(scope: scope, head: head, minute: minute) }
    }

    private var done: [Key: [DutyOversight.UnitCover]] = [:]
    private var working: [Key: Task<[DutyOversight.UnitCover], any Error>] = [:]
    /// Covers kept at once; an authority's officers share a scope, so a handful of scopes is the usual number.
    private let capacity = 32
    /// How long before a minute ends its successor's cover is started (a province's takes well under a second).
    static let lead: TimeInterval = 15

    /// The covers of `scope` at the minute `now` falls in (or, while those are worked out, at the minute before),
    /// worked out by `work` for a minute unless a request of the same key already did, or is doing, it.
    func covers(
        in scope: Scope,
        now: Date,
        head: Int,
        work: @escaping @Sendable (Date) async throws -> [DutyOversight.UnitCover]
    ) async throws -> (at: Date, covers: [DutyOversight.UnitCover]) {
        let key = Key(scope: scope, head: head, minute: VietnamTime.minute(of: now))
        let next = key.at(key.minute.addingTimeInterval(60))
        if now >= next.minute.addingTimeInterval(-Self.lead), done[next] == nil { _ = start(next, work) }
        if let covers = done[key] { return (key.minute, covers) }
        let task = start(key, work)
        // The minute just ended is close enough to show while this one is worked out; an older cover is not.
        let previous = key.at(key.minute.addingTimeInterval(-60))
        if let covers = done[previous] { return (previous.minute, covers) }
        return (key.minute, try await task.value)
    }

    /// The work for `key` under way, else begun now.
    private func start(
        _ key: Key,
        _ work: @escaping @Sendable (Date) async throws -> [DutyOversight.UnitCover]
    ) -> Task<[DutyOversight.UnitCover], any Error> {
        if let running = working[key] { return running }
        // A newer head, or a minute two back, makes a cover of no use.
        let oldest = key.minute.addingTimeInterval(-120)
        done = done.filter { $0.key.head >= key.head && $0.key.minute >= oldest }
        if done.count >= capacity { done.removeAll() }
        let task = Task { try await work(key.minute) }
        working[key] = task
        Task { await self.finish(key, task) }
        return task
    }

    /// Keeps the cover `task` works out, once it has.
    private func finish(_ key: Key, _ task: Task<[DutyOversight.UnitCover], any Error>) async {
        let covers = try? await task.value
        working[key] = nil
        if let covers { done[key] = covers }
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
    static func current(in scope: Scope, on req: Request) async throws -> (at: Date, covers: [UnitCover]) {
        let head = try await AuditTrail.head(on: req.db).seq
        let app = req.application
        let db = req.db
        // Worked out off the event loops: a province's cover is some 50 ms of CPU that would stall a loop's pages.
        return try await app.oversightCache.covers(in: scope, now: app.clock.now(), head: head) { minute in
            try await app.offLoop { try await gaps(in: scope, at: minute, now: minute, on: db) }
        }
    }
}
