import AnToanCore
import Fluent
import Foundation

/// An agency, enterprise, school, commune committee, bank or other unit; departments have a parent.
/// `@unchecked Sendable`: Fluent model.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "enterprise_size") var enterpriseSize: String?
    @OptionalField(key: "school_level") var schoolLevel: String?
    @Field(key: "address") var address: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "head_name") var headName: String?
    /// Key-target flags, comma-separated in a fixed order (read through `UnitProfile`).
    @Field(key: "flags") var flags: String
    /// The area's path, kept beside the id so that scope filters need no join.
    @Field(key: "area_path") var areaPath: String

    @Parent(key: "area_id") var area: Area
    @OptionalParent(key: "parent_id") var parent: OrgUnit?

    init() {}

    static func flagsText(_ flags: [KeyTargetFlag]) -> String {
        KeyTargetFlag.allCases.filter(flags.contains).map(\.rawValue).joined(separator: ",")
    }

    /// The scope a unit's own accounts get.
    var scope: Scope? {
        guard let id, let path = AreaPath(areaPath) else { return nil }
        return .unit($parent.id ?? id, in: path)
    }

    var auditSnapshot: [String: String] {
        [
            "code": code, "name": name, "kind": kind, "enterprise_size": enterpriseSize ?? "",
            "school_level": schoolLevel ?? "", "address": address, "phone": phone ?? "", "email": email ?? "",
            "head_name": headName ?? "", "flags": flags, "area_id": $area.id.uuidString,
            "parent_id": $parent.id?.uuidString ?? "",
        ]
    }
}

/// Which area a unit belonged to over time, so reports on a past year group by that year's areas.
/// `@unchecked Sendable`: Fluent model.
final class UnitAreaPeriod: Model, @unchecked Sendable {
    static let schema = "unit_area_periods"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_id") var areaID: UUID
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?

    init() {}

    init(unitID: UUID, areaID: UUID, validFrom: String?) {
        self.unitID = unitID
        self.areaID = areaID
        self.validFrom = validFrom
    }
}
