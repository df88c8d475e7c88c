import AnToanCore
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
        if let actor = filters.actor?.trimmingCharacters(in: .whitespaces), !actor.isEmpty {
            // By the account's name as people know it (without diacritics too) or its username.
            let accounts = try await User.query(on: db).filter(\.$displayNameFolded, containing: Folding.fold(actor))
                .limit(200).all().compactMap(\.id)
            query.group(.or) { either in
                either.filter(\.$actorName == actor.lowercased())
                if !accounts.isEmpty { either.filter(\.$actorID ~~ accounts) }
            }
        }
        if let from { query.filter(\.$atMillis >= from) }
        if let to { query.filter(\.$atMillis < to) }
        return try await query.paginate(PageRequest(page: max(page, 1), per: perPage))
    }
}

extension AuditQueries {
    /// One entry as the page tells it: who, what, which record by name, and each changed field before and after
    /// (record ids in fields replaced by names; personal fields stay masked as they were recorded).
    struct Story: Sendable {
        var seq: Int
        var at: Date
        var actor: String
        var action: String
        var entity: String
        var record: String?
        var changes: [(field: String, old: String?, new: String?)]
    }

    static func stories(_ entries: [AuditEntry], on db: any Database) async throws -> [Story] {
        var changes: [UUID: [String: [String?]]] = [:]
        for entry in entries {
            changes[entry.id ?? UUID()] = decode(entry.changes)
        }
        let names = try await AuditNames.load(for: entries, changes: changes, on: db)
        return entries.map { entry in
            let fields = changes[entry.id ?? UUID()] ?? [:]
            let shown = { (field: String, value: String?) -> String? in
                guard let value, let kind = AuditNames.kind(of: field, in: entry.entity) else { return value }
                return names.name(kind, value) ?? value
            }
            // A deleted record is named by what its own entry kept of it.
            let kept = ["name", "full_name", "display_name", "username"].compactMap { key -> String? in
                guard let values = fields[key] else { return nil }
                return (values.last ?? nil) ?? (values.first ?? nil)
            }
            .first
            return Story(
                seq: entry.seq,
                at: Date(timeIntervalSince1970: Double(entry.atMillis) / 1000),
                actor: entry.actorID.flatMap { names.names["user"]?[$0] } ?? entry.actorName,
                action: entry.action,
                entity: entry.entity,
                record: names.name(entry.entity, entry.entityID) ?? kept
                    ?? (entry.entity == "holidays" ? entry.entityID : nil),
                changes: fields.keys.sorted().map { field in
                    let values = fields[field] ?? []
                    return (field, shown(field, values.first ?? nil), shown(field, values.last ?? nil))
                }
            )
        }
    }

    /// `{"field":[old,new]}` as recorded by `AuditTrail.diff`.
    private static func decode(_ json: String) -> [String: [String?]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        var fields: [String: [String?]] = [:]
        for (field, value) in object {
            guard let pair = value as? [Any] else { continue }
            fields[field] = pair.map { item in
                switch item {
                case let text as String: text
                case let number as NSNumber: number.stringValue
                default: nil
                }
            }
        }
        return fields
    }
}
