/// The rules a new password must meet; long passphrases beat character-class rules.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    public enum Problem: Equatable, Sendable {
        case tooShort
        case tooLong
        case mismatch
    }

    public static func check(_ password: String, confirmation: String? = nil) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        if let confirmation, confirmation != password { return .mismatch }
        return nil
    }
}
