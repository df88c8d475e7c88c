import Fluent
import Foundation

/// The server's own copy of a signed checkpoint; the copies kept outside the database are the ones that count.
/// `@unchecked Sendable`: Fluent model.
final class AuditCheckpointRecord: Model, @unchecked Sendable {
    static let schema = "audit_checkpoints"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int
    @Field(key: "hash") var hash: String
    @Field(key: "at") var at: String
    @Field(key: "public_key") var publicKey: String
    @Field(key: "signature") var signature: String

    init() {}

    init(_ checkpoint: AuditCheckpoint) {
        seq = checkpoint.seq
        hash = checkpoint.hash
        at = checkpoint.at
        publicKey = checkpoint.publicKey
        signature = checkpoint.signature
    }

    var checkpoint: AuditCheckpoint {
        AuditCheckpoint(seq: seq, hash: hash, at: at, publicKey: publicKey, signature: signature)
    }
}

extension AuditCheckpointRecord {
    /// The checkpoint of the highest entry.
    static func latest(on db: any Database) async throws -> AuditCheckpointRecord? {
        try await query(on: db).sort(\.$seq, .descending).first()
    }
}
