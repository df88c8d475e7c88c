import AnToanCore
import Foundation

struct CreateAreaInput: APIInput {
    static let fields: Set<String> = ["code", "name", "kind", "parent_id", "valid_from"]
    var code: String
    var name: String
    var kind: String
    var parentId: UUID?
    var validFrom: String?
    func problems() -> [FieldError] { [] }
}

struct MergeAreaInput: APIInput {
    static let fields: Set<String> = ["into_id", "effective_date"]
    var intoId: UUID
    var effectiveDate: String
    func problems() -> [FieldError] { [] }
}

struct RenameAreaInput: APIInput {
    static let fields: Set<String> = ["name", "effective_date"]
    var name: String
    var effectiveDate: String
    func problems() -> [FieldError] { [] }
}

struct UnitInput: APIInput {
    static let fields: Set<String> = [
        "code", "name", "kind", "enterprise_size", "school_level", "area_id", "parent_id", "address", "phone", "email",
        "head_name", "flags", "weekly_rest",
    ]
    var code: String?
    var name: String?
    var kind: String?
    var enterpriseSize: String?
    var schoolLevel: String?
    var areaId: UUID?
    var parentId: UUID?
    var address: String?
    var phone: String?
    var email: String?
    var headName: String?
    var flags: [String]?
    /// "sun" or "sat_sun"; "": back to the standard for the unit's kind; nil: unchanged.
    var weeklyRest: String?
    func problems() -> [FieldError] { [] }
}

/// A supervising body to create, or (without `code`, which cannot change) to replace.
struct BodyInput: APIInput {
    static let fields: Set<String> = ["code", "name", "kind", "area_id", "reports_to_id"]
    var code: String?
    var name: String?
    var kind: String?
    var areaId: UUID?
    var reportsToId: UUID?
    func problems() -> [FieldError] { [] }
}

struct SiteInput: APIInput {
    static let fields: Set<String> = ["code", "name", "kind"]
    var code: String
    var name: String
    var kind: String
    func problems() -> [FieldError] { [] }
}

struct SystemInput: APIInput {
    static let fields: Set<String> = ["kind", "count", "status", "last_check"]
    var kind: String
    var count: Int
    var status: String
    var lastCheck: String?
    func problems() -> [FieldError] {
        (1...10_000).contains(count)
            ? [] : [FieldError(field: "count", reason: .invalid(vi: "từ 1 đến 10000", en: "must be 1 to 10000"))]
    }
}

struct StaffInput: APIInput {
    static let fields: Set<String> = [
        "unit_id", "department_id", "code", "full_name", "position", "phone", "email", "is_leader", "status",
        "identity_number", "account",
    ]
    var unitId: UUID?
    var departmentId: UUID?
    var code: String?
    var fullName: String?
    var position: String?
    var phone: String?
    var email: String?
    var isLeader: Bool?
    var status: String?
    var identityNumber: String?
    /// The username of the account that signs in as this person, for duty and "my shifts".
    var account: String?
    func problems() -> [FieldError] { [] }
}

struct MembershipInput: APIInput {
    static let fields: Set<String> = [
        "force", "role", "start_date", "end_date", "certificate_number", "certificate_issued",
    ]
    var force: String
    var role: String?
    var startDate: String
    var endDate: String?
    var certificateNumber: String?
    var certificateIssued: String?
    func problems() -> [FieldError] { [] }
}
