import AnToanCore
import Foundation

/// One problem with one submitted field, shown beside the field on a page and listed in an API error body.
struct FieldError: Error, Equatable, Sendable {
    enum Reason: Equatable, Sendable {
        case required
        case unknown
        case wrongType(expected: String)
        case tooLong(max: Int)
        case tooShort(min: Int)
        case invalid(vi: String, en: String)
        case taken
        case notFound
    }

    var field: String
    var reason: Reason

    func message(_ lang: Language) -> String {
        switch reason {
        case .required: lang("bắt buộc phải nhập", "is required")
        case .unknown: lang("không phải là trường được chấp nhận", "is not an accepted field")
        case .wrongType(let expected):
            lang("sai kiểu dữ liệu, cần \(expected)", "has the wrong type, expected \(expected)")
        case .tooLong(let max): lang("dài quá \(max) ký tự", "is longer than \(max) characters")
        case .tooShort(let min): lang("cần ít nhất \(min) ký tự", "needs at least \(min) characters")
        case .invalid(let vi, let en): lang(vi, en)
        case .taken: lang("đã được dùng", "is already taken")
        case .notFound: lang("không tìm thấy", "was not found")
        }
    }
}

extension FieldError.Reason {
    /// A character `TextHygiene` refuses, named by its code point.
    static func refused(_ problem: TextHygiene.Problem) -> Self {
        switch problem {
        case .control:
            .invalid(
                vi: "chứa ký tự điều khiển \(problem.codePoint), không được phép",
                en: "contains the control character \(problem.codePoint), which is not allowed"
            )
        case .invisible:
            .invalid(
                vi: "chứa ký tự ẩn hoặc đổi chiều chữ \(problem.codePoint), không được phép trong tên",
                en: "contains the invisible or direction-changing character \(problem.codePoint), not allowed in a name"
            )
        }
    }
}

/// Collects field problems while a form or DTO is checked, so that every problem is reported at once.
struct FieldChecker {
    private(set) var errors: [FieldError] = []

    init(_ errors: [FieldError] = []) {
        self.errors = errors
    }

    mutating func add(_ field: String, _ reason: FieldError.Reason) {
        errors.append(FieldError(field: field, reason: reason))
    }

    /// A text field: trimmed, required unless `optional`, never longer than `max` characters, and free of the
    /// characters `TextHygiene` refuses for its kind (one line unless said otherwise).
    @discardableResult
    mutating func text(
        _ field: String,
        _ value: String?,
        max: Int,
        min: Int = 0,
        optional: Bool = false,
        kind: TextHygiene.Kind = .line
    ) -> String {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if !optional { add(field, .required) }
        } else if let problem = TextHygiene.problem(in: trimmed, as: kind) {
            add(field, .refused(problem))
        } else if trimmed.count > max {
            add(field, .tooLong(max: max))
        } else if trimmed.count < min {
            add(field, .tooShort(min: min))
        }
        return trimmed
    }

    /// The name of a person, unit, area, body, post or site: a one-line text without bidi or zero-width characters.
    @discardableResult
    mutating func name(_ field: String, _ value: String?, max: Int, optional: Bool = false) -> String {
        text(field, value, max: max, optional: optional, kind: .name)
    }

    func message(for field: String, _ lang: Language) -> String? {
        errors.first { $0.field == field }?.message(lang)
    }

    func check() throws {
        if !errors.isEmpty { throw AppError.invalidFields(errors) }
    }
}

extension FieldChecker {
    /// A value of one of the enum's raw values; names the accepted values otherwise.
    mutating func choice<Kind: RawRepresentable & CaseIterable>(
        _ field: String,
        _ value: String?,
        _ type: Kind.Type,
        optional: Bool = false
    )
        -> Kind? where Kind.RawValue == String
    {
        guard let value, !value.isEmpty else {
            if !optional { add(field, .required) }
            return nil
        }
        guard let kind = Kind(rawValue: value) else {
            let accepted = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            add(field, .invalid(vi: "chỉ nhận: \(accepted)", en: "must be one of: \(accepted)"))
            return nil
        }
        return kind
    }

    /// A calendar date given as yyyy-MM-dd or dd/MM/yyyy, returned as yyyy-MM-dd.
    mutating func date(_ field: String, _ value: String?, optional: Bool = true) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            if !optional { add(field, .required) }
            return nil
        }
        guard let date = SolarDate(iso: value) ?? SolarDate(dmy: value) else {
            add(field, .invalid(vi: "cần ngày dạng dd/MM/yyyy", en: "needs a date as dd/MM/yyyy"))
            return nil
        }
        return date.iso
    }

    mutating func phone(_ field: String, _ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard value.count <= 30, let phone = ContactFormat.phone(value) else {
            add(
                field,
                .invalid(
                    vi: "không phải số điện thoại Việt Nam (10–11 chữ số)",
                    en: "is not a Vietnamese phone number (10–11 digits)"
                )
            )
            return nil
        }
        return phone
    }

    mutating func email(_ field: String, _ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let email = ContactFormat.email(value) else {
            add(field, .invalid(vi: "không phải địa chỉ e-mail hợp lệ", en: "is not a valid e-mail address"))
            return nil
        }
        return email
    }

    /// A code: letters, digits, - and _, at most 32 characters.
    mutating func code(_ field: String, _ value: String?) -> String {
        let code = text(field, value, max: 32)
        if !code.isEmpty, !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            add(field, .invalid(vi: "chỉ dùng chữ không dấu, số, - và _", en: "may use only letters, digits, - and _"))
        }
        return code
    }
}
