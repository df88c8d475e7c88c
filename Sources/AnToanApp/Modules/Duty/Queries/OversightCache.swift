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
/// cover on without a write: when a new minute begins, the cover of the minute just ended (labelled with its own
/// time) is served while the new one is worked out, so that the readers of a province do not all wait for it.
actor OversightCache {
    /// A scope's cover under one head of the audit trail.
    private struct Key: Hashable {
        var scope: Scope
        var head: Int
    }

    private struct Entry {
        var minute: Date
        var covers: [DutyOversight.UnitCover]
    }

    /// The latest cover worked out for each key, and the work under way for a key at a minute.
    private var done: [Key: Entry] = [:]
    private var working: [Key: (minute: Date, task: Task<[DutyOversight.UnitCover], any Error>)] = [:]
    /// Scopes kept at once; an authority's officers share one, so a handful is the usual number.
    private let capacity = 32

    /// The covers of `scope` at `minute` (or, while those are worked out, at the minute before), worked out by
    /// `work` unless a request of the same key already did, or is doing, it.
    func covers(
        in scope: Scope,
        minute: Date,
        head: Int,
        work: @escaping @Sendable () async throws -> [DutyOversight.UnitCover]
    ) async throws -> (at: Date, covers: [DutyOversight.UnitCover]) {
        let key = Key(scope: scope, head: head)
        let last = done[key]
        if let last, last.minute >= minute { return (last.minute, last.covers) }
        let task: Task<[DutyOversight.UnitCover], any Error>
        if let running = working[key], running.minute >= minute {
            task = running.task
        } else {
            // A newer head makes the other heads' covers of no use.
            done = done.filter { $0.key.head >= head }
            if done.count >= capacity { done.removeAll() }
            task = Task { try await work() }
            working[key] = (minute, task)
            Task { await self.finish(key, minute: minute, task: task) }
        }
        // The minute just ended is close enough to show while this one is worked out; an older cover is not.
        if let last, last.minute >= minute.addingTimeInterval(-60) { return (last.minute, last.covers) }
        return (minute, try await task.value)
    }

    /// Keeps the cover `task` works out, once it has, as the key's latest.
    private func finish(_ key: Key, minute: Date, task: Task<[DutyOversight.UnitCover], any Error>) async {
        let covers = try? await task.value
        if working[key]?.minute == minute { working[key] = nil }
        if let covers, (done[key]?.minute ?? .distantPast) < minute {
            done[key] = Entry(minute: minute, covers: covers)
        }
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
        let now = req.application.clock.now()
        let minute = VietnamTime.minute(of: now)
        let head = try await AuditTrail.head(on: req.db).seq
        let db = req.db
        return try await req.application.oversightCache.covers(in: scope, minute: minute, head: head) {
            try await gaps(in: scope, at: minute, now: minute, on: db)
        }
    }
}
