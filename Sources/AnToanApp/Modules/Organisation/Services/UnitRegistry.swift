import AnToanCore
import Fluent
import Foundation
import Vapor

/// Creating and changing units, departments, sites and security systems.
enum UnitRegistry {
    /// Creates a unit, or a department when `parent_id` is given; a unit's own officer may add departments only.
    static func create(_ input: UnitInput, by actor: Principal, on req: Request) async throws -> OrgUnit {
        var checker = FieldChecker()
        let unit = OrgUnit()
        unit.code = checker.code("code", input.code)
        try await apply(input, to: unit, creating: true, actor: actor, checker: &checker, on: req.db)
        if !unit.code.isEmpty, try await OrgUnit.query(on: req.db).filter(\.$code == unit.code).first() != nil {
            checker.add("code", .taken)
        }
        try checker.check()
        let now = req.application.clock.now()
        try await req.application.write { db in
            // The checks above, made again under lock: two requests with one code, a parent turned department.
            try await db.lockKey("unit-code:\(unit.code)")
            if try await OrgUnit.query(on: db).filter(\.$code == unit.code).first() != nil {
                throw AppError.invalidFields([FieldError(field: "code", reason: .taken)])
            }
            if let parentID = unit.$parent.id, try await db.lockedRow(OrgUnit.self, parentID)?.$parent.id != nil {
                throw AppError.invalidFields([FieldError(field: "parent_id", reason: .notFound)])
            }
            try await unit.insert(on: db)
            let id = try unit.requireID()
            try await UnitAreaPeriod(unitID: id, areaID: unit.$area.id, validFrom: nil).insert(on: db)
            try await NameKeys.write([unit], on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .create,
                entity: "unit",
                entityID: id.uuidString,
                before: nil,
                after: unit.auditSnapshot,
                now: now
            )
            try await setWeeklyRest(input, of: unit, by: actor, on: req)
        }
        return unit
    }

    static func update(_ unit: OrgUnit, _ input: UnitInput, by actor: Principal, on req: Request) async throws {
        var checker = FieldChecker()
        if let code = input.code, code != unit.code {
            checker.add("code", .invalid(vi: "không đổi được", en: "cannot be changed"))
        }
        let before = unit.auditSnapshot
        let (oldArea, oldPath, oldParent) = (unit.$area.id, unit.areaPath, unit.$parent.id)
        try await apply(input, to: unit, creating: false, actor: actor, checker: &checker, on: req.db)
        try checker.check()
        let moved = unit.$area.id != oldArea || unit.areaPath != oldPath
        let now = req.application.clock.now()
        try await req.application.write { db in
            // Locks in the order every writer takes them: areas, then units.
            let target = moved ? try await moveTarget(of: unit, on: db) : nil
            _ = try await db.lockedRow(OrgUnit.self, try unit.requireID())
            if moved, unit.$parent.id != oldParent { try await checkNoDepartments(unit, on: db) }
            try await unit.persist(on: db)
            try await NameKeys.write([unit], on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .update,
                entity: "unit",
                entityID: try unit.requireID().uuidString,
                before: before,
                after: unit.auditSnapshot,
                now: now
            )
            try await setWeeklyRest(input, of: unit, by: actor, on: req)
            // Its departments, staff, accounts and area history go with it, so that scope follows the move.
            let move = AreaMove(actor: actor, date: VietnamTime.day(of: now).iso, now: now, db: db)
            if let target { try await move.follow(unit, to: target) }
            if oldParent != nil, unit.$parent.id != oldParent { try await move.departmentStaff(of: unit) }
        }
    }

    /// The unit's weekly rest days when `input` gives them, through the days-off page's own write (its audit entry
    /// included), in the unit's transaction: called inside `app.write`, it joins it.
    private static func setWeeklyRest(
        _ input: UnitInput,
        of unit: OrgUnit,
        by actor: Principal,
        on req: Request
    )
        async throws
    {
        guard let rest = input.weeklyRest else { return }
        try await DutyCalendar.setWeeklyRest(rest, of: unit, by: actor, on: req)
    }

    /// The area a moved unit goes to, checked again under lock: it is still current.
    private static func moveTarget(of unit: OrgUnit, on db: any Database) async throws -> Area {
        guard let target = try await db.lockedRow(Area.self, unit.$area.id), target.validTo == nil else {
            throw AppError.invalidFields([
                FieldError(field: unit.$parent.id == nil ? "area_id" : "parent_id", reason: .notFound)
            ])
        }
        return target
    }

    /// A unit that becomes a department has no departments of its own, checked again under lock.
    private static func checkNoDepartments(_ unit: OrgUnit, on db: any Database) async throws {
        if try await OrgUnit.query(on: db).filter(\.$parent.$id == unit.requireID()).count() > 0 {
            throw AppError.invalidFields([
                FieldError(
                    field: "parent_id",
                    reason: .invalid(
                        vi: "đơn vị đang có phòng ban, không thể làm con",
                        en: "the unit has departments and cannot become one"
                    )
                )
            ])
        }
    }

    /// Checks every field of `input` and copies the good ones onto `unit`.
    private static func apply(
        _ input: UnitInput,
        to unit: OrgUnit,
        creating: Bool,
        actor: Principal,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws {
        if creating || input.name != nil {
            unit.name = checker.name("name", input.name, max: 200)
            unit.nameFolded = Folding.fold(unit.name)
        }
        if creating || input.kind != nil {
            unit.kind = checker.choice("kind", input.kind, UnitKind.self)?.rawValue ?? ""
        }
        if creating || input.address != nil { unit.address = checker.text("address", input.address, max: 300) }
        if input.enterpriseSize != nil || creating {
            unit.enterpriseSize =
                checker.choice("enterprise_size", input.enterpriseSize, EnterpriseSize.self, optional: true)?.rawValue
        }
        if input.schoolLevel != nil || creating {
            unit.schoolLevel =
                checker.choice("school_level", input.schoolLevel, SchoolLevel.self, optional: true)?.rawValue
        }
        kindDetails(input, of: unit, checker: &checker)
        if input.phone != nil || creating { unit.phone = checker.phone("phone", input.phone) }
        if input.email != nil || creating { unit.email = checker.email("email", input.email) }
        if input.headName != nil || creating {
            let head = checker.text("head_name", input.headName, max: 120, optional: true)
            unit.headName = head.isEmpty ? nil : head
        }
        if let flags = input.flags {
            var known: [KeyTargetFlag] = []
            for flag in flags {
                if let value = checker.choice("flags", flag, KeyTargetFlag.self) { known.append(value) }
            }
            unit.flags = OrgUnit.flagsText(known)
        } else if creating {
            unit.flags = ""
        }
        if creating || input.parentId != nil {
            try await setParent(input.parentId, of: unit, actor: actor, checker: &checker, on: db)
        }
        // A department takes its parent's area; a top-level unit needs an area inside the actor's scope.
        if unit.$parent.id == nil, creating || input.areaId != nil {
            try await setArea(input.areaId, of: unit, actor: actor, checker: &checker, on: db)
        }
        // Rosters and days off are a top-level unit's: a department keeps its unit's rest days.
        if let rest = input.weeklyRest?.trimmingCharacters(in: .whitespaces), !rest.isEmpty {
            if unit.$parent.id != nil {
                checker.add(
                    "weekly_rest",
                    .invalid(vi: "phòng ban nghỉ theo đơn vị của mình", en: "a department rests as its unit does")
                )
            } else {
                _ = checker.choice("weekly_rest", rest, WeeklyRest.self)
            }
        }
    }

    /// An enterprise size only for an enterprise, a school level only for a school: given for another kind, a 422
    /// names the field; kept from before the kind changed, it is dropped.
    private static func kindDetails(_ input: UnitInput, of unit: OrgUnit, checker: inout FieldChecker) {
        let kind = UnitKind(rawValue: unit.kind)
        guard kind != nil else { return }
        if kind != .enterprise, unit.enterpriseSize != nil {
            if input.enterpriseSize?.isEmpty == false {
                checker.add(
                    "enterprise_size",
                    .invalid(vi: "chỉ dành cho doanh nghiệp", en: "applies to enterprises only")
                )
            }
            unit.enterpriseSize = nil
        }
        if kind != .school, unit.schoolLevel != nil {
            if input.schoolLevel?.isEmpty == false {
                checker.add("school_level", .invalid(vi: "chỉ dành cho trường học", en: "applies to schools only"))
            }
            unit.schoolLevel = nil
        }
    }

    private static func setArea(
        _ id: UUID?,
        of unit: OrgUnit,
        actor: Principal,
        checker: inout FieldChecker,
        on db: any Database
    )
        async throws
    {
        guard let id else { return checker.add("area_id", .required) }
        guard let area = try await Area.query(on: db).filter(\.$id == id).filter(\.$validTo == nil).first() else {
            return checker.add("area_id", .notFound)
        }
        guard actor.scope.covers(.area(area.areaPath)) else {
            return checker.add("area_id", .invalid(vi: "nằm ngoài phạm vi của bạn", en: "is outside your scope"))
        }
        unit.$area.id = id
        unit.areaPath = area.path
    }

    /// A department sits under a top-level unit the actor may see; a unit cannot end up below itself.
    private static func setParent(
        _ id: UUID?,
        of unit: OrgUnit,
        actor: Principal,
        checker: inout FieldChecker,
        on db: any Database
    )
        async throws
    {
        guard let id else {
            unit.$parent.id = nil
            return
        }
        if id == unit.id {
            return checker.add(
                "parent_id",
                .invalid(vi: "không thể là chính đơn vị này", en: "cannot be the unit itself")
            )
        }
        guard let parent = try await OrganisationQueries.units(in: actor.scope, on: db).filter(\.$id == id).first()
        else {
            return checker.add("parent_id", .notFound)
        }
        if parent.$parent.id != nil {
            return checker.add(
                "parent_id",
                .invalid(
                    vi: "phải là đơn vị cấp trên, không phải phòng ban",
                    en: "must be a top-level unit, not a department"
                )
            )
        }
        if let unitID = unit.id, try await OrgUnit.query(on: db).filter(\.$parent.$id == unitID).count() > 0 {
            return checker.add(
                "parent_id",
                .invalid(
                    vi: "đơn vị đang có phòng ban, không thể làm con",
                    en: "the unit has departments and cannot become one"
                )
            )
        }
        unit.$parent.id = id
        unit.$area.id = parent.$area.id
        unit.areaPath = parent.areaPath
    }

    static func createSite(
        _ input: SiteInput,
        in unit: OrgUnit,
        by actor: Principal,
        on req: Request
    ) async throws -> Site {
        var checker = FieldChecker()
        let site = Site()
        site.code = checker.code("code", input.code)
        site.name = checker.name("name", input.name, max: 200)
        site.kind = checker.choice("kind", input.kind, SiteKind.self)?.rawValue ?? ""
        site.$unit.id = try unit.requireID()
        if !site.code.isEmpty,
            try await Site.query(on: req.db).filter(\.$unit.$id == site.$unit.id).filter(\.$code == site.code).first()
                != nil
        {
            checker.add("code", .taken)
        }
        try checker.check()
        let (unitID, code) = (site.$unit.id, site.code)
        try await insertAudited(
            site,
            entity: "site",
            snapshot: site.auditSnapshot,
            actor: actor,
            on: req,
            checking: { db in
                // A second request with the same code may have passed the check meanwhile: check again under lock.
                try await db.lockKey("site-code:\(unitID):\(code)")
                if try await Site.query(on: db).filter(\.$unit.$id == unitID).filter(\.$code == code).first() != nil {
                    throw AppError.invalidFields([FieldError(field: "code", reason: .taken)])
                }
            }
        )
        return site
    }

    static func createSystem(
        _ input: SystemInput,
        at site: Site,
        by actor: Principal,
        on req: Request
    ) async throws -> SecuritySystem {
        var checker = FieldChecker()
        let system = SecuritySystem()
        system.kind = checker.choice("kind", input.kind, SecuritySystemKind.self)?.rawValue ?? ""
        system.status = checker.choice("status", input.status, SystemStatus.self)?.rawValue ?? ""
        system.count = input.count
        system.lastCheck = checker.date("last_check", input.lastCheck)
        system.$site.id = try site.requireID()
        try checker.check()
        try await insertAudited(
            system,
            entity: "security_system",
            snapshot: system.auditSnapshot,
            actor: actor,
            on: req
        )
        return system
    }

    /// Inserts a new row and its audit entry in one transaction; `checking` runs in it first (to check again
    /// under lock what was checked before), `alongside` after the insert.
    static func insertAudited<M: Model>(
        _ model: M,
        entity: String,
        snapshot: [String: String],
        actor: Principal,
        on req: Request,
        alongside: @escaping @Sendable (any Database) async throws -> Void = { _ in },
        checking: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    )
        async throws where M.IDValue == UUID
    {
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await checking(db)
            try await model.insert(on: db)
            try await alongside(db)
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: .create,
                entity: entity,
                entityID: try model.requireID().uuidString,
                before: nil,
                after: snapshot,
                personalFields: StaffMember.personalFields,
                now: now
            )
        }
    }
}
