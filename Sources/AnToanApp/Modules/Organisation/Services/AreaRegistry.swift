import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Creating areas and recording their renames and merges with the day they took effect.
enum AreaRegistry {
    static func create(_ input: CreateAreaInput, by actor: Principal, on req: Request) async throws -> Area {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let code = checker.code("code", input.code)
        let name = checker.text("name", input.name, max: 200)
        let kind = checker.choice("kind", input.kind, AreaKind.self)
        let validFrom = checker.date("valid_from", input.validFrom)
        var parent: Area?
        if let parentID = input.parentId {
            parent = try await Area.query(on: req.db).filter(\.$id == parentID).filter(\.$validTo == nil).first()
            if parent == nil { checker.add("parent_id", .notFound) }
        }
        if !code.isEmpty,
            try await Area.query(on: req.db).filter(\.$code == code).filter(\.$validTo == nil).first() != nil
        {
            checker.add("code", .taken)
        }
        try checker.check()
        guard let kind else { throw AppError.forbidden }
        let area = Area(code: code, name: name, kind: kind, parent: parent, validFrom: validFrom)
        try await record(area, action: .create, before: nil, actor: actor, on: req)
        return area
    }

    /// A rename closes the current version on `effective_date` and opens one with the new name.
    static func rename(
        _ area: Area,
        _ input: RenameAreaInput,
        by actor: Principal,
        on req: Request
    ) async throws -> Area {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let name = checker.text("name", input.name, max: 200)
        let date = checker.date("effective_date", input.effectiveDate, optional: false)
        if area.validTo != nil {
            checker.add("id", .invalid(vi: "địa bàn đã không còn hiệu lực", en: "the area is no longer current"))
        }
        if let date, let from = area.validFrom, date <= from {
            checker.add(
                "effective_date",
                .invalid(vi: "phải sau ngày bắt đầu \(from)", en: "must be after the start \(from)")
            )
        }
        try checker.check()
        guard let date else { throw AppError.forbidden }
        let next = Area(
            code: area.code,
            name: name,
            kind: AreaKind(rawValue: area.kind) ?? .commune,
            parent: nil,
            validFrom: date
        )
        next.path = area.path
        next.$parent.id = area.$parent.id
        let before = area.auditSnapshot
        try await req.application.write { db in
            area.validTo = date
            try await area.persist(on: db)
            try await next.insert(on: db)
            try await AreaEvent(kind: "rename", effectiveDate: date, summary: "\(area.name) → \(name)").insert(on: db)
            try await audit(area, before: before, actor: actor, on: db, now: req.application.clock.now())
            try await audit(next, before: nil, actor: actor, on: db, now: req.application.clock.now())
        }
        return next
    }

    /// Merges `area` into another on `effective_date`: it closes, and its units and accounts move over.
    static func merge(_ area: Area, _ input: MergeAreaInput, by actor: Principal, on req: Request) async throws -> Area
    {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let date = checker.date("effective_date", input.effectiveDate, optional: false)
        let target = try await Area.query(on: req.db).filter(\.$id == input.intoId).filter(\.$validTo == nil).first()
        if target == nil { checker.add("into_id", .notFound) }
        if let target, target.path.hasPrefix(area.path) {
            checker.add(
                "into_id",
                .invalid(vi: "không thể gộp vào chính nó hoặc địa bàn con", en: "cannot be the area itself or below it")
            )
        }
        if area.validTo != nil {
            checker.add("id", .invalid(vi: "địa bàn đã không còn hiệu lực", en: "the area is no longer current"))
        }
        if try await Area.query(on: req.db).filter(\.$path =~ area.path).filter(\.$path != area.path).filter(
            \.$validTo == nil
        ).count() > 0 {
            checker.add("id", .invalid(vi: "cần gộp các địa bàn con trước", en: "merge the areas below it first"))
        }
        try checker.check()
        guard let target, let date, let targetID = target.id, let areaID = area.id else { throw AppError.forbidden }
        let before = area.auditSnapshot
        let now = req.application.clock.now()
        try await req.application.write { db in
            area.validTo = date
            area.successorID = targetID
            try await area.persist(on: db)
            let units = try await OrgUnit.query(on: db).filter(\.$area.$id == areaID).all()
            for unit in units {
                let unitBefore = unit.auditSnapshot
                unit.$area.id = targetID
                unit.areaPath = target.path
                try await unit.persist(on: db)
                try await UnitAreaPeriod.query(on: db).filter(\.$unitID == unit.requireID()).filter(\.$validTo == nil)
                    .set(\.$validTo, to: date).update()
                try await UnitAreaPeriod(unitID: try unit.requireID(), areaID: targetID, validFrom: date).insert(on: db)
                try await AuditTrail.record(
                    on: db,
                    actor: actor.auditActor,
                    action: .update,
                    entity: "unit",
                    entityID: try unit.requireID().uuidString,
                    before: unitBefore,
                    after: unit.auditSnapshot,
                    now: now
                )
            }
            try await StaffMember.query(on: db).filter(\.$areaPath == area.path).set(\.$areaPath, to: target.path)
                .update()
            try await SupervisingBody.query(on: db).filter(\.$area.$id == areaID).set(\.$area.$id, to: targetID)
                .set(\.$areaPath, to: target.path).update()
            try await User.query(on: db).filter(\.$areaPath == area.path).set(\.$areaPath, to: target.path).update()
            try await AreaEvent(kind: "merge", effectiveDate: date, summary: "\(area.name) → \(target.name)").insert(
                on: db
            )
            try await audit(area, before: before, actor: actor, on: db, now: now)
        }
        return area
    }

    private static func record(
        _ area: Area,
        action: AuditAction,
        before: [String: String]?,
        actor: Principal,
        on req: Request
    )
        async throws
    {
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await area.insert(on: db)
            try await audit(area, before: before, actor: actor, on: db, now: now)
        }
    }

    private static func audit(
        _ area: Area,
        before: [String: String]?,
        actor: Principal,
        on db: any Database,
        now: Date
    )
        async throws
    {
        try await AuditTrail.record(
            on: db,
            actor: actor.auditActor,
            action: before == nil ? .create : .update,
            entity: "area",
            entityID: try area.requireID().uuidString,
            before: before,
            after: area.auditSnapshot,
            now: now
        )
    }
}
