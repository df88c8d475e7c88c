/// Characters refused in stored text. A NUL cuts a value short in C-string code (it came back as "Lê" from
/// "Lê\0Văn"); other control characters break CSV, logs and terminals; bidi controls and invisible characters
/// make a name read as another one ("Nguyễn\u{202E}nạV") or two names look equal that are not.
public enum TextHygiene {
    public enum Kind: Sendable {
        /// One line: no control characters at all.
        case line
        /// Free text over several lines: tab, line feed and carriage return allowed.
        case multiline
        /// A name of a person, unit, area or place: one line, and no bidi or zero-width characters either.
        case name
    }

    public enum Problem: Equatable, Sendable {
        /// A C0 or C1 control character or DEL, with its code point.
        case control(UInt32)
        /// A bidi override or isolate, or a zero-width character, with its code point.
        case invisible(UInt32)

        /// The character as a reader can look it up: "U+0000".
        public var codePoint: String {
            let value =
                switch self {
                case .control(let value), .invisible(let value): value
                }
            let hex = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// The first refused character of `text`, or nil when the text is acceptable as `kind`.
    public static func problem(in text: String, as kind: Kind) -> Problem? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isControl(value) {
                if kind == .multiline, value == 0x09 || value == 0x0A || value == 0x0D { continue }
                return .control(value)
            }
            if kind == .name, isInvisible(value) { return .invisible(value) }
        }
        return nil
    }

    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), zero-width space, joiners
    /// (U+200B–U+200D), word joiner (U+2060) and the byte order mark used as a zero-width no-break space.
    static func isInvisible(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || (0x200B...0x200D).contains(value)
            || value == 0x2060 || value == 0xFEFF
    }
}
