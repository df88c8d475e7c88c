import AnToanCore
import Fluent
import Foundation

/// The names behind an audit page's ids: the records the entries are about, the people who made them and the
/// records their changed fields point to. One query per kind of record for the whole page, never one per row.
struct AuditNames: Sendable {
    /// kind ("unit", "staff", "user" …) → id → name.
    var names: [String: [UUID: String]] = [:]
    /// An area's path ("/99/99001/") → its name ("Phường Ba Đình"): scopes and peak periods keep paths.
    var areaPaths: [String: String] = [:]

    func name(_ kind: String, _ id: String) -> String? {
        kind == "area_path" ? areaPaths[id] : UUID(uuidString: id).flatMap { names[kind]?[$0] }
    }

    /// The kind of record a field holding an id points to.
    static let fieldKinds: [String: String] = [
        "unit_id": "unit", "department_id": "unit", "parent_id": "unit", "reports_to_id": "unit",
        "successor_id": "unit", "area_id": "area", "user_id": "user", "staff_id": "staff", "from_staff_id": "staff",
        "to_staff_id": "staff", "site_id": "site", "roster_id": "roster", "area_path": "area_path",
        "seat_id": "roster_seat", "other_seat_id": "roster_seat",
    ]

    /// An area's parent and successor are areas; a unit's are units.
    static func kind(of field: String, in entity: String) -> String? {
        entity == "area" && ["parent_id", "successor_id"].contains(field) ? "area" : fieldKinds[field]
    }

    static func load(
        for entries: [AuditEntry],
        changes: [UUID: [String: [String?]]],
        on db: any Database
    )
        async throws -> AuditNames
    {
        var wanted: [String: Set<UUID>] = [:]
        var paths: Set<String> = []
        func want(_ kind: String, _ id: String?) {
            if kind == "area_path", let id, !id.isEmpty { paths.insert(id) }
            if let id, let uuid = UUID(uuidString: id) { wanted[kind, default: []].insert(uuid) }
        }
        for entry in entries {
            want(entry.entity, entry.entityID)
            if let actor = entry.actorID { wanted["user", default: []].insert(actor) }
            for (field, values) in changes[entry.id ?? UUID()] ?? [:] {
                guard let kind = kind(of: field, in: entry.entity) else { continue }
                for value in values { want(kind, value) }
            }
        }
        var result = AuditNames()
        for chunk in SQLBatch.chunks(Array(paths)) {
            for area in try await Area.query(on: db).filter(\.$path ~~ chunk).all() {
                result.areaPaths[area.path] = area.name
            }
        }
        // A check-in is named by its seat, a seat by its shift, day and post.
        var checkIns: [DutyCheckIn] = []
        for chunk in SQLBatch.chunks(Array(wanted["duty_checkin"] ?? [])) {
            checkIns += try await DutyCheckIn.query(on: db).filter(\.$id ~~ chunk).all()
        }
        wanted["roster_seat", default: []].formUnion(checkIns.map(\.seatID))
        result.names["roster_seat"] = try await seatNames(wanted["roster_seat"] ?? [], on: db)
        let seats = result.names["roster_seat"] ?? [:]
        result.names["duty_checkin"] = Dictionary(
            checkIns.compactMap { checkIn in checkIn.id.flatMap { id in seats[checkIn.seatID].map { (id, $0) } } },
            uniquingKeysWith: { first, _ in first }
        )
        // Rosters first: a roster is named by its unit, which joins the units' query.
        var rosters: [Roster] = []
        for chunk in SQLBatch.chunks(Array(wanted["roster"] ?? [])) {
            rosters += try await Roster.query(on: db).filter(\.$id ~~ chunk).all()
        }
        wanted["unit", default: []].formUnion(rosters.map(\.unitID))
        result.names["unit"] = try await names(OrgUnit.self, wanted["unit"], on: db) { $0.name }
        result.names["staff"] = try await names(StaffMember.self, wanted["staff"], on: db) { $0.fullName }
        result.names["user"] = try await names(User.self, wanted["user"], on: db) {
            $0.displayName.isEmpty ? $0.username : $0.displayName
        }
        result.names["area"] = try await names(Area.self, wanted["area"], on: db) { $0.name }
        result.names["site"] = try await names(Site.self, wanted["site"], on: db) { $0.name }
        result.names["supervising_body"] = try await names(SupervisingBody.self, wanted["supervising_body"], on: db) {
            $0.name
        }
        result.names["peak_period"] = try await names(PeakPeriodRecord.self, wanted["peak_period"], on: db) { $0.name }
        result.names["api_token"] = try await names(APIToken.self, wanted["api_token"], on: db) { $0.name }
        let units = result.names["unit"] ?? [:]
        result.names["roster"] = Dictionary(
            rosters.compactMap { roster -> (UUID, String)? in
                guard let id = roster.id else { return nil }
                let days = [roster.startDate, roster.endDate].map { SolarDate(iso: $0)?.dmy ?? $0 }
                return (id, "\(units[roster.unitID].map { $0 + " " } ?? "")\(days[0])–\(days[1])")
            },
            uniquingKeysWith: { first, _ in first }
        )
        // A unit's duty set-up is keyed by the unit.
        result.names["duty_setup"] = units
        return result
    }

    /// "Ca đêm 22:00–06:00 ngày 04/03/2027 · Bốt gác phía sau", by the posts' names of each seat's unit.
    private static func seatNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        var seats: [RosterSeat] = []
        for chunk in SQLBatch.chunks(Array(ids)) {
            seats += try await RosterSeat.query(on: db).filter(\.$id ~~ chunk).all()
        }
        var names: [UUID: DutyNames] = [:]
        for unitID in Set(seats.map(\.unitID)) {
            names[unitID] = DutyNames(posts: try await RosterQueries.posts(of: unitID, on: db))
        }
        var result: [UUID: String] = [:]
        for seat in seats {
            guard let id = seat.id, let words = names[seat.unitID] else { continue }
            let day = SolarDate(iso: seat.date)?.dmy ?? seat.date
            result[id] = "\(words.shift(post: seat.post, seat.shift, .vi)) ngày \(day) · \(words.post(seat.post, .vi))"
        }
        return result
    }

    private static func names<M: Model>(
        _ model: M.Type,
        _ ids: Set<UUID>?,
        on db: any Database,
        name: (M) -> String
    ) async throws -> [UUID: String] where M.IDValue == UUID {
        guard let ids, !ids.isEmpty else { return [:] }
        var result: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(Array(ids)) {
            for row in try await M.query(on: db).filter(\._$id ~~ chunk).all() {
                if let id = row.id { result[id] = name(row) }
            }
        }
        return result
    }
}
