import Foundation

/// Who a gate must hold (GATE-3): a unit's own list and its authority's for the area. A visitor matches an entry
/// by the document number, or by the name (diacritics, case and spacing aside) together with the date of birth;
/// a name alone never matches, so that a common name does not hold every namesake.
public enum Watchlist {
    public struct Entry: Sendable, Equatable {
        public var documentNumber: String?
        /// `Folding.fold` of the name.
        public var nameFolded: String?
        public var birthDate: SolarDate?

        public init(documentNumber: String?, nameFolded: String?, birthDate: SolarDate?) {
            self.documentNumber = documentNumber
            self.nameFolded = nameFolded
            self.birthDate = birthDate
        }

        /// An entry must say whom it is about: a number, or a name with a date of birth.
        public var identifies: Bool {
            !(documentNumber ?? "").isEmpty || (!(nameFolded ?? "").isEmpty && birthDate != nil)
        }
    }

    public struct Visitor: Sendable, Equatable {
        public var documentNumber: String
        public var fullName: String
        public var birthDate: SolarDate?

        public init(documentNumber: String, fullName: String, birthDate: SolarDate?) {
            self.documentNumber = documentNumber
            self.fullName = fullName
            self.birthDate = birthDate
        }
    }

    /// Whether `visitor` is the person of `entry`. Numbers compare without spaces, dots, hyphens or case.
    public static func matches(_ entry: Entry, _ visitor: Visitor) -> Bool {
        if let number = entry.documentNumber.map(comparable), !number.isEmpty,
            number == comparable(visitor.documentNumber)
        {
            return true
        }
        if let name = entry.nameFolded, !name.isEmpty, let birth = entry.birthDate, birth == visitor.birthDate {
            return name == Folding.fold(visitor.fullName)
        }
        return false
    }

    static func comparable(_ number: String) -> String {
        String(number.filter { $0.isLetter || $0.isNumber }).uppercased()
    }
}
