import AnToanCore
import Foundation
import Vapor

/// One line of a release note on the wire.
struct ReleaseItemDTO: Content {
    var description: String
    /// As written, with a comma for the decimal mark ("2", "2,5").
    var quantity: String
    var unit: String?

    init(_ item: GoodsItem) {
        description = item.description
        quantity = item.quantity
        unit = item.unit.isEmpty ? nil : item.unit
    }
}

/// A goods release note as the API gives it; the carrier's fields are left out once purged.
struct ReleaseNoteDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var carrierName: String?
    var carrierDocument: String?
    var vehiclePlate: String?
    var items: [ReleaseItemDTO]
    var reason: String
    var expectedOn: String
    var createdBy: String
    var createdAt: Date
    var status: String
    /// The status in words, in the caller's language (Chờ duyệt, Đã duyệt, Từ chối, Đã ra cổng).
    var statusText: String
    var decidedBy: String?
    var decidedAt: Date?
    var refusalReason: String?
    var releasedAt: Date?
    var releasedBy: String?
    var purged: Bool

    init(_ note: ReleaseNote, unitName: String, lang: Language) {
        id = note.id ?? .placeholder
        unitId = note.unitID
        self.unitName = unitName
        carrierName = given(note.carrierName)
        carrierDocument = given(note.carrierDocument)
        vehiclePlate = given(note.vehiclePlate)
        items = note.goods.map(ReleaseItemDTO.init)
        reason = note.reason
        expectedOn = note.expectedOn
        createdBy = note.createdByName
        createdAt = note.createdAt
        status = note.status
        statusText = lang(note.statusValue.nameVi, note.statusValue.nameEn)
        decidedBy = note.decidedByName
        decidedAt = note.decidedAt
        refusalReason = note.refusalReason.flatMap(given)
        releasedAt = note.releasedAt
        releasedBy = note.releasedByName
        purged = note.purgedAt != nil
    }
}

struct ReleaseNoteListDTO: Content {
    var count: Int
    var notes: [ReleaseNoteDTO]
}

/// A release note drafted over the API, for the caller's unit.
struct ReleaseNoteRequest: APIInput {
    static let fields: Set<String> = [
        "carrier_name", "carrier_document", "vehicle_plate", "items", "reason", "expected_date",
    ]

    /// One line of goods on the wire, as a release note and an equipment receipt take it.
    struct Item: Decodable, Sendable {
        var description: String?
        var quantity: Double?
        var unit: String?

        /// The items as a form's lines ("mô tả | số lượng | đơn vị tính"); one that does not read is named by its
        /// place (`items.0`).
        static func lines(_ items: [Item]) -> (lines: [String], problems: [FieldError]) {
            var problems: [FieldError] = []
            var lines: [String] = []
            for (index, item) in items.enumerated() {
                switch GoodsItem.check(
                    description: item.description ?? "",
                    quantity: GoodsItem.quantityText(item.quantity),
                    unit: item.unit ?? ""
                ) {
                case .success(let item): lines.append(item.line)
                case .failure(let problem):
                    problems.append(
                        FieldError(field: "items.\(index)", reason: .invalid(vi: problem.vi, en: problem.en))
                    )
                }
            }
            return (lines, problems)
        }
    }

    var carrierName: String?
    var carrierDocument: String?
    var vehiclePlate: String?
    var items: [Item]
    var reason: String?
    var expectedDate: String?

    func problems() -> [FieldError] { [] }

    /// The items as the form's lines; an item that does not read is named by its place (`items.0`).
    var input: ReleaseNoteInput {
        let (lines, problems) = Item.lines(items)
        return ReleaseNoteInput(
            carrierName: carrierName,
            carrierDocument: carrierDocument,
            vehiclePlate: vehiclePlate,
            items: problems.isEmpty ? lines.joined(separator: "\n") : nil,
            reason: reason,
            expectedDate: expectedDate,
            problems: problems
        )
    }
}

/// Why an approver refuses a note.
struct ReleaseRefusalRequest: APIInput {
    static let fields: Set<String> = ["refusal_reason"]
    var refusalReason: String?

    func problems() -> [FieldError] { [] }
}

/// A vehicle's stay as the API gives it; the plate and driver are left out once purged.
struct VehiclePassDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var plate: String?
    var kind: String
    var driverName: String?
    var purpose: String?
    var visitId: UUID?
    var checkedInAt: Date
    var checkedOutAt: Date?
    var inside: Bool
    var purged: Bool

    init(_ pass: VehiclePass, unitName: String) {
        id = pass.id ?? .placeholder
        unitId = pass.unitID
        self.unitName = unitName
        plate = given(pass.plate)
        kind = pass.kind
        driverName = given(pass.driverName)
        purpose = given(pass.purpose)
        visitId = pass.visitID
        checkedInAt = pass.checkedInAt
        checkedOutAt = pass.checkedOutAt
        inside = pass.isInside
        purged = pass.purgedAt != nil
    }
}

/// The vehicles inside now, the earliest first.
struct VehiclesInsideDTO: Content {
    var at: Date
    var count: Int
    var vehicles: [VehiclePassDTO]
}

/// A vehicle checked in over the API.
struct VehicleCheckInRequest: APIInput {
    static let fields: Set<String> = ["unit_id", "plate", "kind", "driver_name", "purpose", "visit_id"]
    var unitId: UUID
    var plate: String?
    var kind: String?
    var driverName: String?
    var purpose: String?
    var visitId: UUID?

    func problems() -> [FieldError] { [] }

    var input: VehicleInput {
        VehicleInput(
            unitID: unitId,
            plate: plate,
            kind: kind,
            driverName: driverName,
            purpose: purpose,
            visitID: visitId
        )
    }
}

/// What the goods and vehicle events carry: which note or vehicle of which unit and its state, never who.
struct GateGoodsEventDTO: Content {
    var noteId: UUID?
    var vehicleId: UUID?
    var unitId: UUID
    var state: String
}

/// nil for "": an API response leaves out a field without a value.
private func given(_ text: String) -> String? { text.isEmpty ? nil : text }
