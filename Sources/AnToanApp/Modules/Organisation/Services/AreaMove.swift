import AnToanCore
import Fluent
import Foundation

/// Moves what lies in an area to another area version on a day, and is the one place that keeps the copies
/// of area paths in step. A path is copied, so that scope filters need no join, into units and their
/// departments, staff, accounts scoped to a unit, supervising bodies, routing rules and peak periods. A unit
/// moved to another area or parent, a rename, a merge and a split all move them through here, every row
/// audited, inside the caller's transaction. (Routing rules and peak periods are declared for an area, not
/// for a unit: a rename keeps their path, and routing rules take the new version; after a merge or split
/// they stay with the old, closed path.)
struct AreaMove {
    var actor: Principal
    var date: String
    var now: Date
    var db: any Database

    /// Units and departments placed in `area`, by path, so that units still on an older version of it count.
    static func units(in area: Area, on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db).filter(\.$areaPath == area.path).sort(\.$code).all()
    }

    static func bodies(in area: Area, on db: any Database) async throws -> [SupervisingBody] {
        try await SupervisingBody.query(on: db).filter(\.$areaPath == area.path).sort(\.$code).all()
    }

    /// Each unit moves to `target`: its current area period closes on the date and a new one opens, so a
    /// report on an earlier day still finds the area it had then. Its departments, staff and accounts follow.
    func units(_ units: [OrgUnit], to target: Area) async throws {
        let named = Set(units.compactMap(\.id))
        let departments = try await departments(of: Array(named)).filter { !named.contains($0.id ?? UUID()) }
        for unit in units + departments {
            let before = unit.auditSnapshot
            try await place(unit, in: target)
            try await audit("unit", try unit.requireID(), before: before, after: unit.auditSnapshot)
        }
        try await carry((units + departments).compactMap(\.id), to: target.path)
    }

    /// A unit whose own row the caller has already moved to `target` and audited (its area or its parent
    /// changed): its area period turns over, and its departments, staff and accounts follow.
    func follow(_ unit: OrgUnit, to target: Area) async throws {
        try await turnPeriod(of: try unit.requireID(), to: try target.requireID())
        try await units(try await departments(of: [try unit.requireID()]), to: target)
        try await carry([try unit.requireID()], to: target.path)
    }

    /// A department put under another unit takes its staff along: they belong to the new parent unit now,
    /// and carry its path. Each record is audited.
    func departmentStaff(of department: OrgUnit) async throws {
        guard let parentID = department.$parent.id else { return }
        let staff = try await StaffMember.query(on: db).filter(\.$department.$id == department.requireID())
            .filter(\.$unit.$id != parentID).all()
        var changes: [AuditChange] = []
        for member in staff {
            let before = ["unit_id": member.$unit.id.uuidString, "area_path": member.areaPath]
            member.$unit.id = parentID
            member.areaPath = department.areaPath
            try await member.persist(on: db)
            changes.append(
                AuditChange(
                    action: .update,
                    entity: "staff",
                    entityID: try member.requireID().uuidString,
                    before: before,
                    after: ["unit_id": parentID.uuidString, "area_path": member.areaPath]
                )
            )
        }
        try await AuditTrail.recordAll(on: db, actor: actor.auditActor, entries: changes, now: now)
    }

    private func departments(of unitIDs: [UUID]) async throws -> [OrgUnit] {
        var found: [OrgUnit] = []
        for chunk in SQLBatch.chunks(unitIDs) {
            found += try await OrgUnit.query(on: db).filter(\.$parent.$id ~~ chunk).sort(\.$code).all()
        }
        return found
    }

    private func place(_ unit: OrgUnit, in target: Area) async throws {
        unit.$area.id = try target.requireID()
        unit.areaPath = target.path
        try await unit.persist(on: db)
        try await turnPeriod(of: try unit.requireID(), to: try target.requireID())
    }

    private func turnPeriod(of unitID: UUID, to areaID: UUID) async throws {
        let _: Void = try await UnitAreaPeriod.query(on: db).filter(\.$unitID == unitID).filter(\.$validTo == nil)
            .set(\.$validTo, to: date).update()
        try await UnitAreaPeriod(unitID: unitID, areaID: areaID, validFrom: date).insert(on: db)
    }

    /// Staff and unit accounts carry their unit's path; each row that changes is audited.
    private func carry(_ unitIDs: [UUID], to path: String) async throws {
        var changes: [AuditChange] = []
        for chunk in SQLBatch.chunks(unitIDs) {
            let staff = try await StaffMember.query(on: db).filter(\.$unit.$id ~~ chunk).filter(\.$areaPath != path)
                .all()
            changes += try staff.map { try pathChange("staff", $0.requireID(), from: $0.areaPath, to: path) }
            let _: Void = try await StaffMember.query(on: db).filter(\.$unit.$id ~~ chunk).set(\.$areaPath, to: path)
                .update()
            let accounts = try await User.query(on: db).filter(\.$scopeKind == Scope.Kind.unit.rawValue)
                .filter(\.$unitID ~~ chunk).all().filter { $0.areaPath != path }
            changes += try accounts.map { try pathChange("user", $0.requireID(), from: $0.areaPath, to: path) }
            let _: Void = try await User.query(on: db).filter(\.$scopeKind == Scope.Kind.unit.rawValue)
                .filter(\.$unitID ~~ chunk).set(\.$areaPath, to: path).update()
        }
        try await AuditTrail.recordAll(on: db, actor: actor.auditActor, entries: changes, now: now)
    }

    private func pathChange(_ entity: String, _ id: UUID, from old: String?, to path: String) -> AuditChange {
        AuditChange(
            action: .update,
            entity: entity,
            entityID: id.uuidString,
            before: ["area_path": old ?? ""],
            after: ["area_path": path]
        )
    }

    func bodies(_ bodies: [SupervisingBody], to target: Area) async throws {
        let targetID = try target.requireID()
        for body in bodies {
            let before = body.auditSnapshot
            body.$area.id = targetID
            body.areaPath = target.path
            try await body.persist(on: db)
            try await audit("supervising_body", try body.requireID(), before: before, after: body.auditSnapshot)
        }
    }

    /// Rules for the area follow a rename (same path, new version). After a merge or split the old path
    /// is gone, so its rules stay as they were and the new areas fall back to rules above them.
    func rules(of area: Area, to target: Area) async throws {
        guard area.path == target.path else { return }
        let _: Void = try await RoutingRule.query(on: db).filter(\.$areaPath == area.path).set(
            \.$area.$id,
            to: target.requireID()
        )
        .update()
    }

    /// Accounts whose scope was exactly the old area now see `target` instead.
    func areaAccounts(from path: String, to target: Area) async throws {
        guard path != target.path else { return }
        let users = try await User.query(on: db).filter(\.$scopeKind == Scope.Kind.area.rawValue)
            .filter(\.$areaPath == path).all()
        for user in users {
            let before = user.auditSnapshot
            user.areaPath = target.path
            try await user.persist(on: db)
            try await audit("user", try user.requireID(), before: before, after: user.auditSnapshot)
        }
    }

    private func audit(
        _ entity: String,
        _ id: UUID,
        before: [String: String],
        after: [String: String]
    )
        async throws
    {
        try await AuditTrail.record(
            on: db,
            actor: actor.auditActor,
            action: .update,
            entity: entity,
            entityID: id.uuidString,
            before: before,
            after: after,
            now: now
        )
    }
}
