import Crypto
import Fluent
import SQLKit
import Vapor

/// The head of the trail: the newest entry's number and hash (0 and the genesis hash when empty).
struct AuditHead: Equatable, Sendable {
    var seq: Int
    var hash: String
}

enum AuditCheckpointError: Error, CustomStringConvertible {
    case noKey
    case emptyTrail

    var description: String {
        switch self {
        case .noKey:
            "no signing key: set AUDIT_SIGNING_KEY_FILE or AUDIT_SIGNING_KEY (make one with antoan audit keygen)"
        case .emptyTrail: "the audit trail is empty: there is nothing to sign yet"
        }
    }
}

extension AuditTrail {
    static func head(on db: any Database) async throws -> AuditHead {
        guard let row = try await db.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() else {
            throw AuditError.missingHead
        }
        return AuditHead(
            seq: try row.decode(column: "seq", as: Int.self),
            hash: try row.decode(column: "hash", as: String.self)
        )
    }

    /// Signs the current head and keeps a copy in the database. Not audited itself: an entry for it would move
    /// the head it just signed, and the next scheduled checkpoint would never find the head still.
    static func checkpoint(app: Application) async throws -> AuditCheckpoint {
        guard let key = try AuditSigningKey.load(app.appConfig.auditSigningKey) else {
            throw AuditCheckpointError.noKey
        }
        let now = app.clock.now()
        return try await app.write { db in
            let head = try await head(on: db)
            guard head.seq > 0 else { throw AuditCheckpointError.emptyTrail }
            let checkpoint = try AuditCheckpoint.sign(seq: head.seq, hash: head.hash, at: now, key: key)
            try await AuditCheckpointRecord(checkpoint).insert(on: db)
            return checkpoint
        }
    }

    /// The scheduled step: a checkpoint when a key is configured and the head moved since the last one,
    /// appended to `AUDIT_CHECKPOINT_FILE` when that is set. Returns what it wrote.
    static func checkpointIfMoved(app: Application) async throws -> AuditCheckpoint? {
        guard app.appConfig.auditSigningKey != nil else { return nil }
        let head = try await head(on: app.db)
        let latest = try await AuditCheckpointRecord.latest(on: app.db)
        if let latest {
            if latest.seq == head.seq, latest.hash == head.hash { return nil }
            let signed = try await AuditEntry.query(on: app.db).filter(\.$seq == latest.seq).first()
            if latest.seq > head.seq || signed?.hash != latest.hash {
                // The head went back or changed under the last checkpoint: say so loudly, and sign nothing over it.
                app.logger.critical(
                    "audit trail rolled back or rewritten under its last checkpoint",
                    metadata: ["checkpoint_seq": "\(latest.seq)", "head_seq": "\(head.seq)"]
                )
                return nil
            }
        }
        guard head.seq > 0 else { return nil }
        let checkpoint = try await checkpoint(app: app)
        if let file = app.appConfig.auditCheckpointFile { try AuditCheckpointFile.append(checkpoint, to: file) }
        app.logger.notice("audit checkpoint", metadata: ["checkpoint": "\(checkpoint.jsonLine)"])
        return checkpoint
    }
}
