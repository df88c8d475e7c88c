import AnToanCore
import Fluent
import Foundation

/// A receipt from a supplier, or an issue from the unit to one of its departments or forces (EQ-4): what moved, on
/// which day, on which paper, with the papers attached. A transfer may move a counted stock (rounds), whose
/// quantity changes with it. `@unchecked Sendable`: Fluent model.
final class EquipmentTransfer: Model, @unchecked Sendable {
    static let schema = "equipment_transfers"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    /// A `Direction` raw value.
    @Field(key: "direction") var direction: String
    /// yyyy-MM-dd.
    @Field(key: "on_day") var onDay: String
    /// The supplier of a receipt, or who received an issue ("Phòng Hành chính", "Lực lượng tự vệ").
    @Field(key: "counterpart") var counterpart: String
    /// The department an issue went to, when it is one of the unit's.
    @OptionalField(key: "department_id") var departmentID: UUID?
    /// The person who delivered or received, who signs.
    @Field(key: "receiver_name") var receiverName: String
    /// The invoice, delivery note or decision ("HĐ 0001234", "QĐ 15/QĐ-VP").
    @Field(key: "document_number") var documentNumber: String
    /// One line an item: "mô tả | số lượng | đơn vị tính" (`GoodsItem.line`).
    @Field(key: "lines") var lines: String
    /// The counted stock the transfer moves, and by how many.
    @OptionalField(key: "stock_item_id") var stockItemID: UUID?
    @Field(key: "stock_quantity") var stockQuantity: Int
    @Field(key: "notes") var notes: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    enum Direction: String, CaseIterable, Codable, Sendable {
        case receipt
        case issue

        var nameVi: String {
            switch self {
            case .receipt: "Nhập từ nhà cung cấp"
            case .issue: "Cấp cho bộ phận, lực lượng"
            }
        }

        var nameEn: String {
            switch self {
            case .receipt: "Received from a supplier"
            case .issue: "Issued to a department or force"
            }
        }
    }
}

extension EquipmentTransfer {
    var directionValue: Direction { Direction(rawValue: direction) ?? .receipt }

    var items: [GoodsItem] { (try? GoodsItem.parse(lines).get()) ?? [] }

    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "direction": direction, "on_day": onDay, "counterpart": counterpart,
            "department_id": departmentID?.uuidString ?? "", "receiver_name": receiverName,
            "document_number": documentNumber, "lines": lines, "stock_item_id": stockItemID?.uuidString ?? "",
            "stock_quantity": String(stockQuantity), "notes": notes,
        ]
    }
}

/// A paper attached to a transfer: a scanned invoice, delivery note or decision (PDF or photo), kept in the
/// database like the incidents' photos. `@unchecked Sendable`: Fluent model.
final class EquipmentTransferDocument: Model, @unchecked Sendable {
    static let schema = "equipment_transfer_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "transfer_id") var transferID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "bytes") var bytes: Data

    init() {}
}
