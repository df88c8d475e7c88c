/// The papers a visitor shows at the gate and the shape of each one's number.
///
/// The rules (the app records the number and issues a badge; it never keeps the card, Luật Căn cước 2023 Điều 7):
/// - `citizenID` — thẻ căn cước / căn cước công dân, and the electronic identity (VNeID): the 12-digit personal
///   identification number.
/// - `oldID` — chứng minh nhân dân: 9 digits (the old card) or 12 (the last ones issued); no longer valid after
///   31/12/2024 but still found on older records, so still accepted.
/// - `passport` — Vietnamese or foreign: 6 to 9 letters and digits with at least one digit (Vietnamese ones are a
///   letter and 7 digits, C1234567; many foreign ones are 9 digits).
/// - `other` — another paper with a number (a driving licence, a military or police card): 4 to 20 letters, digits
///   or hyphens.
///
/// A number is compared as written without spaces, dots or hyphens between groups and in upper case, except for
/// `other`, whose hyphens are kept.
public enum DocumentType: String, CaseIterable, Codable, Sendable {
    case citizenID = "cccd"
    case oldID = "cmnd"
    case passport
    case other

    public var nameVi: String {
        switch self {
        case .citizenID: "Thẻ căn cước / CCCD"
        case .oldID: "Chứng minh nhân dân"
        case .passport: "Hộ chiếu"
        case .other: "Giấy tờ khác"
        }
    }

    public var nameEn: String {
        switch self {
        case .citizenID: "Citizen ID card"
        case .oldID: "Old ID card (CMND)"
        case .passport: "Passport"
        case .other: "Other document"
        }
    }

    /// Why a number does not fit the document, in both languages.
    public struct Problem: Error, Equatable, Sendable {
        public let vi: String
        public let en: String
    }

    /// The number as stored: spaces, dots and (but for `other`) hyphens dropped, letters in upper case.
    public func normalized(_ number: String) -> String {
        let dropped: Set<Character> = self == .other ? [" ", "."] : [" ", ".", "-"]
        return String(number.filter { !dropped.contains($0) && !$0.isWhitespace }).uppercased()
    }

    /// The normalized number if it fits this document; the problem otherwise.
    public func check(_ number: String) -> Result<String, Problem> {
        let value = normalized(number)
        let digits = value.allSatisfy { $0.isASCII && $0.isNumber }
        let alphanumeric = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        switch self {
        case .citizenID:
            guard digits, value.count == 12 else {
                return .failure(Problem(vi: "số căn cước phải gồm đúng 12 chữ số", en: "must be exactly 12 digits"))
            }
        case .oldID:
            guard digits, value.count == 9 || value.count == 12 else {
                return .failure(Problem(vi: "số CMND phải gồm 9 hoặc 12 chữ số", en: "must be 9 or 12 digits"))
            }
        case .passport:
            guard alphanumeric, (6...9).contains(value.count), value.contains(where: \.isNumber) else {
                return .failure(
                    Problem(
                        vi: "số hộ chiếu gồm 6–9 chữ cái và chữ số, có ít nhất một chữ số",
                        en: "must be 6–9 letters and digits, at least one of them a digit"
                    )
                )
            }
        case .other:
            guard (4...20).contains(value.count),
                value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else {
                return .failure(
                    Problem(
                        vi: "số giấy tờ gồm 4–20 chữ cái không dấu, chữ số hoặc dấu -",
                        en: "must be 4–20 letters, digits or hyphens"
                    )
                )
            }
        }
        return .success(value)
    }
}
