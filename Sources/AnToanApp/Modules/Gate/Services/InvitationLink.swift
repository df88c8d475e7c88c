import Foundation

/// The signed link of an invitation: `/gate/i/<invitation id>.<MAC>`, the id in base64url and the first 16 bytes
/// of an HMAC-SHA256 under the app's secret. It only says which invitation; opening it at the gate fills the
/// check-in of a signed-in receptionist of the unit, and shows a visitor its day and QR code.
enum InvitationLink {
    static let pathPrefix = "/gate/i/"

    static func token(_ id: UUID, secret: String) -> String {
        let payload = Data(withUnsafeBytes(of: id.uuid, Array.init)).base64URLEncoded
        return payload + "." + mac(payload, secret: secret)
    }

    static func path(_ id: UUID, secret: String) -> String { pathPrefix + token(id, secret: secret) }

    /// The invitation of an authentic token; nil for anything forged, altered or malformed.
    static func verify(_ token: String, secret: String) -> UUID? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let bytes = Data(base64URL: parts[0]), bytes.count == 16,
            Data(bytes).base64URLEncoded == parts[0],
            SecretToken.equalInConstantTime(mac(parts[0], secret: secret).utf8, parts[1].utf8)
        else { return nil }
        return bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }

    private static func mac(_ payload: String, secret: String) -> String {
        String(SecretToken.hmac("antoan.invitation." + payload, secret: secret).prefix(22))
    }
}
