/// A rejected shift pattern; every case but `empty` names the shift at fault.
public enum ShiftPatternError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case emptyIdentifier(position: Int)
    case duplicateShift(shift: String)
    case invalidTime(shift: String, value: String)
    case invalidLength(shift: String, hours: Double)
    case overlap(shift: String, other: String)

    public var vietnameseMessage: String {
        switch self {
        case .empty: "Mẫu ca trực chưa có ca nào."
        case .emptyIdentifier(let position): "Ca thứ \(position) chưa có mã."
        case .duplicateShift(let shift): "Mã ca `\(shift)` bị dùng hai lần."
        case .invalidTime(let shift, let value): "Ca `\(shift)`: giờ bắt đầu \"\(value)\" không đúng dạng HH:mm."
        case .invalidLength(let shift, let hours):
            "Ca `\(shift)` dài \(Self.text(hours)) giờ; ca phải dài hơn 0 và không quá 24 giờ."
        case .overlap(let shift, let other): "Ca `\(shift)` trùng giờ với ca `\(other)`."
        }
    }

    public var englishMessage: String {
        switch self {
        case .empty: "The shift pattern has no shift."
        case .emptyIdentifier(let position): "Shift \(position) has no id."
        case .duplicateShift(let shift): "Shift id `\(shift)` is used twice."
        case .invalidTime(let shift, let value): "Shift `\(shift)`: start \"\(value)\" is not a time in HH:mm form."
        case .invalidLength(let shift, let hours):
            "Shift `\(shift)` lasts \(Self.text(hours)) h; a shift must be longer than 0 h and at most 24 h."
        case .overlap(let shift, let other): "Shift `\(shift)` overlaps shift `\(other)`."
        }
    }

    /// "8", "0.5": whole hours without a decimal point.
    private static func text(_ hours: Double) -> String {
        hours.isFinite && hours.rounded() == hours && abs(hours) < 1_000_000 ? "\(Int(hours))" : "\(hours)"
    }

    /// Vietnamese first, then English, for CLI output and logs.
    public var description: String {
        "\(vietnameseMessage) / \(englishMessage)"
    }
}
