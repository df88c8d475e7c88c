import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Events that others must hear of, written in the transaction of the change (ARCHITECTURE rule 6): nothing
/// is sent from inside a request; the live stream and the webhook dispatcher read them after they commit.
enum Outbox {
    /// The PostgreSQL channel that wakes every node's event hub when a publishing transaction commits.
    static let channel = "antoan_events"

    /// Writes one event in the transaction `db` of a change (call it inside `app.write { db in … }`, after the
    /// change's `AuditTrail.record`). `payload` is a DTO (never a Fluent model).
    /// Who may see it: `account` set → only that account; else an event of `unit` is seen by that unit's people,
    /// the authorities whose area contains `area`, and administrators; an event with only `area` by the
    /// authorities covering it and administrators.
    @discardableResult
    static func publish<Payload: Encodable & Sendable>(
        _ type: EventType,
        payload: Payload,
        unit: UUID?,
        area: AreaPath?,
        account: UUID? = nil,
        on db: any Database,
        now: Date
    ) async throws -> OutboxEvent {
        guard db.inTransaction else {
            return try await db.transaction { transaction in
                try await publish(
                    type,
                    payload: payload,
                    unit: unit,
                    area: area,
                    account: account,
                    on: transaction,
                    now: now
                )
            }
        }
        // The API's JSON (snake_case keys, ISO 8601 dates), so that a webhook reads like the API.
        let json = String(decoding: try APIJSONEncoder.bytes(of: payload), as: UTF8.self)
        // Bumping the head takes its row lock until this transaction ends, so numbers follow the commit order.
        try await db.sql.raw("UPDATE outbox_head SET seq = seq + 1 WHERE id = 1").run()
        guard let head = try await db.sql.raw("SELECT seq FROM outbox_head WHERE id = 1").first() else {
            throw OutboxError.missingHead
        }
        let event = OutboxEvent(
            seq: try head.decode(column: "seq", as: Int64.self),
            id: UUID(),
            type: type,
            unitID: unit,
            areaPath: area?.value,
            accountID: account,
            payload: json,
            at: now
        )
        try await db.sql.insert(into: "outbox_events")
            .columns("id", "seq", "type", "unit_id", "area_path", "account_id", "payload", "at_millis")
            .values(
                SQLBind(event.id),
                SQLBind(event.seq),
                SQLBind(type.rawValue),
                SQLBind(unit),
                SQLBind(event.areaPath),
                SQLBind(account),
                SQLBind(json),
                SQLBind(Int64((now.timeIntervalSince1970 * 1000).rounded()))
            )
            .run()
        if db.sql.dialect.name == "postgresql" {
            // Delivered at commit to every listening node (several in one transaction are folded into one).
            try await db.sql.raw("NOTIFY \(unsafeRaw: channel)").run()
        }
        // The open pages of this node hear of it at once, and the job runner hands it to the webhooks at once
        // (other nodes: NOTIFY above, and their runners' next pass).
        CurrentWrite.transaction?.afterCommit { app in
            app.eventHub?.wake()
            app.jobs.poke()
        }
        return event
    }

    /// Events after `seq`, oldest first (consumers: the live stream, the webhook dispatcher).
    static func events(after seq: Int64, limit: Int, on db: any Database) async throws -> [OutboxEvent] {
        let rows = try await db.sql.select()
            .columns("id", "seq", "type", "unit_id", "area_path", "account_id", "payload", "at_millis")
            .from("outbox_events")
            .where("seq", .greaterThan, SQLBind(seq))
            .orderBy("seq")
            .limit(limit)
            .all()
        return try rows.map { row in
            OutboxEvent(
                seq: try row.decode(column: "seq", as: Int64.self),
                id: try row.decode(column: "id", as: UUID.self),
                type: EventType(rawValue: try row.decode(column: "type", as: String.self)),
                unitID: try row.decode(column: "unit_id", as: UUID?.self),
                areaPath: try row.decode(column: "area_path", as: String?.self),
                accountID: try row.decode(column: "account_id", as: UUID?.self),
                payload: try row.decode(column: "payload", as: String.self),
                at: Date(timeIntervalSince1970: Double(try row.decode(column: "at_millis", as: Int64.self)) / 1000)
            )
        }
    }

    /// The number of the last event committed (0 when there is none).
    static func lastSeq(on db: any Database) async throws -> Int64 {
        let row = try await db.sql.raw("SELECT MAX(seq) AS seq FROM outbox_events").first()
        return try row?.decode(column: "seq", as: Int64?.self) ?? 0
    }
}

enum OutboxError: Error {
    case missingHead
}
