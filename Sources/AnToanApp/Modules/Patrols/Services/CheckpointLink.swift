import Crypto
import Foundation

/// The signed link a checkpoint's QR label and NFC tag carry (PAT-2): `/p/<checkpoint>.<label>.<mac>`, the
/// checkpoint's id and its label's generation in base64url, signed with HMAC-SHA256 under the app's secret (the
/// first 16 bytes). Forging one means knowing the secret; printing new labels (the next generation) makes the old
/// ones worthless. The link only says which checkpoint: a scan counts only for a signed-in guard with a round due.
enum CheckpointLink {
    static let pathPrefix = "/p/"

    /// The token of `checkpoint`'s labels of `generation`, about 60 characters, so that the QR stays small.
    static func token(checkpoint: UUID, generation: Int, secret: String) -> String {
        let payload = Data(uuidBytes(checkpoint)).base64URLEncoded + "." + String(generation)
        return payload + "." + Data(mac(payload, secret: secret)).base64URLEncoded
    }

    static func path(checkpoint: UUID, generation: Int, secret: String) -> String {
        pathPrefix + token(checkpoint: checkpoint, generation: generation, secret: secret)
    }

    /// The checkpoint and label generation of an authentic token; nil for anything forged, altered or malformed.
    static func verify(_ token: String, secret: String) -> (checkpoint: UUID, generation: Int)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count <= 6, let generation = Int(parts[1]), generation >= 0,
            let idBytes = Data(base64URL: String(parts[0])), idBytes.count == 16
        else { return nil }
        let id = idBytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        // Only the canonical spelling of each part is the printed link (base64 leaves spare bits in a last
        // character).
        let expected = Data(mac(parts[0] + "." + parts[1], secret: secret)).base64URLEncoded
        guard Data(uuidBytes(id)).base64URLEncoded == parts[0],
            SecretToken.equalInConstantTime(expected.utf8, parts[2].utf8)
        else { return nil }
        return (id, generation)
    }

    private static func mac(_ payload: some StringProtocol, secret: String) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(("antoan.checkpoint." + payload).utf8),
            using: SymmetricKey(data: Data(secret.utf8))
        )
        return Array(Data(code).prefix(16))
    }

    private static func uuidBytes(_ id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid, Array.init)
    }
}
