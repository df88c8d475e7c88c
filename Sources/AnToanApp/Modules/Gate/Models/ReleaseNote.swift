import AnToanCore
import Fluent
import Foundation

/// A goods release note (phiếu xuất hàng / giấy ra cổng): someone of the unit asks that goods be let out, carried by
/// a named person; one of the approvers the unit names approves or refuses it; the gate lets the goods out once.
/// The carrier's name, paper and plate are personal data, erased past the unit's retention (`purged_at`); the row
/// and its items stay, for the sổ xuất–nhập's counts. `@unchecked Sendable`: Fluent model.
final class ReleaseNote: Model, @unchecked Sendable {
    static let schema = "gate_release_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's area path, so that an authority's scope selects by prefix with no join.
    @Field(key: "area_path") var areaPath: String

    // personal data, erased by the purge
    @Field(key: "carrier_name") var carrierName: String
    @Field(key: "carrier_document") var carrierDocument: String
    @Field(key: "vehicle_plate") var vehiclePlate: String

    // the note
    /// One item a line: "description | quantity | unit" (`GoodsItem.line`).
    @Field(key: "items") var items: String
    @Field(key: "reason") var reason: String
    /// yyyy-MM-dd: the day the goods are to go out.
    @Field(key: "expected_on") var expectedOn: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    /// A `ReleaseNote.Status` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "decided_by_staff_id") var decidedByStaffID: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "released_at") var releasedAt: Date?
    @OptionalField(key: "released_by_name") var releasedByName: String?
    @OptionalField(key: "purged_at") var purgedAt: Date?

    init() {}

    enum Status: String, CaseIterable, Codable, Sendable {
        case pending
        case approved
        case refused
        case released

        var nameVi: String {
            switch self {
            case .pending: "Chờ duyệt"
            case .approved: "Đã duyệt"
            case .refused: "Từ chối"
            case .released: "Đã ra cổng"
            }
        }

        var nameEn: String {
            switch self {
            case .pending: "Awaiting approval"
            case .approved: "Approved"
            case .refused: "Refused"
            case .released: "Gone out"
            }
        }
    }
}

extension ReleaseNote {
    var statusValue: Status { Status(rawValue: status) ?? .pending }

    var goods: [GoodsItem] { (try? GoodsItem.parse(items).get()) ?? [] }

    /// What the audit trail keeps: the note's facts, not the carrier's identity (the trail outlives the purge).
    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "items": items, "reason": reason, "expected_on": expectedOn,
            "status": status, "decided_by_name": decidedByName ?? "", "refusal_reason": refusalReason ?? "",
            "released_at": releasedAt?.ISO8601Format() ?? "", "released_by_name": releasedByName ?? "",
        ]
    }

    static let personalFields = ["carrier_name", "carrier_document", "vehicle_plate"]
}

/// A staff member a unit names to approve its goods release notes. `@unchecked Sendable`: Fluent model.
final class ReleaseApprover: Model, @unchecked Sendable {
    static let schema = "gate_release_approvers"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "added_at") var addedAt: Date
    @Field(key: "added_by_name") var addedByName: String

    init() {}
}
