import AnToanCore
import Crypto
import Fluent
import Foundation
import SQLKit

/// Who made a change: a signed-in account, or the command line.
struct AuditActor: Sendable {
    var id: UUID?
    var name: String

    static let system = AuditActor(id: nil, name: "system")
}

enum AuditAction: String, Sendable, CaseIterable {
    case create
    case update
    case delete
    /// Personal data shown in full, which the law asks to be traceable.
    case reveal
    /// A wrong name or password at sign-in (the name tried and the client address; never the password).
    case signInFailed = "sign_in_failed"
    /// Too many failures: an account, or a client address, is locked for a while.
    case signInLocked = "sign_in_locked"
}

/// Writes and checks the hash-chained audit trail.
enum AuditTrail {
    static let genesisHash = String(repeating: "0", count: 64)

    /// Records one change. Run it in the transaction that makes the change, so both land or neither does.
    static func record(
        on db: any Database,
        actor: AuditActor,
        action: AuditAction,
        entity: String,
        entityID: String,
        before: [String: String]?,
        after: [String: String]?,
        personalFields: Set<String> = [],
        now: Date
    ) async throws {
        guard db.inTransaction else {
            try await db.transaction { transaction in
                try await record(
                    on: transaction,
                    actor: actor,
                    action: action,
                    entity: entity,
                    entityID: entityID,
                    before: before,
                    after: after,
                    personalFields: personalFields,
                    now: now
                )
            }
            return
        }
        let changes = diff(before: before, after: after, personalFields: personalFields)
        // Bumping the head first takes its row lock, so concurrent writers queue here and the chain stays a line.
        try await db.sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").run()
        guard let head = try await db.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() else {
            throw AuditError.missingHead
        }
        let entry = AuditEntry()
        entry.seq = try head.decode(column: "seq", as: Int.self)
        entry.prevHash = try head.decode(column: "hash", as: String.self)
        entry.atMillis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        entry.actorID = actor.id
        entry.actorName = actor.name
        entry.action = action.rawValue
        entry.entity = entity
        entry.entityID = entityID
        entry.changes = changes
        entry.hash = hash(of: entry)
        try await entry.insert(on: db)
        try await db.sql.update("audit_head").set("hash", to: SQLBind(entry.hash)).where("id", .equal, SQLBind(1))
            .run()
    }

    /// SHA-256 over the previous hash and every field of the row, in a fixed order.
    static func hash(of entry: AuditEntry) -> String {
        let fields: [String] = [
            entry.prevHash, String(entry.seq), String(entry.atMillis), entry.actorID?.uuidString ?? "",
            entry.actorName, entry.action, entry.entity, entry.entityID, entry.changes,
        ]
        return SecretToken.hex(SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8)))
    }

    /// `{"field":[old,new]}` with sorted keys; unchanged fields are left out.
    static func diff(before: [String: String]?, after: [String: String]?, personalFields: Set<String>) -> String {
        var changes: [String: [Any]] = [:]
        for field in Set((before ?? [:]).keys).union((after ?? [:]).keys) {
            let old = before?[field]
            let new = after?[field]
            guard old != new else { continue }
            let shown = { (value: String?) -> Any in
                guard let value else { return NSNull() }
                return personalFields.contains(field) ? Masking.mask(value) : value
            }
            changes[field] = [shown(old), shown(new)]
        }
        let data = (try? JSONSerialization.data(withJSONObject: changes, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

enum AuditError: Error {
    case missingHead
}
