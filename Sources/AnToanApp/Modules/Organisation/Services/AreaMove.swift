import AnToanCore
import Fluent
import Foundation

/// Moves what lies in an area to another area version on a day. Rename, merge and split all close a
/// version and send its units, staff, supervising bodies and accounts somewhere; this is the one place
/// that does it. Every function runs inside the caller's transaction.
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
    /// report on an earlier day still finds the area it had then. Its staff and its accounts follow.
    func units(_ units: [OrgUnit], to target: Area) async throws {
        let targetID = try target.requireID()
        var moved: [UUID] = []
        for unit in units {
            let id = try unit.requireID()
            let before = unit.auditSnapshot
            let oldPath = unit.areaPath
            unit.$area.id = targetID
            unit.areaPath = target.path
            try await unit.persist(on: db)
            let _: Void = try await UnitAreaPeriod.query(on: db).filter(\.$unitID == id).filter(\.$validTo == nil)
                .set(\.$validTo, to: date).update()
            try await UnitAreaPeriod(unitID: id, areaID: targetID, validFrom: date).insert(on: db)
            try await audit("unit", id, before: before, after: unit.auditSnapshot)
            if oldPath != target.path { moved.append(id) }
        }
        // Staff and unit accounts carry their unit's path only so that scope filters need no join.
        for chunk in ImportLookups.chunks(moved) {
            let _: Void = try await StaffMember.query(on: db).filter(\.$unit.$id ~~ chunk).set(
                \.$areaPath,
                to: target.path
            )
            .update()
            let _: Void = try await User.query(on: db).filter(\.$scopeKind == Scope.Kind.unit.rawValue).filter(
                \.$unitID ~~ chunk
            )
            .set(\.$areaPath, to: target.path).update()
        }
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
