import AnToanCore
import Fluent
import Foundation
import SQLKit

/// The search keys of staff and unit names (`Folding.searchKeys`: the folded name from each word on),
/// kept in `name_keys` so that a diacritic-blind search is one index range scan, in result order, on
/// SQLite and PostgreSQL alike. A unit is found by its code too ("dv0001"): one more key, ordered by its name.
/// Written in the same transaction as the names they index.
enum NameKeys {
    static let schema = "name_keys"

    enum Owner: String {
        case staff
        case unit
    }

    static func write(_ staff: [StaffMember], on db: any Database) async throws {
        try await replace(.staff, staff.compactMap { member in member.id.map { ($0, member.nameFolded, []) } }, on: db)
    }

    static func write(_ units: [OrgUnit], on db: any Database) async throws {
        let names = units.compactMap { unit in unit.id.map { ($0, unit.nameFolded, [Folding.fold(unit.code)]) } }
        try await replace(.unit, names, on: db)
    }

    /// Drops the owners' old keys and inserts the keys of their current names, and `also` (a unit's code).
    static func replace(
        _ owner: Owner,
        _ names: [(id: UUID, folded: String, also: [String])],
        on db: any Database
    ) async throws {
        for chunk in SQLBatch.chunks(names.map(\.id)) {
            let _: Void = try await db.sql.delete(from: schema)
                .where("owner_kind", .equal, owner.rawValue)
                .where("owner_id", .in, chunk)
                .run()
        }
        let rows = names.flatMap { name in
            let words = Folding.searchKeys(name.folded)
            let keys = words + name.also.filter { !$0.isEmpty && !words.contains($0) }
            return keys.map { key -> [any Encodable & Sendable] in [owner.rawValue, name.id, key, name.folded] }
        }
        for chunk in SQLBatch.chunks(rows) {
            let insert = db.sql.insert(into: schema).columns("owner_kind", "owner_id", "search_key", "name_folded")
            for row in chunk { insert.values(row) }
            let _: Void = try await insert.run()
        }
    }
}
