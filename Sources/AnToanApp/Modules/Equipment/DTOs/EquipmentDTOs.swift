import AnToanCore
import Foundation
import Vapor

/// The payload of an `equipment.item` event: which item, of which unit, in which status.
struct EquipmentEventDTO: Codable, Sendable {
    var itemId: UUID
    var unitId: UUID
    var status: String
}

/// A permit on the wire.
struct EquipmentPermitDTO: Content {
    var id: UUID
    var kind: String
    var number: String
    var issuer: String
    var issuedOn: String
    var validUntil: String?

    init(_ permit: EquipmentPermit) {
        id = permit.id ?? .placeholder
        kind = permit.kind
        number = permit.number
        issuer = permit.issuer
        issuedOn = permit.issuedOn
        validUntil = permit.validUntil
    }
}

/// An item as the API gives it, with names beside ids and its status in words.
struct EquipmentItemDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var category: String
    var kind: String
    var kindText: String
    var name: String
    var label: String?
    var brandModel: String?
    var serial: String?
    var capacity: String?
    var owner: String
    var siteId: UUID?
    var siteName: String?
    var place: String?
    var post: String?
    var status: String
    var statusText: String
    var quantity: Int
    var minStock: Int
    var measure: String
    var belowMinimum: Bool
    var commissionedOn: String?
    var notes: String?
    var holderStaffId: UUID?
    var holderName: String?
    var permits: [EquipmentPermitDTO]?

    init(_ item: EquipmentItem, names: EquipmentQueries.Names, permits: [EquipmentPermit]?, lang: Language) {
        id = item.id ?? .placeholder
        unitId = item.unitID
        unitName = names.units[item.unitID] ?? ""
        category = item.category
        kind = item.kind
        kindText = lang(item.kindValue.nameVi, item.kindValue.nameEn)
        name = item.displayName
        label = given(item.label)
        brandModel = given(item.brandModel)
        serial = item.serial
        capacity = given(item.capacity)
        owner = item.owner
        siteId = item.siteID
        siteName = item.siteID.flatMap { names.sites[$0] }
        place = given(item.place)
        post = item.post
        status = item.status
        statusText = lang(item.statusValue.nameVi, item.statusValue.nameEn)
        quantity = item.quantity
        minStock = item.minStock
        measure = item.measure
        belowMinimum = item.isBelowMinimum
        commissionedOn = item.commissionedOn
        notes = given(item.notes)
        holderStaffId = item.holderStaffID
        holderName = item.holderStaffID.flatMap { names.staff[$0] }
        self.permits = permits?.map(EquipmentPermitDTO.init)
    }
}

struct EquipmentListDTO: Content {
    /// How many items match; `items` holds one page of them.
    var total: Int
    var page: Int
    var items: [EquipmentItemDTO]
}

/// An item registered or changed over the API.
struct EquipmentItemRequest: APIInput {
    static let fields: Set<String> = [
        "unit_id", "kind", "label", "brand_model", "serial", "capacity", "owner", "site_id", "place", "post",
        "quantity", "min_stock", "measure", "commissioned_on", "notes",
    ]
    var unitId: UUID?
    var kind: String?
    var label: String?
    var brandModel: String?
    var serial: String?
    var capacity: String?
    var owner: String?
    var siteId: UUID?
    var place: String?
    var post: String?
    var quantity: Int?
    var minStock: Int?
    var measure: String?
    var commissionedOn: String?
    var notes: String?

    func problems() -> [FieldError] { [] }

    func input(unitID: UUID) -> EquipmentInput {
        EquipmentInput(
            unitID: unitID,
            kind: kind,
            label: label,
            brandModel: brandModel,
            serial: serial,
            capacity: capacity,
            owner: owner,
            siteID: siteId,
            place: place,
            post: post,
            quantity: quantity,
            minStock: minStock,
            measure: measure,
            commissionedOn: commissionedOn,
            notes: notes
        )
    }
}

struct EquipmentStatusRequest: APIInput {
    static let fields: Set<String> = ["status"]
    var status: String?

    func problems() -> [FieldError] { [] }
}

struct EquipmentPermitRequest: APIInput {
    static let fields: Set<String> = ["kind", "number", "issuer", "issued_on", "valid_until"]
    var kind: String?
    var number: String?
    var issuer: String?
    var issuedOn: String?
    var validUntil: String?

    func problems() -> [FieldError] { [] }

    var input: PermitInput {
        PermitInput(kind: kind, number: number, issuer: issuer, issuedOn: issuedOn, validUntil: validUntil)
    }
}

/// nil for "": an API response leaves out a field without a value.
private func given(_ text: String) -> String? { text.isEmpty ? nil : text }

/// A receipt or an issue on the wire.
struct EquipmentTransferDTO: Content {
    struct Document: Content {
        var id: UUID
        var name: String
        var contentType: String
        var byteCount: Int
    }

    var id: UUID
    var unitId: UUID
    var direction: String
    var directionText: String
    var onDay: String
    var counterpart: String
    var departmentId: UUID?
    var receiverName: String?
    var documentNumber: String?
    var items: [ReleaseItemDTO]
    var stockItemId: UUID?
    var stockQuantity: Int
    var notes: String?
    var documents: [Document]
    var createdBy: String
    var createdAt: Date

    init(_ transfer: EquipmentTransfer, documents: [EquipmentTransferDocument], lang: Language) {
        id = transfer.id ?? .placeholder
        unitId = transfer.unitID
        direction = transfer.direction
        directionText = lang(transfer.directionValue.nameVi, transfer.directionValue.nameEn)
        onDay = transfer.onDay
        counterpart = transfer.counterpart
        departmentId = transfer.departmentID
        receiverName = given(transfer.receiverName)
        documentNumber = given(transfer.documentNumber)
        items = transfer.items.map(ReleaseItemDTO.init)
        stockItemId = transfer.stockItemID
        stockQuantity = transfer.stockQuantity
        notes = given(transfer.notes)
        self.documents = documents.map {
            Document(id: $0.id ?? .placeholder, name: $0.name, contentType: $0.contentType, byteCount: $0.byteCount)
        }
        createdBy = transfer.createdByName
        createdAt = transfer.createdAt
    }
}

struct EquipmentTransferListDTO: Content {
    var count: Int
    var transfers: [EquipmentTransferDTO]
}

/// A receipt or an issue recorded over the API (its papers are attached on the page).
struct EquipmentTransferRequest: APIInput {
    static let fields: Set<String> = [
        "direction", "on_day", "counterpart", "department_id", "receiver_name", "document_number", "items",
        "stock_item_id", "stock_quantity", "notes",
    ]

    typealias Item = ReleaseNoteRequest.Item

    var direction: String?
    var onDay: String?
    var counterpart: String?
    var departmentId: UUID?
    var receiverName: String?
    var documentNumber: String?
    var items: [Item]
    var stockItemId: UUID?
    var stockQuantity: Int?
    var notes: String?

    func problems() -> [FieldError] { [] }

    func input(unitID: UUID) -> TransferInput {
        let (lines, problems) = Item.lines(items)
        return TransferInput(
            unitID: unitID,
            direction: direction,
            onDay: onDay,
            counterpart: counterpart,
            departmentID: departmentId,
            receiverName: receiverName,
            documentNumber: documentNumber,
            lines: lines.joined(separator: "\n"),
            stockItemID: stockItemId,
            stockQuantity: stockQuantity,
            notes: notes,
            problems: problems
        )
    }
}
