import AnToanCore
import Fluent
import Foundation

/// One item of a unit's equipment registry (EQ-1): a numbered item (a baton, an extinguisher, a radio) or a counted
/// stock (rounds, spare cartridges) with its quantity and minimum. `@unchecked Sendable`: Fluent model.
final class EquipmentItem: Model, @unchecked Sendable {
    static let schema = "equipment_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's area path, so that an authority's scope selects by prefix with no join.
    @Field(key: "area_path") var areaPath: String
    /// An `EquipmentCategory` raw value (follows from the kind; kept for the lists and the oversight).
    @Field(key: "category") var category: String
    /// An `EquipmentKind` raw value.
    @Field(key: "kind") var kind: String
    /// What the unit calls it ("Bình bột tầng 2 – hành lang"); the kind's name when left empty.
    @Field(key: "label") var label: String
    @Field(key: "brand_model") var brandModel: String
    /// The manufacturer's serial; none for a counted stock.
    @OptionalField(key: "serial") var serial: String?
    /// Capacity or size as written on it ("4 kg", "MT3").
    @Field(key: "capacity") var capacity: String
    /// An `EquipmentOwner` raw value.
    @Field(key: "owner") var owner: String
    /// The site it is kept at, if the unit registered its sites.
    @OptionalField(key: "site_id") var siteID: UUID?
    /// Room, cabinet or shelf ("Kho vũ khí, tủ số 2").
    @Field(key: "place") var place: String
    /// The duty post whose handover counts it ("Cổng chính"), if any.
    @OptionalField(key: "post") var post: String?
    /// An `EquipmentStatus` raw value.
    @Field(key: "status") var status: String
    /// 1 for a numbered item; the count in store for a counted stock.
    @Field(key: "quantity") var quantity: Int
    /// Below it a counted stock is flagged; 0 for none.
    @Field(key: "min_stock") var minStock: Int
    /// The unit of measure of a counted stock ("viên", "hộp"); "chiếc" for a numbered item.
    @Field(key: "measure") var measure: String
    /// yyyy-MM-dd: when it was put into service, if known.
    @OptionalField(key: "commissioned_on") var commissionedOn: String?
    @Field(key: "notes") var notes: String
    /// Folded label, kind, serial and brand, for search.
    @Field(key: "search_folded") var searchFolded: String
    /// Who holds it now, while issued (kept by custody).
    @OptionalField(key: "holder_staff_id") var holderStaffID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

extension EquipmentItem {
    /// Every column, in the order `init(_:)` reads them.
    static let columns = """
        id, unit_id, area_path, category, kind, label, brand_model, serial, capacity, owner, site_id, place, post, \
        status, quantity, min_stock, measure, commissioned_on, notes, search_folded, holder_staff_id, created_at, \
        updated_at
        """

    /// An item read column by column (see `RowReader`), in the order of `columns`.
    convenience init(_ row: inout RowReader) throws {
        self.init()
        id = try row.next()
        unitID = try row.next()
        areaPath = try row.next()
        category = try row.next()
        kind = try row.next()
        label = try row.next()
        brandModel = try row.next()
        serial = try row.next()
        capacity = try row.next()
        owner = try row.next()
        siteID = try row.next()
        place = try row.next()
        post = try row.next()
        status = try row.next()
        quantity = try row.next()
        minStock = try row.next()
        measure = try row.next()
        commissionedOn = try row.next()
        notes = try row.next()
        searchFolded = try row.next()
        holderStaffID = try row.next()
        createdAt = try row.next()
        updatedAt = try row.next()
    }

    var kindValue: EquipmentKind { EquipmentKind(rawValue: kind) ?? .otherDevice }
    var categoryValue: EquipmentCategory { kindValue.category }
    var ownerValue: EquipmentOwner { EquipmentOwner(rawValue: owner) ?? .guardForce }
    var statusValue: EquipmentStatus { EquipmentStatus(rawValue: status) ?? .inStore }

    /// The name a person reads: the unit's label, else the kind with its serial.
    var displayName: String {
        if !label.isEmpty { return label }
        if let serial, !serial.isEmpty { return "\(kindValue.nameVi) số \(serial)" }
        return kindValue.nameVi
    }

    var isBelowMinimum: Bool { kindValue.isCounted && minStock > 0 && quantity < minStock }

    /// What the audit trail keeps.
    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "kind": kind, "label": label, "brand_model": brandModel,
            "serial": serial ?? "", "capacity": capacity, "owner": owner, "site_id": siteID?.uuidString ?? "",
            "place": place, "post": post ?? "", "status": status, "quantity": String(quantity),
            "min_stock": String(minStock), "measure": measure, "commissioned_on": commissionedOn ?? "",
            "notes": notes, "holder_staff_id": holderStaffID?.uuidString ?? "",
        ]
    }
}

/// A purchase or use permit of an item, issued by the police (QLHC về TTXH). `@unchecked Sendable`: Fluent model.
final class EquipmentPermit: Model, @unchecked Sendable {
    static let schema = "equipment_permits"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    /// A `PermitKind` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "number") var number: String
    /// The police office that issued it ("Phòng Cảnh sát QLHC về TTXH – Công an tỉnh Hải Dương").
    @Field(key: "issuer") var issuer: String
    /// yyyy-MM-dd.
    @Field(key: "issued_on") var issuedOn: String
    /// yyyy-MM-dd; none for a permit without an end.
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension EquipmentPermit {
    var kindValue: PermitKind { PermitKind(rawValue: kind) ?? .use }

    var auditSnapshot: [String: String] {
        [
            "item_id": itemID.uuidString, "kind": kind, "number": number, "issuer": issuer, "issued_on": issuedOn,
            "valid_until": validUntil ?? "",
        ]
    }
}
