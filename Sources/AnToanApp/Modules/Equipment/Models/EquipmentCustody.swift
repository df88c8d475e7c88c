import AnToanCore
import Fluent
import Foundation

/// A staff member's training certificate for using equipment of a category (TT 46/2014 Điều 8.4.5), optionally of
/// one kind. `@unchecked Sendable`: Fluent model.
final class EquipmentCertificate: Model, @unchecked Sendable {
    static let schema = "equipment_certificates"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    /// An `EquipmentCategory` raw value.
    @Field(key: "category") var category: String
    /// An `EquipmentKind` raw value when the certificate covers one kind only.
    @OptionalField(key: "kind") var kind: String?
    @Field(key: "number") var number: String
    @Field(key: "issuer") var issuer: String
    /// yyyy-MM-dd.
    @Field(key: "issued_on") var issuedOn: String
    /// yyyy-MM-dd; none for a certificate without an end.
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension EquipmentCertificate {
    var categoryValue: EquipmentCategory { EquipmentCategory(rawValue: category) ?? .supportTool }
    var kindValue: EquipmentKind? { kind.flatMap(EquipmentKind.init(rawValue:)) }

    /// Valid on `day` (yyyy-MM-dd) for an item of `kind`.
    func covers(_ kind: EquipmentKind, on day: String) -> Bool {
        guard kind.category == categoryValue, self.kind == nil || self.kind == kind.rawValue else { return false }
        return issuedOn <= day && (validUntil.map { day <= $0 } ?? true)
    }

    var auditSnapshot: [String: String] {
        [
            "staff_id": staffID.uuidString, "category": category, "kind": kind ?? "", "number": number,
            "issuer": issuer, "issued_on": issuedOn, "valid_until": validUntil ?? "",
        ]
    }
}

/// One issue of an item (or of a quantity of a counted stock) to a named holder, from the request to the return:
/// a line of the sổ theo dõi công cụ hỗ trợ. `@unchecked Sendable`: Fluent model.
final class EquipmentCustody: Model, @unchecked Sendable {
    static let schema = "equipment_custodies"

    enum Status: String, CaseIterable, Codable, Sendable {
        /// Waits for the head's approval (TT 46/2014 Điều 8.4.4).
        case pending
        /// Approved (or needing no approval): the custodian may hand it over.
        case approved
        case refused
        /// Handed over by the custodian; waits for the holder to confirm receipt.
        case handed
        /// The holder confirmed receipt: the item is out.
        case issued
        case returned

        var nameVi: String {
            switch self {
            case .pending: "Chờ thủ trưởng duyệt"
            case .approved: "Đã duyệt, chờ giao"
            case .refused: "Bị từ chối"
            case .handed: "Đã giao, chờ người nhận xác nhận"
            case .issued: "Đang giữ"
            case .returned: "Đã trả"
            }
        }

        var nameEn: String {
            switch self {
            case .pending: "Awaiting the head's approval"
            case .approved: "Approved, to hand over"
            case .refused: "Refused"
            case .handed: "Handed over, awaiting the holder's receipt"
            case .issued: "Out with the holder"
            case .returned: "Returned"
            }
        }

        /// Still holds (or reserves) the item.
        var isOpen: Bool { self == .pending || self == .approved || self == .handed || self == .issued }
        static let open: [String] = allCases.filter(\.isOpen).map(\.rawValue)
    }

    enum Condition: String, CaseIterable, Codable, Sendable {
        case good
        case damaged

        var nameVi: String { self == .good ? "Tốt" : "Hư hỏng" }
        var nameEn: String { self == .good ? "Good" : "Damaged" }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "holder_name") var holderName: String
    /// 1 for a numbered item.
    @Field(key: "quantity") var quantity: Int
    @Field(key: "reason") var reason: String
    @Field(key: "expected_return_at") var expectedReturnAt: Date
    /// A `Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "handed_by_name") var handedByName: String?
    @OptionalField(key: "handed_at") var handedAt: Date?
    @OptionalField(key: "received_at") var receivedAt: Date?
    @OptionalField(key: "returned_at") var returnedAt: Date?
    /// A `Condition` raw value.
    @OptionalField(key: "return_condition") var returnCondition: String?
    @OptionalField(key: "return_note") var returnNote: String?
    @OptionalField(key: "returned_to_name") var returnedToName: String?
    /// When the custodian and head were told it is past its expected return (once).
    @OptionalField(key: "overdue_notified_at") var overdueNotifiedAt: Date?

    init() {}
}

extension EquipmentCustody {
    var statusValue: Status { Status(rawValue: status) ?? .pending }
    var conditionValue: Condition? { returnCondition.flatMap(Condition.init(rawValue:)) }

    /// Out (or handed) past its expected return.
    func isOverdue(at now: Date) -> Bool {
        (statusValue == .issued || statusValue == .handed) && expectedReturnAt < now
    }

    var auditSnapshot: [String: String] {
        [
            "item_id": itemID.uuidString, "staff_id": staffID.uuidString, "quantity": String(quantity),
            "reason": reason, "expected_return_at": VietnamTime.dateTime(expectedReturnAt), "status": status,
            "decided_by": decidedByName ?? "", "refusal_reason": refusalReason ?? "",
            "handed_at": handedAt.map(VietnamTime.dateTime) ?? "",
            "received_at": receivedAt.map(VietnamTime.dateTime) ?? "",
            "returned_at": returnedAt.map(VietnamTime.dateTime) ?? "", "return_condition": returnCondition ?? "",
            "return_note": returnNote ?? "",
        ]
    }
}

/// A loss found at a handover count (or reported otherwise), with the duties of TT 46/2014 Điều 8.4.6: told to the
/// head at once, reported in writing to the police office that issued the permit. `@unchecked Sendable`: Fluent
/// model.
final class EquipmentLossReport: Model, @unchecked Sendable {
    static let schema = "equipment_loss_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "item_name") var itemName: String
    /// How many are missing (1 for a numbered item).
    @Field(key: "missing") var missing: Int
    @OptionalField(key: "incident_id") var incidentID: UUID?
    @OptionalField(key: "handover_id") var handoverID: UUID?
    @Field(key: "found_at") var foundAt: Date
    @Field(key: "found_by_name") var foundByName: String
    @OptionalField(key: "head_told_at") var headToldAt: Date?
    @OptionalField(key: "head_told_by") var headToldBy: String?
    @OptionalField(key: "police_report_number") var policeReportNumber: String?
    /// yyyy-MM-dd: the date of the written report to the police.
    @OptionalField(key: "police_report_on") var policeReportOn: String?
    @OptionalField(key: "police_reported_by") var policeReportedBy: String?
    /// When both duties are done.
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension EquipmentLossReport {
    var auditSnapshot: [String: String] {
        [
            "item_id": itemID.uuidString, "missing": String(missing), "incident_id": incidentID?.uuidString ?? "",
            "handover_id": handoverID?.uuidString ?? "", "head_told_at": headToldAt.map(VietnamTime.dateTime) ?? "",
            "head_told_by": headToldBy ?? "", "police_report_number": policeReportNumber ?? "",
            "police_report_on": policeReportOn ?? "", "closed_at": closedAt.map(VietnamTime.dateTime) ?? "",
        ]
    }
}

/// The count of a post's items at a handover, by the outgoing or the incoming officer: one line per item, present
/// or missing (a quantity for a counted stock). `@unchecked Sendable`: Fluent model.
final class EquipmentCount: Model, @unchecked Sendable {
    static let schema = "equipment_counts"

    struct Line: Codable, Sendable, Equatable {
        var itemID: UUID
        var present: Bool
        /// For a counted stock: how many were counted.
        var quantity: Int?
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "handover_id") var handoverID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// "outgoing" or "incoming".
    @Field(key: "side") var side: String
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "counted_at") var countedAt: Date
    /// The lines, as JSON.
    @Field(key: "lines") var lines: String
    /// How many items were missing against the registry.
    @Field(key: "missing") var missing: Int

    init() {}

    var lineValues: [Line] { (try? JSONDecoder().decode([Line].self, from: Data(lines.utf8))) ?? [] }
}
