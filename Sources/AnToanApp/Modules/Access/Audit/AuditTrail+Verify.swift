import Fluent
import SQLKit

/// The outcome of walking the whole chain.
enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    case broken(seq: Int, reason: String)

    var message: String {
        switch self {
        case .intact(let entries): "Audit trail OK: \(entries) entries"
        case .broken(let seq, let reason): "Audit trail broken at entry #\(seq): \(reason)"
        }
    }
}

extension AuditTrail {
    /// Walks the trail in order, in pages, and names the first entry that does not fit the chain.
    static func verify(on db: any Database, pageSize: Int = 1_000) async throws -> AuditVerification {
        var expectedSeq = 1
        var previousHash = genesisHash
        while true {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$seq >= expectedSeq)
                .sort(\.$seq)
                .limit(pageSize)
                .all()
            for entry in page {
                if entry.seq != expectedSeq {
                    return .broken(seq: expectedSeq, reason: "entry is missing")
                }
                if entry.prevHash != previousHash {
                    return .broken(seq: entry.seq, reason: "does not point at the entry before it")
                }
                if hash(of: entry) != entry.hash {
                    return .broken(seq: entry.seq, reason: "its content was changed after it was written")
                }
                previousHash = entry.hash
                expectedSeq += 1
            }
            if page.count < pageSize { break }
        }
        guard let head = try await db.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first() else {
            throw AuditError.missingHead
        }
        let headSeq = try head.decode(column: "seq", as: Int.self)
        let headHash = try head.decode(column: "hash", as: String.self)
        if headSeq != expectedSeq - 1 || headHash != previousHash {
            return .broken(seq: expectedSeq, reason: "entries after #\(expectedSeq - 1) were removed")
        }
        return .intact(entries: expectedSeq - 1)
    }
}
