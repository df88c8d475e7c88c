import Foundation

/// Diacritic-blind text for search: "Nguyễn Văn Đức" becomes "nguyen van duc".
public enum Folding {
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            // Combining marks carry the Vietnamese tones and vowel marks once decomposed.
            if (0x0300...0x036F).contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            switch scalar {
            // Đ/đ has no decomposition: it is a letter of its own that searches expect to find as "d".
            case "Đ", "đ": result.append("d")
            default: result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        var folded = String(result)
        if folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }
}

extension Folding {
    /// The keys a folded name is found by: the name from each word on. "nguyen van duc" gives
    /// "nguyen van duc", "van duc" and "duc", so a search for "van d" finds it by one range scan.
    public static func searchKeys(_ folded: String) -> [String] {
        let words = folded.split(separator: " ")
        return words.indices.map { words[$0...].joined(separator: " ") }
    }

    /// The half-open range `[lower, upper)` of keys that start with a folded search text, for an
    /// index range scan that is the same on SQLite and PostgreSQL (keys compare byte by byte).
    public static func prefixRange(_ folded: String) -> (lower: String, upper: String) {
        (folded, folded + "\u{10FFFF}")
    }
}
