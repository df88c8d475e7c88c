import Foundation

/// What the competent authority determined an incident to be: a crime (of a severity), an administrative
/// violation, a breach of the unit's internal rules, or nothing unlawful.
public enum LegalQualification: String, CaseIterable, Codable, Sendable {
    case crime
    case administrativeViolation = "administrative_violation"
    case internalRuleBreach = "internal_rule_breach"
    case none

    public var nameVi: String {
        switch self {
        case .crime: "Tội phạm"
        case .administrativeViolation: "Vi phạm hành chính"
        case .internalRuleBreach: "Vi phạm nội quy"
        case .none: "Không vi phạm"
        }
    }

    public var nameEn: String {
        switch self {
        case .crime: "Crime"
        case .administrativeViolation: "Administrative violation"
        case .internalRuleBreach: "Internal rule breach"
        case .none: "No violation"
        }
    }
}

/// The severity of a crime by the maximum penalty of its frame (Bộ luật Hình sự 2015, Điều 9). It is stored
/// as the investigating authority determined it, never computed.
public enum CrimeSeverity: String, CaseIterable, Codable, Sendable {
    case lessSerious = "less_serious"
    case serious
    case verySerious = "very_serious"
    case especiallySerious = "especially_serious"

    public var nameVi: String {
        switch self {
        case .lessSerious: "Ít nghiêm trọng"
        case .serious: "Nghiêm trọng"
        case .verySerious: "Rất nghiêm trọng"
        case .especiallySerious: "Đặc biệt nghiêm trọng"
        }
    }

    public var nameEn: String {
        switch self {
        case .lessSerious: "Less serious"
        case .serious: "Serious"
        case .verySerious: "Very serious"
        case .especiallySerious: "Especially serious"
        }
    }

    /// TT 124 disqualifies a unit on "tội phạm nghiêm trọng trở lên": a serious crime or graver.
    public var isSeriousOrGraver: Bool { self != .lessSerious }
}

/// The outcome recorded when an incident is closed: what the TT 124 assessment needs of it.
public struct IncidentOutcome: Codable, Sendable, Equatable {
    public var qualification: LegalQualification
    /// Only for a crime.
    public var crimeSeverity: CrimeSeverity?
    public var forceMajeure: Bool
    public var detectedPromptly: Bool
    public var damageLimited: Bool
    /// When it was reported to the competent authority (nil: it was not).
    public var reportedToAuthorityAt: Date?

    public init(
        qualification: LegalQualification,
        crimeSeverity: CrimeSeverity?,
        forceMajeure: Bool,
        detectedPromptly: Bool,
        damageLimited: Bool,
        reportedToAuthorityAt: Date?
    ) {
        self.qualification = qualification
        self.crimeSeverity = crimeSeverity
        self.forceMajeure = forceMajeure
        self.detectedPromptly = detectedPromptly
        self.damageLimited = damageLimited
        self.reportedToAuthorityAt = reportedToAuthorityAt
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A crime needs the severity the authority determined.
        case crimeSeverityMissing
        /// Only a crime has a crime severity.
        case crimeSeverityNotACrime
    }

    public func check() throws(Problem) {
        if qualification == .crime, crimeSeverity == nil { throw .crimeSeverityMissing }
        if qualification != .crime, crimeSeverity != nil { throw .crimeSeverityNotACrime }
    }
}
