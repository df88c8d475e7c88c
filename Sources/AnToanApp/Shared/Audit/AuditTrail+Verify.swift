import Fluent
import Foundation
import SQLKit

/// The outcome of walking the chain and holding it against the checkpoints.
enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    case broken(seq: Int, reason: String)
    /// A checkpoint names an entry past the end of the trail: the newest entries were removed.
    case rolledBack(checkpointSeq: Int, checkpointAt: String, trailEnd: Int)
    /// A checkpoint's entry has another hash now: that entry or one before it was rewritten.
    case rewritten(seq: Int, checkpointAt: String)
    case checkpointRefused(source: String, reason: String)

    var message: String {
        switch self {
        case .intact(let entries): "Audit trail OK: \(entries) entries"
        case .broken(let seq, let reason): "Audit trail broken at entry #\(seq): \(reason)"
        case .rolledBack(let seq, let at, let end):
            "Audit trail rolled back: checkpoint of \(Self.shown(at)) names entry \(seq), the trail ends at \(end)"
        case .rewritten(let seq, let at):
            "Audit trail rewritten at or before entry \(seq) (checkpoint of \(Self.shown(at)))"
        case .checkpointRefused(let source, let reason): "Checkpoint refused: \(source): \(reason)"
        }
    }

    /// dd/MM/yyyy HH:mm in Vietnam, as every date on screen.
    private static func shown(_ at: String) -> String {
        (try? Date(at, strategy: .iso8601)).map(VietnamTime.dateTime) ?? at
    }
}

extension AuditTrail {
    /// Walks the trail in order, in pages, names the first entry that does not fit the chain, then holds the
    /// trail against each checkpoint (signature first, pinned to `trustedKey` when given).
    ///
    /// The walk stops at the head read before it starts: entries up to it were committed with it, and entries
    /// that arrive meanwhile (a live server) are left to the next run instead of raising a false alarm.
    /// Checkpoints are read by the caller before this runs, so none can name an entry past that head honestly.
    static func verify(
        on db: any Database,
        checkpoints: [SourcedCheckpoint] = [],
        trustedKey: String? = nil,
        pageSize: Int = 1_000
    ) async throws -> AuditVerification {
        for sourced in checkpoints {
            if let problem = sourced.checkpoint.problem(trustedKey: trustedKey) {
                return .checkpointRefused(source: sourced.source, reason: problem)
            }
        }
        let head = try await head(on: db)
        let checkedSeqs = Set(checkpoints.map(\.checkpoint.seq))
        var hashes: [Int: String] = [:]
        var expectedSeq = 1
        var previousHash = genesisHash
        while expectedSeq <= head.seq {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$seq >= expectedSeq)
                .filter(\.$seq <= head.seq)
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
                if checkedSeqs.contains(entry.seq) { hashes[entry.seq] = entry.hash }
                previousHash = entry.hash
                expectedSeq += 1
            }
            if page.count < pageSize { break }
        }
        if head.seq != expectedSeq - 1 || head.hash != previousHash {
            return .broken(seq: expectedSeq, reason: "entries after #\(expectedSeq - 1) were removed")
        }
        // Entries past a head read afterwards were not written by the app, which moves both at once.
        let newest = try await AuditEntry.query(on: db).max(\.$seq) ?? 0
        let headNow = try await self.head(on: db)
        if newest > headNow.seq {
            return .broken(seq: headNow.seq + 1, reason: "the head was moved back to #\(headNow.seq)")
        }
        for checkpoint in checkpoints.map(\.checkpoint).sorted(by: { $0.seq < $1.seq }) {
            if checkpoint.seq > head.seq {
                return .rolledBack(checkpointSeq: checkpoint.seq, checkpointAt: checkpoint.at, trailEnd: head.seq)
            }
            if hashes[checkpoint.seq] != checkpoint.hash {
                return .rewritten(seq: checkpoint.seq, checkpointAt: checkpoint.at)
            }
        }
        return .intact(entries: head.seq)
    }
}
