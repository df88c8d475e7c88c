import Fluent
import Foundation

/// What the audit list can be narrowed to.
struct AuditFilters: Sendable {
    var entity: String?
    var actor: String?
    var fromText: String?
    var toText: String?

    var query: [String: String] {
        ["entity": entity ?? "", "actor": actor ?? "", "from": fromText ?? "", "to": toText ?? ""]
    }

    /// Checks the dates; the checker names the field that could not be read.
    func range(checker: inout FieldChecker) -> (from: Int64?, to: Int64?) {
        func millis(_ text: String?, field: String, endOfDay: Bool) -> Int64? {
            guard let text, !text.isEmpty else { return nil }
            guard let day = VietnamTime.parseDay(text) else {
                checker.add(field, .invalid(vi: "cần ngày dạng dd/MM/yyyy", en: "needs a date as dd/MM/yyyy"))
                return nil
            }
            let date = endOfDay ? day.addingTimeInterval(24 * 3600) : day
            return Int64(date.timeIntervalSince1970 * 1000)
        }
        return (millis(fromText, field: "from", endOfDay: false), millis(toText, field: "to", endOfDay: true))
    }
}

enum AuditQueries {
    static func list(
        _ filters: AuditFilters,
        from: Int64?,
        to: Int64?,
        page: Int,
        perPage: Int = 50,
        on db: any Database
    )
        async throws -> Page<AuditEntry>
    {
        let query = AuditEntry.query(on: db).sort(\.$seq, .descending)
        if let entity = filters.entity, !entity.isEmpty { query.filter(\.$entity == entity) }
        if let actor = filters.actor, !actor.isEmpty { query.filter(\.$actorName == actor.lowercased()) }
        if let from { query.filter(\.$atMillis >= from) }
        if let to { query.filter(\.$atMillis < to) }
        return try await query.paginate(PageRequest(page: max(page, 1), per: perPage))
    }
}
