import AnToanCore
import Fluent
import Foundation

/// A person working at a unit. `unit_id` is always the top-level unit, so scope checks need no join;
/// the department, if any, is a unit below it. `@unchecked Sendable`: Fluent model.
final class StaffMember: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @OptionalField(key: "code") var code: String?
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "position") var position: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @Field(key: "is_leader") var isLeader: Bool
    @Field(key: "status") var status: String
    @OptionalField(key: "identity_number") var identityNumber: String?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "area_path") var areaPath: String

    @Parent(key: "unit_id") var unit: OrgUnit
    @OptionalParent(key: "department_id") var department: OrgUnit?

    init() {}

    static let statuses = ["active", "on_leave", "left"]

    var auditSnapshot: [String: String] {
        [
            "code": code ?? "", "full_name": fullName, "position": position, "phone": phone ?? "", "email": email ?? "",
            "is_leader": isLeader ? "true" : "false", "status": status, "identity_number": identityNumber ?? "",
            "unit_id": $unit.id.uuidString, "department_id": $department.id?.uuidString ?? "",
            "user_id": userID?.uuidString ?? "",
        ]
    }

    static let personalFields: Set<String> = ["identity_number", "phone", "email"]
}

/// Membership of the protection force, self-defence (tự vệ) or the self-managed ANTT team, with dates.
/// `@unchecked Sendable`: Fluent model.
final class ForceMembership: Model, @unchecked Sendable {
    static let schema = "force_memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "force") var force: String
    @Field(key: "role") var role: String
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @OptionalField(key: "certificate_number") var certificateNumber: String?
    /// When the guard certificate (5 years) or the self-defence term (4 years) runs out.
    @OptionalField(key: "due_date") var dueDate: String?
    @Parent(key: "staff_id") var staff: StaffMember

    init() {}

    var auditSnapshot: [String: String] {
        [
            "force": force, "role": role, "start_date": startDate, "end_date": endDate ?? "",
            "certificate_number": certificateNumber ?? "", "due_date": dueDate ?? "", "staff_id": $staff.id.uuidString,
        ]
    }
}
