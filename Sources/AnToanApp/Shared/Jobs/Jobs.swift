import Fluent
import Foundation
import SQLKit

/// Adds background jobs. A job runs at least once: a node that stops after the work but before marking it done
/// leaves it to run again when its lease runs out, so every handler must be idempotent.
enum Jobs {
    /// Stored until the first claim, which writes the registered handler's own limit.
    static let defaultMaxAttempts = 5

    /// Adds a one-off job in the transaction `db` of the change that needs it; any node runs it at `runAt` or soon
    /// after. With `key`, a second enqueue while a job with that key is not finished is a no-op.
    static func enqueue<Payload: Codable & Sendable>(
        _ kind: JobKind,
        payload: Payload,
        runAt: Date,
        key: String? = nil,
        on db: any Database
    ) async throws {
        try await insert(kind, payload: try encode(payload), runAt: runAt, key: key, schedule: nil, on: db)
        // A job due now need not wait for the runner's next tick on this node.
        if runAt <= Date() { CurrentWrite.transaction?.afterCommit { app in app.jobs.poke() } }
    }

    /// The one insert of a job row; `ON CONFLICT DO NOTHING` on the open key (unique while unfinished) keeps
    /// the caller's transaction usable on PostgreSQL, where a failed insert would abort it.
    static func insert(
        _ kind: JobKind,
        payload: String,
        runAt: Date,
        key: String?,
        schedule: JobSchedule?,
        on db: any Database
    ) async throws {
        let now = Date()
        try await db.sql.insert(into: Job.schema)
            .columns(
                "id",
                "kind",
                "payload",
                "run_at",
                "state",
                "attempts",
                "max_attempts",
                "key",
                "open_key",
                "schedule",
                "created_at",
                "updated_at"
            )
            .values(
                SQLBind(UUID()),
                SQLBind(kind.rawValue),
                SQLBind(payload),
                SQLBind(runAt),
                SQLBind(Job.State.queued.rawValue),
                SQLBind(0),
                SQLBind(defaultMaxAttempts),
                SQLBind(key),
                SQLBind(key),
                SQLBind(schedule?.rawValue),
                SQLBind(now),
                SQLBind(now)
            )
            .ignoringConflicts(with: "open_key")
            .run()
    }

    static func encode<Payload: Encodable>(_ payload: Payload) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    static func decode<Payload: Decodable>(_ type: Payload.Type, from json: String) throws -> Payload {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(json.utf8))
    }
}
