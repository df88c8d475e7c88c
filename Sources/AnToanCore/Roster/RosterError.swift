/// A rejected roster instance; every case names the offending JSON field (e.g. `demand[3].shift`).
public enum RosterError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedJSON(field: String, detail: String)
    case invalidDays(field: String, value: Int)
    case invalidDate(field: String, value: String)
    case dateOutOfRange(field: String, value: String)
    case invalidTime(field: String, value: String)
    case invalidShiftLength(field: String, hours: Double)
    case overlappingShifts(field: String, other: String, post: String)
    case emptyIdentifier(field: String)
    case duplicateIdentifier(field: String, id: String)
    case duplicateEntry(field: String)
    case unknownShift(field: String, id: String)
    case unknownStaff(field: String, id: String)
    case unknownPost(field: String, id: String)
    case shiftBoundToOtherPost(field: String, shift: String, post: String)
    case unknownRole(field: String, value: String)
    case negativeCount(field: String, value: Int)
    case belowLegalMinimum(field: String, value: Double, minimum: Double, law: String)
    case outOfRange(field: String, value: Double, range: ClosedRange<Double>)

    /// The JSON path of the offending value.
    public var field: String {
        switch self {
        case .malformedJSON(let field, _), .invalidDays(let field, _), .invalidDate(let field, _),
            .dateOutOfRange(let field, _), .invalidTime(let field, _), .invalidShiftLength(let field, _),
            .overlappingShifts(let field, _, _), .emptyIdentifier(let field), .duplicateIdentifier(let field, _),
            .duplicateEntry(let field), .unknownShift(let field, _), .unknownStaff(let field, _),
            .unknownPost(let field, _), .shiftBoundToOtherPost(let field, _, _), .unknownRole(let field, _),
            .negativeCount(let field, _), .belowLegalMinimum(let field, _, _, _), .outOfRange(let field, _, _):
            field
        }
    }

    public var englishMessage: String {
        switch self {
        case .malformedJSON(let field, let detail): "Field `\(field)`: malformed JSON (\(detail))."
        case .invalidDays(let field, let value): "Field `\(field)`: \(value) days; must be between 1 and 366."
        case .invalidDate(let field, let value): "Field `\(field)`: \"\(value)\" is not a date in yyyy-MM-dd form."
        case .dateOutOfRange(let field, let value): "Field `\(field)`: \(value) is outside the roster period."
        case .invalidTime(let field, let value): "Field `\(field)`: \"\(value)\" is not a time in HH:mm form."
        case .invalidShiftLength(let field, let hours):
            "Field `\(field)`: a shift lasts \(hours) h; it must be longer than 0 h and at most 24 h."
        case .overlappingShifts(let field, let other, let post):
            "Field `\(field)`: overlaps shift `\(other)` at post `\(post)`."
        case .emptyIdentifier(let field): "Field `\(field)`: the identifier is empty."
        case .duplicateIdentifier(let field, let id): "Field `\(field)`: identifier `\(id)` is used twice."
        case .duplicateEntry(let field): "Field `\(field)`: repeats an earlier entry for the same date, shift and post."
        case .unknownShift(let field, let id): "Field `\(field)`: unknown shift `\(id)`."
        case .unknownStaff(let field, let id): "Field `\(field)`: unknown staff member `\(id)`."
        case .unknownPost(let field, let id): "Field `\(field)`: unknown post `\(id)`."
        case .shiftBoundToOtherPost(let field, let shift, let post):
            "Field `\(field)`: shift `\(shift)` belongs to post `\(post)`."
        case .unknownRole(let field, let value): "Field `\(field)`: unknown role `\(value)` (use leader or officer)."
        case .negativeCount(let field, let value): "Field `\(field)`: \(value) is negative."
        case .belowLegalMinimum(let field, let value, let minimum, let law):
            "Field `\(field)`: \(value) is below the legal minimum \(minimum) (\(law))."
        case .outOfRange(let field, let value, let range):
            "Field `\(field)`: \(value) is outside \(range.lowerBound)…\(range.upperBound)."
        }
    }

    public var vietnameseMessage: String {
        switch self {
        case .malformedJSON(let field, let detail): "Trường `\(field)`: JSON không hợp lệ (\(detail))."
        case .invalidDays(let field, let value): "Trường `\(field)`: \(value) ngày; phải từ 1 đến 366."
        case .invalidDate(let field, let value): "Trường `\(field)`: \"\(value)\" không phải ngày dạng yyyy-MM-dd."
        case .dateOutOfRange(let field, let value): "Trường `\(field)`: ngày \(value) nằm ngoài kỳ lịch trực."
        case .invalidTime(let field, let value): "Trường `\(field)`: \"\(value)\" không phải giờ dạng HH:mm."
        case .invalidShiftLength(let field, let hours):
            "Trường `\(field)`: ca dài \(hours) giờ; phải lớn hơn 0 và không quá 24 giờ."
        case .overlappingShifts(let field, let other, let post):
            "Trường `\(field)`: trùng giờ với ca `\(other)` tại chốt `\(post)`."
        case .emptyIdentifier(let field): "Trường `\(field)`: mã định danh bị trống."
        case .duplicateIdentifier(let field, let id): "Trường `\(field)`: mã `\(id)` bị dùng hai lần."
        case .duplicateEntry(let field): "Trường `\(field)`: lặp lại một mục trước đó cùng ngày, ca và chốt."
        case .unknownShift(let field, let id): "Trường `\(field)`: không có ca `\(id)`."
        case .unknownStaff(let field, let id): "Trường `\(field)`: không có cán bộ `\(id)`."
        case .unknownPost(let field, let id): "Trường `\(field)`: không có chốt trực `\(id)`."
        case .shiftBoundToOtherPost(let field, let shift, let post):
            "Trường `\(field)`: ca `\(shift)` thuộc chốt `\(post)`."
        case .unknownRole(let field, let value):
            "Trường `\(field)`: vai trò `\(value)` không hợp lệ (dùng leader hoặc officer)."
        case .negativeCount(let field, let value): "Trường `\(field)`: \(value) là số âm."
        case .belowLegalMinimum(let field, let value, let minimum, let law):
            "Trường `\(field)`: \(value) thấp hơn mức tối thiểu \(minimum) theo luật (\(law))."
        case .outOfRange(let field, let value, let range):
            "Trường `\(field)`: \(value) nằm ngoài khoảng \(range.lowerBound)…\(range.upperBound)."
        }
    }

    /// Vietnamese first, then English, for CLI output and logs.
    public var description: String {
        "\(vietnameseMessage) / \(englishMessage)"
    }
}
