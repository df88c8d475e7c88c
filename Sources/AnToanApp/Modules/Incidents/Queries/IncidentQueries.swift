import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Reads of incidents, always through the reader's scope: a unit's people see their unit's, an authority those
/// of the units in its area; anything else is 404.
enum IncidentQueries {
    static func incidents(in scope: Scope, on db: any Database) -> QueryBuilder<Incident> {
        Incident.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
    }

    /// The incident if the scope may see it; 404 otherwise.
    static func incident(_ id: UUID, in scope: Scope, on db: any Database) async throws -> Incident {
        guard let incident = try await incidents(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return incident
    }

    /// A photo of an incident the scope may see; 404 otherwise.
    static func photo(
        _ id: UUID,
        of incidentID: UUID,
        in scope: Scope,
        on db: any Database
    ) async throws -> IncidentPhoto {
        _ = try await incident(incidentID, in: scope, on: db)
        guard
            let photo = try await IncidentPhoto.query(on: db).filter(\.$id == id).filter(\.$incidentID == incidentID)
                .first()
        else { throw AppError.notFound }
        return photo
    }

    /// An incident's photos in order, by id and type (not their bytes).
    static func photos(of incidentID: UUID, on db: any Database) async throws -> [IncidentDetail.Photo] {
        try await IncidentPhoto.query(on: db).filter(\.$incidentID == incidentID).sort(\.$position)
            .field(\.$id).field(\.$position).field(\.$contentType).all()
            .compactMap { photo in photo.id.map { IncidentDetail.Photo(id: $0, contentType: photo.contentType) } }
    }

    static func timeline(of incidentID: UUID, on db: any Database) async throws -> [IncidentEvent] {
        try await IncidentEvent.query(on: db).filter(\.$incidentID == incidentID).sort(\.$at).all()
    }

    static func addressees(of incidentID: UUID, on db: any Database) async throws -> [IncidentAddressee] {
        try await IncidentAddressee.query(on: db).filter(\.$incidentID == incidentID).all()
    }

    static func addressee(of incidentID: UUID, account: UUID, on db: any Database) async throws -> IncidentAddressee? {
        try await IncidentAddressee.query(on: db).filter(\.$incidentID == incidentID).filter(\.$accountID == account)
            .first()
    }

    /// A site of one of `units` (the unit or its department).
    static func site(_ id: UUID, of units: [UUID], on db: any Database) async throws -> Site? {
        try await Site.query(on: db).filter(\.$id == id).filter(\.$unit.$id ~~ units).first()
    }

    /// The sites of a unit and its departments, by name, for the report form.
    static func sites(of unitID: UUID, on db: any Database) async throws -> [Site] {
        let departments = try await OrgUnit.query(on: db).filter(\.$parent.$id == unitID).all().compactMap(\.id)
        return try await Site.query(on: db).filter(\.$unit.$id ~~ ([unitID] + departments)).sort(\.$name).all()
    }

    /// The active accounts of the unit's head and security officer.
    static func leaderAccounts(of unitID: UUID, on db: any Database) async throws -> Set<UUID> {
        try await leaderAccounts(of: [unitID], on: db)[unitID] ?? []
    }

    /// The same for many units at once (a nightly job's reminders): unit → accounts, for the units that have any.
    static func leaderAccounts(of unitIDs: Set<UUID>, on db: any Database) async throws -> [UUID: Set<UUID>] {
        var accounts: [UUID: Set<UUID>] = [:]
        for chunk in SQLBatch.chunks(unitIDs) {
            let rows = try await db.rows(
                """
                SELECT unit_id, id FROM users WHERE unit_id IN (\(binds: chunk)) \
                AND role IN (\(binds: [Role.unitHead.rawValue, Role.unitSecurityOfficer.rawValue])) \
                AND is_active = \(bind: true)
                """
            ) { (try $0.next(UUID.self), try $0.next(UUID.self)) }
            for (unit, account) in rows { accounts[unit, default: []].insert(account) }
        }
        return accounts
    }

    /// The active authority accounts that stand for a supervising body: those whose area is the body's area.
    static func authorityAccounts(of body: SupervisingBody, on db: any Database) async throws -> Set<UUID> {
        let roles = [Role.authorityLeader.rawValue, Role.authorityOfficer.rawValue]
        return Set(
            try await User.query(on: db).filter(\.$scopeKind == Scope.Kind.area.rawValue)
                .filter(\.$areaPath == body.areaPath).filter(\.$role ~~ roles).filter(\.$isActive == true).all()
                .compactMap(\.id)
        )
    }

    /// Names of accounts by id (for who acknowledged, who is waited for).
    static func accountNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(Array(ids)) {
            for user in try await User.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = user.id { names[id] = user.displayName }
            }
        }
        return names
    }
}

extension IncidentQueries {
    /// The units of `scope` that have incidents, by name: what an authority's list filters by.
    static func units(in scope: Scope, on db: any Database) async throws -> [(id: UUID, name: String)] {
        let ids = Set(try await incidents(in: scope, on: db).field(\.$unitID).all().map(\.unitID))
        return try await OrganisationQueries.unitNames(ids, on: db).map { (id: $0.key, name: $0.value) }.sorted {
            $0.name < $1.name
        }
    }
}
