import AnToanCore
import Fluent
import Foundation
import SQLKit

/// The unit and staff lists, read with SQL straight into rows: a plain list walks an index in page order,
/// a search walks the range of `name_keys` that starts with the folded text, and both stop at the page.
extension OrganisationQueries {
    static let perPage = 50

    /// What `UnitRow(_:)` reads, in its order.
    static let unitColumns: SQLQueryString = """
        SELECT u.id, u.code, u.name, u.kind, u.enterprise_size, u.school_level, u.address, u.phone, u.email, \
        u.head_name, u.flags, u.area_id, u.area_path, u.parent_id, a.name AS area_name
        """

    /// What `StaffRow(_:)` reads, in its order.
    static let staffColumns: SQLQueryString = """
        SELECT s.id, s.code, s.full_name, s.position, s.unit_id, s.department_id, s.phone, s.email, \
        s.is_leader, s.status, s.identity_number, u.name AS unit_name
        """

    /// Top-level units in scope by area and name, or those whose name has a word, or whose code, starts with
    /// `search`. A unit with several keys in the range (its code and a word, "Công ty Cổ phần" for "co") is listed
    /// once, at its first: the keys before it in the range are looked up by owner, a few rows per unit listed.
    static func unitPage(
        in scope: Scope,
        search: String?,
        page: Int,
        on db: any Database
    ) async throws
        -> ListPage<UnitRow>
    {
        let visible: SQLQueryString = "u.parent_id IS NULL AND \(unitScope(scope))"
        let rows: [UnitRow]
        var total: Int?
        if let range = searchRange(search) {
            rows = try await db.rows(
                """
                \(unitColumns) FROM name_keys k JOIN units u ON u.id = k.owner_id \
                LEFT JOIN areas a ON a.id = u.area_id \
                WHERE k.owner_kind = 'unit' AND k.search_key >= \(bind: range.lower) \
                AND k.search_key < \(bind: range.upper) AND \(visible) \
                AND NOT EXISTS (SELECT 1 FROM name_keys e WHERE e.owner_id = k.owner_id \
                AND e.owner_kind = 'unit' AND e.search_key >= \(bind: range.lower) AND e.search_key < k.search_key) \
                ORDER BY k.search_key, k.name_folded, k.owner_id \(window(page))
                """
            ) { try UnitRow(&$0) }
        } else {
            let found = try await db.rows(unitList(in: scope, page: page)) { (try UnitRow(&$0), try $0.next(Int.self)) }
            rows = found.map(\.0)
            if let first = found.first {
                total = first.1
            } else {
                total = try await count("SELECT (\(unitCount(in: scope))) AS n", on: db)
            }
        }
        return ListPage(rows: rows, page: page, perPage: perPage, total: total)
    }

    /// Staff in scope by name, or those whose name has a word starting with `search`.
    static func staffPage(
        in scope: Scope,
        search: String?,
        page: Int,
        on db: any Database
    ) async throws
        -> ListPage<StaffRow>
    {
        let rows: [StaffRow]
        var total: Int?
        if let range = searchRange(search) {
            rows = try await db.rows(
                """
                \(staffColumns) FROM name_keys k JOIN staff s ON s.id = k.owner_id JOIN units u ON u.id = s.unit_id \
                WHERE k.owner_kind = 'staff' AND k.search_key >= \(bind: range.lower) \
                AND k.search_key < \(bind: range.upper) AND \(staffScope(scope)) \
                ORDER BY k.search_key, k.name_folded, k.owner_id \(window(page))
                """
            ) { try StaffRow(&$0) }
        } else {
            rows = try await db.rows(staffList(in: scope, page: page)) { try StaffRow(&$0) }
            total = try await count("SELECT COUNT(*) AS n FROM staff s WHERE \(staffScope(scope))", on: db)
        }
        return ListPage(rows: rows, page: page, perPage: perPage, total: total)
    }

    /// A page of top-level units in scope, with their count. The page's ids come from the index alone; only they
    /// are joined, however deep the page. The count rides along as a subquery run once, a statement fewer per page.
    static func unitList(in scope: Scope, page: Int) -> SQLQueryString {
        let order: SQLQueryString = "ORDER BY u.area_path, u.name_folded, u.id"
        return """
            \(unitColumns), (\(unitCount(in: scope))) AS total \
            FROM (SELECT u.id AS page_id FROM units u WHERE u.parent_id IS NULL AND \(unitScope(scope)) \
            \(order) \(window(page))) p \
            JOIN units u ON u.id = p.page_id LEFT JOIN areas a ON a.id = u.area_id \(order)
            """
    }

    private static func unitCount(in scope: Scope) -> SQLQueryString {
        "SELECT COUNT(*) FROM units c WHERE c.parent_id IS NULL AND \(unitScope(scope, "c"))"
    }

    /// A page of staff in scope by name.
    static func staffList(in scope: Scope, page: Int) -> SQLQueryString {
        """
        \(staffColumns) FROM staff s JOIN units u ON u.id = s.unit_id WHERE \(staffScope(scope)) \
        ORDER BY s.name_folded, s.id \(window(page))
        """
    }

    /// The key range of a search, or nil for no search (blank, or nothing left once folded).
    private static func searchRange(_ search: String?) -> (lower: String, upper: String)? {
        guard let search else { return nil }
        let folded = Folding.fold(search)
        return folded.isEmpty ? nil : Folding.prefixRange(folded)
    }

    /// One page, and one row more to tell whether another page follows.
    private static func window(_ page: Int) -> SQLQueryString {
        "LIMIT \(literal: perPage + 1) OFFSET \(literal: (max(page, 1) - 1) * perPage)"
    }

    /// The condition that a unit row (`alias`) is in `scope`, for SQL that reads units in scope.
    static func unitScope(_ scope: Scope, _ alias: String = "u") -> SQLQueryString {
        switch scope {
        case .everything: "1 = 1"
        case .area(let path): TextMatch.hasPrefix("\(unsafeRaw: alias).area_path", path.value)
        case .unit(let unit, _):
            "(\(unsafeRaw: alias).id = \(bind: unit) OR \(unsafeRaw: alias).parent_id = \(bind: unit))"
        }
    }

    private static func staffScope(_ scope: Scope) -> SQLQueryString {
        TextMatch.within(scope, unit: "s.unit_id", area: "s.area_path")
    }

    private static func count(_ query: SQLQueryString, on db: any Database) async throws -> Int {
        try await db.sql.raw(query).first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
