/// The follow-up code a tip's sender writes down: 120 random bits as 24 characters of Crockford's base32 in six
/// groups of four (`K7QD-9M2X-…`). No I, L, O or U, so that what is read back from paper is what was written;
/// what a person types is read leniently (lower case, spaces, O for 0, I and L for 1).
public enum TipCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// 15 random bytes: 120 bits, 24 characters.
    public static let byteCount = 15
    public static let length = 24
    public static let groupLength = 4

    /// The code of `bytes` (the caller draws them at random), grouped for the eye.
    public static func make(from bytes: [UInt8]) -> String {
        var characters: [Character] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                characters.append(alphabet[(buffer >> bits) & 31])
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { characters.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return grouped(String(characters))
    }

    /// `ABCD-EFGH-…`.
    public static func grouped(_ code: String) -> String {
        var out = ""
        for (index, character) in code.enumerated() {
            if index > 0, index % groupLength == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }

    /// The code as stored (its hash is taken of this): upper case, no separators, look-alikes mapped. Nil when it
    /// cannot be a code (a wrong length or a character outside the alphabet), which is answered as an unknown
    /// code is.
    public static func normalized(_ typed: String) -> String? {
        var out = ""
        for character in typed.uppercased() {
            switch character {
            case " ", "-", "\t", ".": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                out.append(character)
            }
            if out.count > length { return nil }
        }
        return out.count == length ? out : nil
    }
}
