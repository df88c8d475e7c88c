import AnToanCore
import Fluent
import Foundation

/// Reads of the equipment registry, always through the reader's scope: a unit's people see their unit's items, an
/// authority those of the units in its area; anything else is 404.
enum EquipmentQueries {
    static func items(in scope: Scope, on db: any Database) -> QueryBuilder<EquipmentItem> {
        EquipmentItem.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
    }

    /// The item if the scope may see it; 404 otherwise.
    static func item(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentItem {
        guard let item = try await items(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return item
    }

    static func permit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentPermit {
        guard
            let permit = try await EquipmentPermit.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
                .filter(\.$id == id).first()
        else { throw AppError.notFound }
        return permit
    }

    static func permits(of itemID: UUID, on db: any Database) async throws -> [EquipmentPermit] {
        try await EquipmentPermit.query(on: db).filter(\.$itemID == itemID).sort(\.$issuedOn).all()
    }
}
