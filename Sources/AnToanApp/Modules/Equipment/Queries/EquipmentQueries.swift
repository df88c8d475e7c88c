import AnToanCore
import Fluent
import Foundation
import SQLKit

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

/// What a list of items is narrowed to: the filters of the list page and of the API.
struct EquipmentFilter: Sendable {
    var category: EquipmentCategory?
    var status: EquipmentStatus?
    var unitID: UUID?
    /// One item only (its own label).
    var itemID: UUID?
    /// Folded words the label, kind, serial, brand or place contain.
    var search: String = ""
    var page: Int = 1
    static let pageSize = 100

    /// The same filter on another category, from its first page.
    func with(category: EquipmentCategory?) -> EquipmentFilter {
        var filter = self
        filter.category = category
        filter.page = 1
        return filter
    }
}

extension EquipmentQueries {
    /// One page of the scope's items matching `filter`, by unit, category, kind and name, with the count of all.
    /// Read column by column (`RowReader`): Fluent's decoding of a model was most of the API's time for a page.
    static func list(
        _ filter: EquipmentFilter,
        in scope: Scope,
        on db: any Database
    ) async throws
        -> (items: [EquipmentItem], total: Int)
    {
        var conditions = [TextMatch.within(scope, unit: "unit_id", area: "area_path")]
        if let category = filter.category { conditions.append("category = \(bind: category.rawValue)") }
        if let status = filter.status { conditions.append("status = \(bind: status.rawValue)") }
        if let unitID = filter.unitID { conditions.append("unit_id = \(bind: unitID)") }
        if let itemID = filter.itemID { conditions.append("id = \(bind: itemID)") }
        let folded = Folding.fold(filter.search).trimmingCharacters(in: .whitespaces)
        if !folded.isEmpty { conditions.append(TextMatch.contains("search_folded", folded)) }
        let matching = conditions.joined(separator: " AND ")
        let total = try await db.rows("SELECT COUNT(*) FROM equipment_items WHERE \(matching)") {
            try $0.next(Int.self)
        }
        let page = max(1, filter.page)
        let found = try await db.rows(
            """
            SELECT \(unsafeRaw: EquipmentItem.columns) FROM equipment_items WHERE \(matching) \
            ORDER BY unit_id, category, kind, search_folded, id \
            LIMIT \(literal: EquipmentFilter.pageSize) OFFSET \(literal: (page - 1) * EquipmentFilter.pageSize)
            """
        ) { try EquipmentItem(&$0) }
        return (found, total.first ?? 0)
    }

    /// The names of the units, sites and staff the items name, for a list's words.
    struct Names: Sendable {
        var units: [UUID: String] = [:]
        var sites: [UUID: String] = [:]
        var staff: [UUID: String] = [:]
        /// Post id → name, per unit.
        var posts: [UUID: [String: String]] = [:]

        func post(_ item: EquipmentItem) -> String {
            guard let post = item.post else { return "" }
            return posts[item.unitID]?[post] ?? post
        }
    }

    static func names(for items: [EquipmentItem], posts: Bool, on db: any Database) async throws -> Names {
        var names = Names()
        let unitIDs = Array(Set(items.map(\.unitID)))
        names.units = try await OrganisationQueries.unitNames(Set(unitIDs), on: db)
        names.sites = try await OrganisationQueries.siteNames(Set(items.compactMap(\.siteID)), on: db)
        names.staff = try await OrganisationQueries.staffNames(Set(items.compactMap(\.holderStaffID)), on: db)
        if posts {
            for unitID in unitIDs where unitIDs.count <= 20 {
                let list = try await RosterQueries.posts(of: unitID, on: db)
                names.posts[unitID] = Dictionary(
                    list.map { ($0.id, $0.name ?? $0.id) },
                    uniquingKeysWith: { a, _ in a }
                )
            }
        }
        return names
    }
}

extension EquipmentQueries {
    static func transfers(in scope: Scope, on db: any Database) -> QueryBuilder<EquipmentTransfer> {
        EquipmentTransfer.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
    }

    static func transfer(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentTransfer {
        guard let transfer = try await transfers(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return transfer
    }

    /// The papers of a transfer, without their bytes.
    static func documents(of transferID: UUID, on db: any Database) async throws -> [EquipmentTransferDocument] {
        try await EquipmentTransferDocument.query(on: db).filter(\.$transferID == transferID)
            .field(\.$id).field(\.$transferID).field(\.$position).field(\.$name).field(\.$contentType)
            .field(\.$byteCount).sort(\.$position).all()
    }

    /// How many papers each transfer has.
    static func documentCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        for chunk in SQLBatch.chunks(Set(ids)) {
            let rows = try await EquipmentTransferDocument.query(on: db).filter(\.$transferID ~~ chunk)
                .field(\.$transferID).all()
            for row in rows { counts[row.transferID, default: 0] += 1 }
        }
        return counts
    }
}

extension EquipmentQueries {
    /// The departments of a unit, by name: where an issue may go.
    static func departments(of unitID: UUID, on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db).filter(\.$parent.$id == unitID).sort(\.$name).all()
    }

    /// The unit's counted stocks (rounds, cartridges), by name.
    static func stocks(of unitID: UUID, on db: any Database) async throws -> [EquipmentItem] {
        try await EquipmentItem.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$kind ~~ EquipmentKind.allCases.filter(\.isCounted).map(\.rawValue)).sort(\.$searchFolded).all()
    }

    /// The item a transfer names, read for its name (the transfer itself was read through the scope).
    static func item(named id: UUID?, on db: any Database) async throws -> EquipmentItem? {
        guard let id else { return nil }
        return try await EquipmentItem.find(id, on: db)
    }

    /// One paper of a transfer the reader may see, with its bytes; 404 otherwise.
    static func document(
        _ id: UUID,
        of transfer: EquipmentTransfer,
        on db: any Database
    ) async throws
        -> EquipmentTransferDocument
    {
        guard
            let document = try await EquipmentTransferDocument.query(on: db).filter(\.$id == id)
                .filter(\.$transferID == (try transfer.requireID())).first()
        else { throw AppError.notFound }
        return document
    }
}
