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

/// Collects field problems while a form or DTO is checked, so that every problem is reported at once.
struct FieldChecker {
    private(set) var errors: [FieldError] = []

    mutating func add(_ field: String, _ reason: FieldError.Reason) {
        errors.append(FieldError(field: field, reason: reason))
    }

    /// A text field: trimmed, required unless `optional`, never longer than `max` characters.
    @discardableResult
    mutating func text(_ field: String, _ value: String?, max: Int, min: Int = 0, optional: Bool = false) -> String {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if !optional { add(field, .required) }
        } else if trimmed.count > max {
            add(field, .tooLong(max: max))
        } else if trimmed.count < min {
            add(field, .tooShort(min: min))
        }
        return trimmed
    }

    func message(for field: String, _ lang: Language) -> String? {
        errors.first { $0.field == field }?.message(lang)
    }

    func check() throws {
        if !errors.isEmpty { throw AppError.invalidFields(errors) }
    }
}
