import AnToanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Creating areas and recording their renames, merges and splits with the day they took effect.
enum AreaRegistry {
    static func create(_ input: CreateAreaInput, by actor: Principal, on req: Request) async throws -> Area {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let code = areaCode("code", input.code, checker: &checker)
        let name = checker.name("name", input.name, max: 200)
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
        let name = checker.name("name", input.name, max: 200)
        let date = checker.date("effective_date", input.effectiveDate, optional: false)
        checkClosable(area, on: date, checker: &checker)
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
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await lockCurrent([(area, "id")], on: db)
            area.validTo = date
            try await area.persist(on: db)
            try await next.insert(on: db)
            // The units and bodies move to the new version, so that pages name the area by its new name
            // while their area periods still say what it was called before.
            let move = AreaMove(actor: actor, date: date, now: now, db: db)
            try await move.units(try await AreaMove.units(in: area, on: db), to: next)
            try await move.bodies(try await AreaMove.bodies(in: area, on: db), to: next)
            try await move.rules(of: area, to: next)
            try await AreaEvent(kind: "rename", effectiveDate: date, summary: "\(area.name) → \(name)").insert(on: db)
            try await audit(area, before: before, actor: actor, on: db, now: now)
            try await audit(next, before: nil, actor: actor, on: db, now: now)
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
        checkClosable(area, on: date, checker: &checker)
        if try await hasCurrentAreasBelow(area, on: req.db) {
            checker.add("id", .invalid(vi: "cần gộp các địa bàn con trước", en: "merge the areas below it first"))
        }
        try checker.check()
        guard let target, let date, let targetID = target.id else { throw AppError.forbidden }
        let before = area.auditSnapshot
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await lockCurrent([(area, "id"), (target, "into_id")], on: db)
            area.validTo = date
            area.successorID = targetID
            try await area.persist(on: db)
            let move = AreaMove(actor: actor, date: date, now: now, db: db)
            try await move.units(try await AreaMove.units(in: area, on: db), to: target)
            try await move.bodies(try await AreaMove.bodies(in: area, on: db), to: target)
            try await move.areaAccounts(from: area.path, to: target)
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
            // A second request with the same code may have passed the check meanwhile: check again under lock.
            try await db.lockKey("area-code:\(area.code)")
            if action == .create,
                try await Area.query(on: db).filter(\.$code == area.code).filter(\.$validTo == nil).first() != nil
            {
                throw AppError.invalidFields([FieldError(field: "code", reason: .taken)])
            }
            try await area.insert(on: db)
            try await audit(area, before: before, actor: actor, on: db, now: now)
        }
    }

    static func audit(
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

    /// Locks the versions a change closes or moves into (in one order, so two changes cannot wait on each
    /// other) and checks again that each is still current: of two renames or merges sent at once, the second
    /// finds the version closed.
    static func lockCurrent(_ areas: [(Area, field: String)], on db: any Database) async throws {
        for (area, field) in areas.sorted(by: { ($0.0.id?.uuidString ?? "") < ($1.0.id?.uuidString ?? "") }) {
            guard let current = try await db.lockedRow(Area.self, try area.requireID()), current.validTo == nil else {
                throw AppError.invalidFields([FieldError(field: field, reason: noLongerCurrent)])
            }
        }
    }

    static let noLongerCurrent = FieldError.Reason.invalid(
        vi: "địa bàn đã không còn hiệu lực",
        en: "the area is no longer current"
    )

    /// A version can be closed on `date` only while it is current, and only after the day it began.
    static func checkClosable(_ area: Area, on date: String?, checker: inout FieldChecker) {
        if area.validTo != nil { checker.add("id", noLongerCurrent) }
        if let date, let from = area.validFrom, date <= from {
            checker.add(
                "effective_date",
                .invalid(vi: "phải sau ngày bắt đầu \(from)", en: "must be after the start \(from)")
            )
        }
    }

    static func hasCurrentAreasBelow(_ area: Area, on db: any Database) async throws -> Bool {
        try await Area.query(on: db).filter(\.$path, hasPrefix: area.path).filter(\.$path != area.path)
            .filter(\.$validTo == nil).count() > 0
    }

    /// An area code becomes a segment of scope paths, which take letters, digits and `-` only.
    static func areaCode(_ field: String, _ value: String?, checker: inout FieldChecker) -> String {
        let code = checker.code(field, value)
        if code.contains("_") {
            checker.add(
                field,
                .invalid(vi: "chỉ dùng chữ không dấu, số và -", en: "may use only letters, digits and -")
            )
        }
        return code
    }
}
