import AnToanCore
import Fluent
import Foundation

/// Reads of the gate, always through the reader's scope: a unit's people see their unit's visits, an authority
/// those of the units in its area; anything else is 404.
enum GateQueries {
    static func visits(in scope: Scope, on db: any Database) -> QueryBuilder<Visit> {
        let query = Visit.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The visit if the scope may see it; 404 otherwise.
    static func visit(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Visit {
        guard let visit = try await visits(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return visit
    }

    /// A roll-call must name everyone inside: far above a busy gate's day (a bound, not a page).
    static let insideLimit = 20_000

    /// Those inside now (and those held at the gate), the earliest first; of one unit when `unitID` is given.
    static func inside(in scope: Scope, unitID: UUID? = nil, on db: any Database) async throws -> [Visit] {
        var query = visits(in: scope, on: db).filter(\.$checkedOutAt == nil).filter(\.$purgedAt == nil)
        if let unitID { query = query.filter(\.$unitID == unitID) }
        return try await query.sort(\.$checkedInAt).limit(insideLimit).all()
    }

    /// The visits of a unit that came in on the days `from` to `to` (Vietnam), in order: the sổ khách.
    static func book(of unitID: UUID, from: SolarDate, to: SolarDate, on db: any Database) async throws -> [Visit] {
        try await Visit.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$checkedInAt >= VietnamTime.instant(from, minutes: 0))
            .filter(\.$checkedInAt < VietnamTime.instant(to, minutes: 24 * 60))
            .sort(\.$checkedInAt).limit(5_000).all()
    }

    /// A visitor inside the unit now with this document number, if any.
    static func inside(number: String, unitID: UUID, on db: any Database) async throws -> Visit? {
        try await Visit.query(on: db).filter(\.$unitID == unitID).filter(\.$documentNumber == number)
            .filter(\.$checkedOutAt == nil).first()
    }

    /// A visitor inside the unit now wearing this badge, if any.
    static func inside(badge: String, unitID: UUID, on db: any Database) async throws -> Visit? {
        try await Visit.query(on: db).filter(\.$unitID == unitID).filter(\.$badge == badge)
            .filter(\.$checkedOutAt == nil).first()
    }

    /// The unit's staff (not those who left) whose name contains `folded` (diacritics aside), at most `limit`.
    static func hosts(
        matching folded: String,
        of unitID: UUID,
        limit: Int = 20,
        on db: any Database
    ) async throws
        -> [StaffMember]
    {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .filter(\.$nameFolded, containing: folded).sort(\.$nameFolded).limit(limit).all()
    }

    static func host(_ id: UUID, of unitID: UUID, on db: any Database) async throws -> StaffMember? {
        try await StaffMember.query(on: db).filter(\.$id == id).filter(\.$unit.$id == unitID).first()
    }

    /// The names a host field offers (a `<datalist>`): the unit's staff, by name.
    static func hostNames(of unitID: UUID, on db: any Database) async throws -> [String] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .sort(\.$nameFolded).limit(500).all().map(\.fullName)
    }

    /// The entries a unit's gate checks: its own and those of the authorities over its area.
    static func watchEntries(for unitID: UUID, area: AreaPath, on db: any Database) async throws -> [WatchEntry] {
        let lineage = area.lineage.map(\.value)
        return try await WatchEntry.query(on: db).filter(\.$active == true)
            .group(.or) { group in
                group.filter(\.$unitID == unitID)
                group.group(.and) { $0.filter(\.$unitID == nil).filter(\.$areaPath ~~ lineage) }
            }
            .all()
    }

    /// The watchlist entries a reader manages or sees: a unit's own and its authorities'; an authority's area's.
    static func watchEntries(in scope: Scope, on db: any Database) async throws -> [WatchEntry] {
        let query = WatchEntry.query(on: db).filter(\.$active == true)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, let area):
            let lineage = area.lineage.map(\.value)
            query.group(.or) { group in
                group.filter(\.$unitID == unit)
                group.group(.and) { $0.filter(\.$unitID == nil).filter(\.$areaPath ~~ lineage) }
            }
        }
        return try await query.sort(\.$createdAt, .descending).limit(1_000).all()
    }

    /// An entry the reader may change: its unit's own, or one of its area's; 404 otherwise.
    static func watchEntry(_ id: UUID, in scope: Scope, on db: any Database) async throws -> WatchEntry {
        let query = WatchEntry.query(on: db).filter(\.$id == id).filter(\.$active == true)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): query.filter(\.$unitID == unit)
        }
        guard let entry = try await query.first() else { throw AppError.notFound }
        return entry
    }

    static func watchEntry(_ id: UUID, on db: any Database) async throws -> WatchEntry? {
        try await WatchEntry.find(id, on: db)
    }

    /// How many days the unit keeps visitor data.
    static func retentionDays(of unitID: UUID, on db: any Database) async throws -> Int {
        try await GateSettings.query(on: db).filter(\.$unitID == unitID).first()?.retentionDays
            ?? GateSettings.defaultRetentionDays
    }

    static func settings(on db: any Database) async throws -> [GateSettings] {
        try await GateSettings.query(on: db).all()
    }

    /// The latest reads of visitor data in the scope.
    static func reads(in scope: Scope, limit: Int = 300, on db: any Database) async throws -> [VisitorDataRead] {
        let query = VisitorDataRead.query(on: db)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): query.filter(\.$unitID == unit)
        }
        return try await query.sort(\.$at, .descending).limit(limit).all()
    }

    /// Who hears of a watchlist match: the unit's security officers and duty officers (the guards).
    static func alertAccounts(of unitID: UUID, on db: any Database) async throws -> Set<UUID> {
        let roles = [Role.unitSecurityOfficer.rawValue, Role.dutyOfficer.rawValue]
        return Set(
            try await User.query(on: db).filter(\.$unitID == unitID).filter(\.$role ~~ roles)
                .filter(\.$isActive == true).all().compactMap(\.id)
        )
    }

    /// The units with gate data the scope may see, by name (what an authority's lists filter by).
    static func unitNames(of visits: [Visit], on db: any Database) async throws -> [UUID: String] {
        try await OrganisationQueries.unitNames(Set(visits.map(\.unitID)), on: db)
    }

    /// The staff record an account is linked to at the unit, if any.
    static func staffRecord(of account: UUID, unitID: UUID, on db: any Database) async throws -> StaffMember? {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$userID == account).first()
    }

    /// An invitation of the scope; 404 otherwise.
    static func invitation(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Invitation {
        let query = Invitation.query(on: db).filter(\.$id == id)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): query.filter(\.$unitID == unit)
        }
        guard let invitation = try await query.first() else { throw AppError.notFound }
        return invitation
    }

    static func invitation(_ id: UUID, on db: any Database) async throws -> Invitation? {
        try await Invitation.find(id, on: db)
    }

    /// A unit's invitations from `day` on, the nearest first.
    static func invitations(of unitID: UUID, from day: SolarDate, on db: any Database) async throws -> [Invitation] {
        try await Invitation.query(on: db).filter(\.$unitID == unitID).filter(\.$expectedOn >= day.iso)
            .sort(\.$expectedOn).limit(500).all()
    }
}
