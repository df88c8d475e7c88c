/// Hides personal data in logs and the audit trail, keeping enough to recognise it.
public enum Masking {
    /// Keeps the first two and last two characters of values longer than six: "0912345678" → "09******78".
    public static func mask(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 6 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(2)) + String(repeating: "*", count: characters.count - 4)
            + String(characters.suffix(2))
    }
}
