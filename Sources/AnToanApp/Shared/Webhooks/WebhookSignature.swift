import Crypto
import Foundation

/// Standard Webhooks signing: `v1,` and the base64 HMAC-SHA256 of "id.timestamp.body", keyed with the
/// base64-decoded part of the secret after `whsec_`.
enum WebhookSignature {
    static let prefix = "whsec_"

    /// A new secret: `whsec_` and the base64 of 32 random bytes.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
    }

    /// The `webhook-signature` header of a message; nil when the secret is not `whsec_` and base64.
    static func sign(id: String, timestamp: Int, body: String, secret: String) -> String? {
        guard secret.hasPrefix(prefix), let key = Data(base64Encoded: String(secret.dropFirst(prefix.count))) else {
            return nil
        }
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("\(id).\(timestamp).\(body)".utf8),
            using: SymmetricKey(data: key)
        )
        return "v1," + Data(code).base64EncodedString()
    }
}
