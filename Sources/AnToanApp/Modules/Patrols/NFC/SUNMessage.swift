import Crypto
import CryptoExtras
import Foundation

/// A tap of an NTAG 424 DNA tag: the UID and read counter it vouched for.
struct SUNTap: Equatable, Sendable {
    /// The tag's 7-byte UID, most significant byte first (as printed on the tag, e.g. 04DE5F1EACC040).
    let uid: [UInt8]
    /// SDMReadCtr: the tag increments it at every read, so a tap can be accepted only once.
    let counter: UInt32
}

/// Verification of the "Secure Unique NFC" (SUN) message an NTAG 424 DNA appends to its URL at each tap,
/// in AES mode, as described in NXP AN12196 ("NTAG 424 DNA and NTAG 424 DNA TagTamper features and hints"),
/// section 4.4.4 (encrypted PICCData mirroring with SDMMAC).
///
/// The tag sends two parameters:
/// - PICCData (`picc_data` or `e`): `PICCDataTag || UID || SDMReadCtr || padding`, one AES block encrypted
///   with AES-128-CBC, zero IV, under K_SDMMetaRead. It tells us which tag was tapped and how many times.
/// - SDMMAC (`cmac` or `c`): proves the tap came from a tag holding K_SDMFileRead; the key it is computed with
///   is derived from the UID and counter, so neither can be changed without breaking it.
enum SUNMessage {
    enum Problem: Error, Equatable {
        /// A parameter is not hex of the expected length.
        case malformed
        /// A key is not 16 bytes: the server's configuration is wrong, not the tap.
        case badKey
        /// The decrypted PICCData does not announce a mirrored 7-byte UID and counter: wrong key or forged data.
        case badPICCData
        /// The SDMMAC does not match: wrong key, or the message was forged or altered.
        case wrongCMAC
        /// An authentic tap that was already accepted (or an older one): someone replays a recorded URL.
        case replayed(counter: UInt32, last: UInt32)
    }

    /// Checks a SUN message and returns the tap it proves.
    ///
    /// Answer `.badPICCData` and `.wrongCMAC` alike to the client: telling them apart helps no honest user.
    ///
    /// - Parameters:
    ///   - piccData: the encrypted PICCData, 32 hex characters (either case).
    ///   - cmac: the truncated SDMMAC, 16 hex characters (either case).
    ///   - metaReadKey: K_SDMMetaRead, 16 bytes; decrypts the PICCData.
    ///   - fileReadKey: K_SDMFileRead, 16 bytes; the session MAC key is derived from it.
    ///   - macInput: the bytes of the URL the tag MACs, from SDMMACInputOffset up to the MAC itself. Empty when
    ///     the MAC input offset equals the MAC offset (the usual `?picc_data=…&cmac=…`); with mirrored file data
    ///     it is the URL text in between, e.g. `Array("CEE9A53E3E463EF1F459635736738962&cmac=".utf8)`.
    ///   - lastCounter: the highest counter already accepted for this tag, `nil` if none.
    static func verify(
        piccData: String,
        cmac: String,
        metaReadKey: [UInt8],
        fileReadKey: [UInt8],
        macInput: [UInt8] = [],
        lastCounter: UInt32?
    ) throws(Problem) -> SUNTap {
        guard metaReadKey.count == 16, fileReadKey.count == 16 else { throw .badKey }
        guard let encrypted = bytes(hex: piccData, count: 16), let receivedMAC = bytes(hex: cmac, count: 8) else {
            throw .malformed
        }

        let plain = try decryptBlock(encrypted, key: metaReadKey)
        // 0xC7: UID mirrored (bit 7), SDMReadCtr mirrored (bit 6), UID length 7 (bits 3-0). The 5 bytes after
        // the counter are random padding, so they cannot be checked.
        guard plain[0] == 0xC7 else { throw .badPICCData }
        let uid = Array(plain[1..<8])
        let counter = plain[8..<11].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }  // little-endian

        // SDMMAC is the CMAC of the MAC input, truncated to its bytes at odd indices (1, 3, …, 15).
        let sessionKey = try sessionMACKey(fileReadKey: fileReadKey, uid: uid, counter: counter)
        let fullMAC = try fullCMAC(macInput, key: sessionKey)
        let expectedMAC = stride(from: 1, to: 16, by: 2).map { fullMAC[$0] }
        guard SecretToken.equalInConstantTime(expectedMAC, receivedMAC) else { throw .wrongCMAC }

        // Only now is the counter authentic, so only now may it be compared.
        if let lastCounter, counter <= lastCounter { throw .replayed(counter: counter, last: lastCounter) }
        return SUNTap(uid: uid, counter: counter)
    }

    /// KSesSDMFileReadMAC = CMAC(K_SDMFileRead, SV2), SV2 = 3CC3 0001 0080 || UID || SDMReadCtr (little-endian).
    /// Deriving it per tap binds the MAC to this UID and counter. With a 7-byte UID, SV2 is exactly one block,
    /// so it needs no padding.
    static func sessionMACKey(fileReadKey: [UInt8], uid: [UInt8], counter: UInt32) throws(Problem) -> [UInt8] {
        let counterBytes = (0..<3).map { UInt8(truncatingIfNeeded: counter >> (8 * $0)) }
        return try fullCMAC([0x3C, 0xC3, 0x00, 0x01, 0x00, 0x80] + uid + counterBytes, key: fileReadKey)
    }

    /// Decodes exactly `count` bytes from ASCII hex, or `nil`. Works on UTF-8 code units because
    /// `Character.hexDigitValue` also accepts fullwidth digits such as "０".
    /// `count` bytes from `2 × count` hex digits; nil for anything else.
    static func bytes(hex: String, count: Int) -> [UInt8]? {
        guard hex.utf8.count == 2 * count else { return nil }
        let digits = hex.utf8.map { unit -> UInt8? in
            switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): unit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = digits[index], let low = digits[index + 1] else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }

    /// AES-128-CBC with a zero IV over a single block, as the tag encrypts PICCData.
    private static func decryptBlock(_ block: [UInt8], key: [UInt8]) throws(Problem) -> [UInt8] {
        do {
            let iv = try AES._CBC.IV(ivBytes: [UInt8](repeating: 0, count: 16))
            let plain = try AES._CBC.decrypt(block, using: SymmetricKey(data: key), iv: iv, noPadding: true)
            guard plain.count == 16 else { throw Problem.malformed }
            return Array(plain)
        } catch {
            // Unreachable with a 16-byte key and block, both checked above.
            throw .malformed
        }
    }

    /// The full 16-byte AES-CMAC of `message`.
    private static func fullCMAC(_ message: [UInt8], key: [UInt8]) throws(Problem) -> [UInt8] {
        do {
            var mac = try AES.CMAC(key: SymmetricKey(data: key))
            mac.update(data: message)
            return Array(mac.finalize())
        } catch {
            // Unreachable with a 16-byte key, checked above.
            throw .badKey
        }
    }
}
