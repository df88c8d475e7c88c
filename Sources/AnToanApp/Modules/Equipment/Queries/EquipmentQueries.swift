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
    static func list(
        _ filter: EquipmentFilter,
        in scope: Scope,
        on db: any Database
    ) async throws
        -> (items: [EquipmentItem], total: Int)
    {
        let query = items(in: scope, on: db)
        if let category = filter.category { query.filter(\.$category == category.rawValue) }
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let unitID = filter.unitID { query.filter(\.$unitID == unitID) }
        if let itemID = filter.itemID { query.filter(\.$id == itemID) }
        let folded = Folding.fold(filter.search).trimmingCharacters(in: .whitespaces)
        if !folded.isEmpty { query.filter(\.$searchFolded, containing: folded) }
        let total = try await query.copy().count()
        let page = max(1, filter.page)
        let found = try await query.sort(\.$unitID).sort(\.$category).sort(\.$kind).sort(\.$searchFolded)
            .range(lower: (page - 1) * EquipmentFilter.pageSize, upper: page * EquipmentFilter.pageSize).all()
        return (found, total)
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
        if !unitIDs.isEmpty {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all() {
                if let id = unit.id { names.units[id] = unit.name }
            }
        }
        let siteIDs = Array(Set(items.compactMap(\.siteID)))
        if !siteIDs.isEmpty {
            for site in try await Site.query(on: db).filter(\.$id ~~ siteIDs).all() {
                if let id = site.id { names.sites[id] = site.name }
            }
        }
        let staffIDs = Array(Set(items.compactMap(\.holderStaffID)))
        if !staffIDs.isEmpty {
            for member in try await StaffMember.query(on: db).filter(\.$id ~~ staffIDs).all() {
                if let id = member.id { names.staff[id] = member.fullName }
            }
        }
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
