import Crypto
import Foundation

/// A signed statement "the trail's entry `seq` had hash `hash` at `at`". Kept outside the database, it lets
/// `audit verify` notice a trail that was cut back or rewritten, which the hash chain alone cannot.
struct AuditCheckpoint: Codable, Equatable, Sendable {
    var seq: Int
    var hash: String
    /// ISO 8601 in UTC, to the second: signed as written, so it reads back the same.
    var at: String
    /// Base64 of the raw 32-byte Ed25519 public key.
    var publicKey: String
    /// Base64 of the Ed25519 signature over `signedText`.
    var signature: String

    enum CodingKeys: String, CodingKey {
        case seq
        case hash
        case at
        case publicKey = "public_key"
        case signature
    }

    /// Makes and signs a checkpoint of entry `seq`.
    static func sign(seq: Int, hash: String, at date: Date, key: Curve25519.Signing.PrivateKey) throws -> Self {
        var checkpoint = AuditCheckpoint(
            seq: seq,
            hash: hash,
            at: date.formatted(.iso8601),
            publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
            signature: ""
        )
        checkpoint.signature = try key.signature(for: Data(checkpoint.signedText.utf8)).base64EncodedString()
        return checkpoint
    }

    /// Every field but the signature, one per line, after a label that keeps the key from signing anything else.
    var signedText: String {
        "antoan audit checkpoint v1\n\(seq)\n\(hash)\n\(at)\n\(publicKey)"
    }

    var date: Date? { try? Date(at, strategy: .iso8601) }

    /// Why this checkpoint cannot be trusted, or nil. `trustedKey` pins the public key when one is known.
    func problem(trustedKey: String?) -> String? {
        guard let raw = Data(base64Encoded: publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return "its public key is not an Ed25519 key" }
        if let trustedKey, trustedKey != publicKey {
            return "it is signed by another key (\(publicKey)), not by \(trustedKey)"
        }
        guard let signature = Data(base64Encoded: signature),
            key.isValidSignature(signature, for: Data(signedText.utf8))
        else { return "its signature does not match its content" }
        guard seq > 0, date != nil else { return "it names no entry or no time" }
        return nil
    }

    /// One line of a checkpoint file.
    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Five plain fields always encode.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// A checkpoint with the place it was read from, so that a refusal can name it.
struct SourcedCheckpoint: Sendable {
    var checkpoint: AuditCheckpoint
    /// "FILE line N".
    var source: String
}

enum AuditCheckpointFile {
    /// Appends one checkpoint as a line, creating the file when it does not exist yet.
    static func append(_ checkpoint: AuditCheckpoint, to path: String) throws {
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil) else {
                throw AuditCheckpointFileError(message: "\(path) cannot be created")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw AuditCheckpointFileError(message: "\(path) cannot be written")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((checkpoint.jsonLine + "\n").utf8))
    }

    /// Reads every checkpoint of a file written by `append` (blank lines are skipped).
    static func read(_ path: String) throws -> [SourcedCheckpoint] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AuditCheckpointFileError(message: "\(path) cannot be read")
        }
        var checkpoints: [SourcedCheckpoint] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let source = "\(path) line \(index + 1)"
            guard let checkpoint = try? JSONDecoder().decode(AuditCheckpoint.self, from: Data(line.utf8)) else {
                throw AuditCheckpointFileError(message: "\(source) is not a checkpoint")
            }
            checkpoints.append(SourcedCheckpoint(checkpoint: checkpoint, source: source))
        }
        return checkpoints
    }
}

struct AuditCheckpointFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The Ed25519 key that signs checkpoints, from `AUDIT_SIGNING_KEY` or `AUDIT_SIGNING_KEY_FILE`.
enum AuditSigningKey {
    static func make() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (key.rawRepresentation.base64EncodedString(), key.publicKey.rawRepresentation.base64EncodedString())
    }

    /// Writes a new key file readable by its owner only; an existing file is never overwritten.
    static func write(_ privateKey: String, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailed(message: "out: \(path) already exists")
        }
        let created = FileManager.default.createFile(
            atPath: path,
            contents: Data((privateKey + "\n").utf8),
            attributes: [.posixPermissions: 0o600]
        )
        guard created else { throw CommandFailed(message: "out: \(path) cannot be written") }
    }

    static func load(_ raw: Data?) throws -> Curve25519.Signing.PrivateKey? {
        try raw.map { try Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    }
}
