import AnToanCore
import Foundation

/// An item as a form or the API gives it: raw values, checked by `EquipmentRegistry`.
struct EquipmentInput: Sendable {
    var unitID: UUID
    /// An `EquipmentKind` raw value.
    var kind: String?
    var label: String?
    var brandModel: String?
    var serial: String?
    var capacity: String?
    /// An `EquipmentOwner` raw value; the guard force when left out.
    var owner: String?
    var siteID: UUID?
    var place: String?
    /// The id of one of the unit's duty posts.
    var post: String?
    /// Counted stocks only: how many are in store, and the minimum below which the stock is flagged.
    var quantity: Int?
    var minStock: Int?
    var measure: String?
    var commissionedOn: String?
    var notes: String?
    /// Problems found while reading the form (a number that was not one), reported with the rest.
    var problems: [FieldError] = []
}

/// A permit as a form or the API gives it.
struct PermitInput: Sendable {
    /// A `PermitKind` raw value.
    var kind: String?
    var number: String?
    var issuer: String?
    var issuedOn: String?
    var validUntil: String?
}

enum EquipmentLimits {
    static let label = 200
    static let brandModel = 200
    static let serial = 100
    static let capacity = 50
    static let place = 200
    static let measure = 30
    static let notes = 2_000
    static let permitNumber = 100
    static let issuer = 300
    static let quantity = 10_000_000
}
