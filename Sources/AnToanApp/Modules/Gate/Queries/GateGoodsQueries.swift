import AnToanCore
import Fluent
import Foundation

/// Reads of goods release notes, their approvers and the vehicle log, always through the reader's scope: a unit's
/// people see their unit's, an authority those of the units in its area; anything else is 404.
enum GateGoodsQueries {
    static func noteQuery(in scope: Scope, on db: any Database) -> QueryBuilder<ReleaseNote> {
        let query = ReleaseNote.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The note if the scope may see it; 404 otherwise.
    static func note(_ id: UUID, in scope: Scope, on db: any Database) async throws -> ReleaseNote {
        guard let note = try await noteQuery(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return note
    }

    /// The notes of the scope, those awaiting approval first, then the latest; only `drafter`'s when given.
    static func notes(
        in scope: Scope,
        drafter: UUID? = nil,
        status: ReleaseNote.Status? = nil,
        limit: Int = 300,
        on db: any Database
    ) async throws -> [ReleaseNote] {
        let query = noteQuery(in: scope, on: db)
        if let drafter { query.filter(\.$createdBy == drafter) }
        if let status { query.filter(\.$status == status.rawValue) }
        let found = try await query.sort(\.$createdAt, .descending).limit(limit).all()
        return found.filter { $0.statusValue == .pending } + found.filter { $0.statusValue != .pending }
    }

    /// The approved notes a gate lets out on `day`: those expected on it or before (a late pick-up still goes).
    static func approved(of unitID: UUID, upTo day: SolarDate, on db: any Database) async throws -> [ReleaseNote] {
        try await ReleaseNote.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$status == ReleaseNote.Status.approved.rawValue).filter(\.$expectedOn <= day.iso)
            .sort(\.$expectedOn).limit(500).all()
    }

    /// The notes let out of a unit on the days `from` to `to` (Vietnam), in order.
    static func released(
        of unitID: UUID,
        from: SolarDate,
        to: SolarDate,
        on db: any Database
    ) async throws
        -> [ReleaseNote]
    {
        try await ReleaseNote.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$releasedAt >= VietnamTime.instant(from, minutes: 0))
            .filter(\.$releasedAt < VietnamTime.instant(to, minutes: 24 * 60))
            .sort(\.$releasedAt).limit(5_000).all()
    }

    /// The staff a unit names to approve its notes, with their staff records, by name.
    static func approvers(of unitID: UUID, on db: any Database) async throws -> [(ReleaseApprover, StaffMember)] {
        let rows = try await ReleaseApprover.query(on: db).filter(\.$unitID == unitID).all()
        guard !rows.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: db).filter(\.$id ~~ rows.map(\.staffID)).all()
        let byID = Dictionary(staff.compactMap { member in member.id.map { ($0, member) } }) { first, _ in first }
        return rows.compactMap { row in byID[row.staffID].map { (row, $0) } }.sorted {
            $0.1.nameFolded < $1.1.nameFolded
        }
    }

    /// An approver entry of the scope's unit; 404 otherwise.
    static func approver(_ id: UUID, of unitID: UUID, on db: any Database) async throws -> ReleaseApprover {
        guard let row = try await ReleaseApprover.query(on: db).filter(\.$id == id).filter(\.$unitID == unitID).first()
        else { throw AppError.notFound }
        return row
    }

    /// The staff record through which `account` approves the unit's notes, if the unit names it an approver.
    static func approverRecord(of account: UUID, unitID: UUID, on db: any Database) async throws -> StaffMember? {
        guard let staff = try await GateQueries.staffRecord(of: account, unitID: unitID, on: db),
            let staffID = staff.id,
            try await ReleaseApprover.query(on: db).filter(\.$unitID == unitID).filter(\.$staffID == staffID).first()
                != nil
        else { return nil }
        return staff
    }

    /// The accounts of a unit's approvers (those with an account), told of a note to decide.
    static func approverAccounts(of unitID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await approvers(of: unitID, on: db).compactMap { $0.1.userID })
    }

    /// The unit's staff (not those who left) a head may name, by name.
    static func staff(of unitID: UUID, on db: any Database) async throws -> [StaffMember] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .sort(\.$nameFolded).limit(2_000).all()
    }

    static func staffMember(_ id: UUID, of unitID: UUID, on db: any Database) async throws -> StaffMember? {
        try await GateQueries.host(id, of: unitID, on: db)
    }

    static func vehicles(in scope: Scope, on db: any Database) -> QueryBuilder<VehiclePass> {
        let query = VehiclePass.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The vehicle pass if the scope may see it; 404 otherwise.
    static func vehicle(_ id: UUID, in scope: Scope, on db: any Database) async throws -> VehiclePass {
        guard let pass = try await vehicles(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return pass
    }

    /// The vehicles inside now, the earliest first; of one unit when `unitID` is given.
    static func vehiclesInside(
        in scope: Scope,
        unitID: UUID? = nil,
        on db: any Database
    ) async throws
        -> [VehiclePass]
    {
        let query = vehicles(in: scope, on: db).filter(\.$checkedOutAt == nil).filter(\.$purgedAt == nil)
        if let unitID { query.filter(\.$unitID == unitID) }
        return try await query.sort(\.$checkedInAt).limit(2_000).all()
    }

    /// The vehicle inside the unit now with this plate (matched by its key), if any.
    static func vehicleInside(plateKey: String, unitID: UUID, on db: any Database) async throws -> VehiclePass? {
        try await VehiclePass.query(on: db).filter(\.$unitID == unitID).filter(\.$plateKey == plateKey)
            .filter(\.$checkedOutAt == nil).first()
    }

    /// The vehicles that came in or went out of a unit on the days `from` to `to` (Vietnam), by time in.
    static func vehicleBook(
        of unitID: UUID,
        from: SolarDate,
        to: SolarDate,
        on db: any Database
    ) async throws
        -> [VehiclePass]
    {
        let start = VietnamTime.instant(from, minutes: 0)
        let end = VietnamTime.instant(to, minutes: 24 * 60)
        return try await VehiclePass.query(on: db).filter(\.$unitID == unitID)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$checkedInAt >= start).filter(\.$checkedInAt < end) }
                group.group(.and) { $0.filter(\.$checkedOutAt >= start).filter(\.$checkedOutAt < end) }
            }
            .sort(\.$checkedInAt).limit(5_000).all()
    }

    /// The top-level units of the scope, by name: those an administrator picks to keep approvers of.
    static func topUnits(in scope: Scope, on db: any Database) async throws -> [OrgUnit] {
        try await OrganisationQueries.units(in: scope, on: db).filter(\.$parent.$id == nil).sort(\.$name).limit(1_000)
            .all()
    }

    /// The units' names, for an authority's lists.
    static func unitNames(_ ids: some Sequence<UUID>, on db: any Database) async throws -> [UUID: String] {
        try await OrganisationQueries.unitNames(Set(ids), on: db)
    }
}
