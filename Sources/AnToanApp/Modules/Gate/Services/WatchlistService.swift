import AnToanCore
import Fluent
import Foundation
import Vapor

/// A watchlist entry as the form or the API gives it.
struct WatchInput: Sendable {
    /// A unit of the account's scope; nil: the account's own unit, or an authority's whole area.
    var unitID: UUID?
    var documentNumber: String?
    var fullName: String?
    var birthDate: String?
    var reason: String?
}

/// The watchlists' writes: an entry added (to a unit's list, or an authority's for its area) or taken off.
enum WatchlistService {
    static let entity = "gate_watch_entry"

    @discardableResult
    static func add(_ input: WatchInput, by principal: Principal, on app: Application) async throws -> WatchEntry {
        guard principal.can(.manageWatchlist) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            // Whose list: the given unit (in scope), the account's own unit, or the authority's area.
            var unitID: UUID?
            var area: AreaPath
            switch (input.unitID, principal.scope) {
            case (let id?, _):
                let unit = try await GateService.topUnit(id, in: principal.scope, on: db)
                unitID = try unit.requireID()
                guard let path = AreaPath(unit.areaPath) else { throw AppError.notFound }
                area = path
            case (nil, .unit(let own, let path)):
                unitID = own
                area = path
            case (nil, .area(let path)):
                area = path
            case (nil, .everything):
                throw AppError.invalidFields([FieldError(field: "unit_id", reason: .required)])
            }
            var checker = FieldChecker()
            let name = checker.name("full_name", input.fullName, max: GateLimits.name, optional: true)
            let number = checker.text("document_number", input.documentNumber, max: 20, optional: true)
            let comparable = String(number.filter { $0.isLetter || $0.isNumber }).uppercased()
            if !number.isEmpty, comparable.count < 4 || !comparable.allSatisfy(\.isASCII) {
                checker.add(
                    "document_number",
                    .invalid(vi: "cần 4–20 chữ cái không dấu và chữ số", en: "needs 4–20 letters and digits")
                )
            }
            let birth = checker.date("birth_date", input.birthDate)
            let reason = checker.text("reason", input.reason, max: GateLimits.reason, kind: .multiline)
            let rule = Watchlist.Entry(
                documentNumber: comparable.isEmpty ? nil : comparable,
                nameFolded: name.isEmpty ? nil : Folding.fold(name),
                birthDate: birth.flatMap { SolarDate(iso: $0) }
            )
            if !rule.identifies,
                checker.errors.allSatisfy({ $0.field != "document_number" && $0.field != "birth_date" })
            {
                checker.add(
                    "document_number",
                    .invalid(
                        vi: "cần số giấy tờ, hoặc họ tên cùng ngày sinh, để nhận ra người này",
                        en: "needs a document number, or the full name with the date of birth, to know the person"
                    )
                )
            }
            try checker.check()
            let entry = WatchEntry()
            entry.unitID = unitID
            entry.areaPath = area.value
            entry.documentNumber = rule.documentNumber
            entry.fullName = name
            entry.nameFolded = rule.nameFolded ?? ""
            entry.birthDate = birth
            entry.reason = reason
            entry.createdAt = now
            entry.createdByName = principal.displayName
            entry.active = true
            try await entry.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try entry.requireID().uuidString,
                before: nil,
                after: entry.auditSnapshot,
                now: now
            )
            return entry
        }
    }

    /// Takes an entry off its list (kept, inactive, for the record of past holds).
    static func remove(_ id: UUID, by principal: Principal, on app: Application) async throws {
        guard principal.can(.manageWatchlist) else { throw AppError.forbidden }
        let now = app.clock.now()
        try await app.write { db in
            let entry = try await GateQueries.watchEntry(id, in: principal.scope, on: db)
            let before = entry.auditSnapshot
            entry.active = false
            try await entry.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: before,
                after: entry.auditSnapshot,
                now: now
            )
        }
    }
}
