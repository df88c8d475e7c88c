import Foundation

/// Checks one row with the API's field rules (`FieldChecker`) and files each problem under its column.
struct ImportRow {
    let sheet: ImportSheet
    let record: ImportSheet.Record
    var checker = FieldChecker()

    init(_ sheet: ImportSheet, _ record: ImportSheet.Record) {
        self.sheet = sheet
        self.record = record
    }

    subscript(_ key: String) -> String? { sheet.value(key, in: record) }

    var number: Int { record.number }

    mutating func add(_ key: String, _ reason: FieldError.Reason) {
        checker.add(key, reason)
    }

    /// Problems of this row; a column missing from the whole file was reported once, on the header.
    var problems: [ImportProblem] {
        checker.errors.filter { !sheet.missing.contains($0.field) }.map {
            ImportProblem(row: record.number, column: sheet.header($0.field), reason: $0.reason)
        }
    }

    mutating func text(_ key: String, max: Int, optional: Bool = false) -> String {
        checker.text(key, self[key], max: max, optional: optional)
    }

    mutating func name(_ key: String, max: Int) -> String {
        checker.name(key, self[key], max: max)
    }

    /// An optional text: nil when empty.
    mutating func optionalText(_ key: String, max: Int) -> String? {
        let text = checker.text(key, self[key], max: max, optional: true)
        return text.isEmpty ? nil : text
    }

    mutating func code(_ key: String) -> String { checker.code(key, self[key]) }

    mutating func date(_ key: String, optional: Bool = true) -> String? {
        checker.date(key, self[key], optional: optional)
    }

    mutating func phone(_ key: String) -> String? { checker.phone(key, self[key]) }

    mutating func email(_ key: String) -> String? { checker.email(key, self[key]) }

    /// One of `words`' API values, written as the raw value or one of its Vietnamese words.
    mutating func choice(_ key: String, in words: ImportWords, optional: Bool = false) -> String? {
        guard let text = self[key] else {
            if !optional { add(key, .required) }
            return nil
        }
        return word(text, key: key, words)
    }

    /// Several values in one cell, separated by commas or semicolons.
    mutating func choices(_ key: String, in words: ImportWords) -> [String] {
        guard let text = self[key] else { return [] }
        return text.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { part in
            let word = part.trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : self.word(word, key: key, words)
        }
    }

    private mutating func word(_ text: String, key: String, _ words: ImportWords) -> String? {
        guard let value = words.value(text) else {
            add(key, ImportReason.choice(words))
            return nil
        }
        return value
    }

    /// Có/Không and the like; an empty cell is "no".
    mutating func yesNo(_ key: String) -> Bool {
        guard let text = self[key] else { return false }
        guard let value = ImportWords.bool(text) else {
            add(key, ImportReason.yesNo)
            return false
        }
        return value
    }

    /// A citizen ID (12 digits) or an old ID card number (9), as the API checks it.
    mutating func identityNumber(_ key: String) -> String? {
        guard let text = self[key] else { return nil }
        let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
        guard digits, text.count == 9 || text.count == 12 else {
            // Excel shows a long number typed into a General cell without its leading zero.
            let hint =
                digits && text.count == 11
                ? (
                    vi: " (Excel có thể đã bỏ số 0 ở đầu: hãy định dạng cột là Văn bản rồi nhập lại)",
                    en: " (Excel may have dropped the leading zero: format the column as Text and type it again)"
                ) : (vi: "", en: "")
            add(
                key,
                .invalid(
                    vi: "cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND)" + hint.vi,
                    en: "needs 12 digits (citizen ID) or 9 (old ID card)" + hint.en
                )
            )
            return nil
        }
        return text
    }
}
