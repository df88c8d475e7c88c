import AnToanCore
import Fluent
import Foundation

/// A vehicle's stay at a unit (the vehicle log): its plate, kind, driver and purpose, maybe the visit it came
/// with, when in and out. A plate inside cannot come in again until it is out. The plate and the driver are
/// personal data, erased past the unit's retention (`purged_at`); the row stays, for counts.
/// `@unchecked Sendable`: Fluent model.
final class VehiclePass: Model, @unchecked Sendable {
    static let schema = "gate_vehicle_passes"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String

    // personal data, erased by the purge
    /// As typed, in upper case ("51A-123.45").
    @Field(key: "plate") var plate: String
    /// `VehiclePlate.key`: what a plate is matched by.
    @Field(key: "plate_key") var plateKey: String
    @Field(key: "driver_name") var driverName: String
    @Field(key: "purpose") var purpose: String

    // the stay
    /// A `VehicleKind` raw value.
    @Field(key: "kind") var kind: String
    @OptionalField(key: "visit_id") var visitID: UUID?
    @Field(key: "checked_in_at") var checkedInAt: Date
    @Field(key: "checked_in_by_name") var checkedInByName: String
    @OptionalField(key: "checked_out_at") var checkedOutAt: Date?
    @OptionalField(key: "checked_out_by_name") var checkedOutByName: String?
    @OptionalField(key: "purged_at") var purgedAt: Date?

    init() {}
}

extension VehiclePass {
    var kindValue: VehicleKind { VehicleKind(rawValue: kind) ?? .other }

    var isInside: Bool { checkedOutAt == nil }

    /// What the audit trail keeps: not the plate nor the driver (the trail outlives the purge).
    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "kind": kind, "visit_id": visitID?.uuidString ?? "",
            "checked_in_at": checkedInAt.ISO8601Format(), "checked_out_at": checkedOutAt?.ISO8601Format() ?? "",
        ]
    }

    static let personalFields = ["plate", "plate_key", "driver_name", "purpose"]
}
