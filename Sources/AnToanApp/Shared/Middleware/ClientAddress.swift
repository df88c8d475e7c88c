import NIOCore
import Vapor

/// The proxies (load balancers, an office's reverse proxy) whose `X-Forwarded-For` the app believes:
/// addresses and CIDR ranges, IPv4 and IPv6, from `TRUSTED_PROXIES`.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        var bytes: [UInt8]
        var prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefixLength
            for (mine, theirs) in zip(bytes, address) where remaining > 0 {
                let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
                guard mine & mask == theirs & mask else { return false }
                remaining -= 8
            }
            return true
        }
    }

    var ranges: [Range] = []

    /// Nobody is trusted: the client is always the peer.
    public static let none = TrustedProxies()

    /// Parses `10.0.0.0/8, 192.168.1.10, fd00::/8`; returns the entries that are not addresses or ranges.
    static func parse(_ text: String) -> (proxies: TrustedProxies, invalid: [String]) {
        var proxies = TrustedProxies()
        var invalid: [String] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = IPAddress.bytes(parts[0]) else {
                invalid.append(entry)
                continue
            }
            let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let length, (0...bytes.count * 8).contains(length) else {
                invalid.append(entry)
                continue
            }
            proxies.ranges.append(Range(bytes: bytes, prefixLength: length))
        }
        return (proxies, invalid)
    }

    func trusts(_ address: [UInt8]) -> Bool {
        ranges.contains { $0.contains(address) }
    }

    /// The client behind `peer`: the peer itself unless it is a trusted proxy; then the right-most address of
    /// `X-Forwarded-For` that is not itself trusted (what the first trusted proxy saw). Addresses to the left of
    /// that one were written by the client and are never believed.
    func clientAddress(peer: String?, forwardedFor: [String]) -> String {
        guard let peer, let peerBytes = IPAddress.bytes(peer) else { return peer ?? "unknown" }
        var client = (text: IPAddress.canonical(peer) ?? peer, bytes: peerBytes)
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard trusts(client.bytes) else { break }
            // A hop that is not an address was not written by a trusted proxy: keep the last trusted one.
            guard let text = IPAddress.stripPort(hop), let bytes = IPAddress.bytes(text) else { break }
            client = (IPAddress.canonical(text) ?? text, bytes)
        }
        return client.text
    }
}

/// IP address text to bytes and back, with NIO's parser.
enum IPAddress {
    /// 4 bytes for IPv4 (IPv4-mapped IPv6 too), 16 for IPv6; nil for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return mapped ? Array(bytes.suffix(4)) : bytes
        default:
            return nil
        }
    }

    static func canonical(_ text: String) -> String? {
        (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress
    }

    /// `1.2.3.4:5678` → `1.2.3.4`, `[2001:db8::1]:443` → `2001:db8::1`; a bare address is returned as it is.
    static func stripPort(_ hop: String) -> String? {
        if hop.hasPrefix("["), let close = hop.firstIndex(of: "]") {
            return String(hop[hop.index(after: hop.startIndex)..<close])
        }
        let colons = hop.filter { $0 == ":" }.count
        if colons == 1, let colon = hop.firstIndex(of: ":") { return String(hop[..<colon]) }
        return hop.isEmpty ? nil : hop
    }
}

extension Request {
    /// The address of the real client, for throttling and the audit trail (see `TrustedProxies`).
    var clientAddress: String {
        application.appConfig.trustedProxies.clientAddress(
            peer: remoteAddress?.ipAddress,
            forwardedFor: headers[.xForwardedFor]
        )
    }
}
