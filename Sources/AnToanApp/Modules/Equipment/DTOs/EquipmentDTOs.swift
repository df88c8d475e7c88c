import Foundation

/// The payload of an `equipment.item` event: which item, of which unit, in which status.
struct EquipmentEventDTO: Codable, Sendable {
    var itemId: UUID
    var unitId: UUID
    var status: String
}
