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
/// at, so after a write on any node the next request works it out again; and under the minute, since who is on
/// duty and who is late follow the clock.
actor OversightCache {
    private struct Key: Hashable {
        var scope: Scope
        var minute: Date
        var head: Int
    }

    private var entries: [Key: Task<[DutyOversight.UnitCover], any Error>] = [:]
    /// Scopes kept at once; an authority's officers share one, so a handful is the usual number.
    private let capacity = 32

    /// The covers of `scope` at `minute`, worked out by `work` unless a request of the same key already did (or
    /// is doing) it.
    func covers(
        in scope: Scope,
        minute: Date,
        head: Int,
        work: @escaping @Sendable () async throws -> [DutyOversight.UnitCover]
    ) async throws -> [DutyOversight.UnitCover] {
        let key = Key(scope: scope, minute: minute, head: head)
        if let task = entries[key] { return try await task.value }
        // A later minute or a newer head makes the other entries of no use.
        entries = entries.filter { $0.key.minute >= minute && $0.key.head >= head }
        if entries.count >= capacity { entries.removeAll() }
        let task = Task { try await work() }
        entries[key] = task
        do {
            return try await task.value
        } catch {
            entries[key] = nil
            throw error
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
        let minute = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let head = try await AuditTrail.head(on: req.db).seq
        let db = req.db
        let covers = try await req.application.oversightCache.covers(in: scope, minute: minute, head: head) {
            try await gaps(in: scope, at: minute, now: minute, on: db)
        }
        return (minute, covers)
    }
}
