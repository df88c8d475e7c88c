import Fluent
import Foundation

/// A visitor a host expects (GATE-3): whom, from where, on which day, why. Its signed link (`InvitationLink`) opens
/// the gate's check-in filled in; its personal fields go with the unit's retention as a visit's do.
/// `@unchecked Sendable`: Fluent model.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "gate_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @OptionalField(key: "host_staff_id") var hostStaffID: UUID?
    @Field(key: "host_name") var hostName: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "visitor_name") var visitorName: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "purpose") var purpose: String
    /// yyyy-MM-dd.
    @Field(key: "expected_on") var expectedOn: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}
