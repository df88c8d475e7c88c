import Foundation

/// Normalises and checks Vietnamese phone numbers and e-mail addresses as users type them.
public enum ContactFormat {
    /// "0912 345 678", "+84 912.345.678" → "0912345678"; nil when it is not a Vietnamese number
    /// (10 digits for mobiles, 11 for landlines, starting with 0).
    public static func phone(_ raw: String) -> String? {
        var digits = raw.filter { !" .-()".contains($0) }
        if digits.hasPrefix("+84") { digits = "0" + digits.dropFirst(3) }
        guard digits.hasPrefix("0"), (10...11).contains(digits.count), digits.allSatisfy(\.isASCII),
            digits.allSatisfy(\.isNumber)
        else { return nil }
        return digits
    }

    /// Lower-cased address when it has one `@`, a dotted domain and no spaces; nil otherwise.
    public static func email(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !value.contains(where: \.isWhitespace)
        else { return nil }
        return value
    }
}
