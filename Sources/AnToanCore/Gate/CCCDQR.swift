/// What the QR code on the back of a chip identity card (CCCD, thẻ căn cước) holds: its fields in this order,
/// separated by `|`: the 12-digit number, the old CMND number (often empty), the full name, the date of birth
/// (ddMMyyyy), the sex, the place of residence and the date of issue (ddMMyyyy). Cards issued from 07/2024 may add
/// fields after these; they are ignored.
public struct CCCDQR: Equatable, Sendable {
    public var number: String
    public var oldNumber: String?
    public var fullName: String
    public var birthDate: SolarDate
    public var sex: String
    public var address: String
    public var issueDate: SolarDate?

    public enum Problem: Error, Equatable, Sendable {
        /// Fewer than the seven fields, or far more text than a card holds.
        case notACardCode
        case badNumber
        case badOldNumber
        case missingName
        case badBirthDate
        case badIssueDate
    }

    /// The longest text a card's code holds: a long address in Vietnamese stays far below.
    public static let maxLength = 600

    public init(
        number: String,
        oldNumber: String?,
        fullName: String,
        birthDate: SolarDate,
        sex: String,
        address: String,
        issueDate: SolarDate?
    ) {
        self.number = number
        self.oldNumber = oldNumber
        self.fullName = fullName
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.issueDate = issueDate
    }

    /// Reads the text a scanner gave; surrounding spaces and line breaks are dropped.
    public static func parse(_ text: String) -> Result<CCCDQR, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else { return .failure(.notACardCode) }
        let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard fields.count >= 7 else { return .failure(.notACardCode) }
        guard case .success(let number) = DocumentType.citizenID.check(fields[0]), number == fields[0] else {
            return .failure(.badNumber)
        }
        let old = fields[1]
        if !old.isEmpty, DocumentType.oldID.check(old) != .success(old) { return .failure(.badOldNumber) }
        let name = fields[2].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else { return .failure(.missingName) }
        guard let birth = date(fields[3]) else { return .failure(.badBirthDate) }
        var issue: SolarDate?
        if !fields[6].isEmpty {
            guard let date = date(fields[6]) else { return .failure(.badIssueDate) }
            issue = date
        }
        return .success(
            CCCDQR(
                number: number,
                oldNumber: old.isEmpty ? nil : old,
                fullName: name,
                birthDate: birth,
                sex: fields[4],
                address: fields[5],
                issueDate: issue
            )
        )
    }

    /// ddMMyyyy, as the card writes its dates.
    static func date(_ text: String) -> SolarDate? {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = Array(text)
        guard let day = Int(String(digits[0..<2])), let month = Int(String(digits[2..<4])),
            let year = Int(String(digits[4..<8])), (1900...2199).contains(year)
        else { return nil }
        return SolarDate(year: year, month: month, day: day)
    }
}
