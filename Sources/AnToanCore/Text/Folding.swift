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
