import AnToanCore
import Fluent
import Foundation
import Vapor

/// Writes a generated province into an empty database, with one account per role, and says how to log in.
enum DemoLoader {
    struct Login: Sendable {
        var role: Role
        var username: String
    }

    struct Result: Sendable {
        var logins: [Login]
        var password: String
        var units: Int
        var staff: Int
        /// What `DemoDuty` loaded, if it ran.
        var duty: DemoDuty.Summary?
        /// What `DemoEquipment` loaded, if asked.
        var equipment: DemoEquipment.Result?
    }

    /// Rows per INSERT: SQLite takes at most 32,766 bound values in one statement.
    private static let chunk = 1_000

    static func load(_ province: DemoProvince, app: Application) async throws -> Result {
        guard try await Area.query(on: app.db).count() == 0, try await OrgUnit.query(on: app.db).count() == 0 else {
            throw CommandFailed(message: "The database already holds areas or units: run demo on an empty database.")
        }
        let password = "SonHa-" + SecretToken.generate().prefix(10)
        let hash = try await app.password.async.hash(password)
        let result = try await app.write { db in
            let areas = try await insertAreas(province.areas, on: db)
            try await insertBodies(province.bodies, areas: areas, on: db)
            let units = try await insertUnits(province.units, areas: areas, on: db)
            try await insertStaff(province.staff, units: units, on: db)
            let logins = try await insertAccounts(province, areas: areas, units: units, hash: hash, on: db)
            try await AuditTrail.record(
                on: db,
                actor: .system,
                action: .create,
                entity: "demo",
                entityID: province.areas.first?.code ?? "",
                before: nil,
                after: [
                    "areas": String(province.areas.count), "units": String(province.units.count),
                    "staff": String(province.staff.count),
                ],
                now: app.clock.now()
            )
            return Result(logins: logins, password: password, units: province.units.count, staff: province.staff.count)
        }
        try await app.db.analyze(registryTables)
        return result
    }

    /// The tables a province-size load fills.
    static let registryTables = ["areas", "units", "staff", NameKeys.schema, "force_memberships", "sites"]

    private static func insertAreas(_ demo: [DemoArea], on db: any Database) async throws -> [String: Area] {
        var byCode: [String: Area] = [:]
        var rows: [Area] = []
        for item in demo {
            let area = Area(
                code: item.code,
                name: item.name,
                kind: item.kind,
                parent: item.parentCode.flatMap { byCode[$0] },
                validFrom: nil
            )
            area.id = UUID()
            byCode[item.code] = area
            rows.append(area)
        }
        try await insert(rows, on: db)
        return byCode
    }

    private static func insertBodies(_ demo: [DemoBody], areas: [String: Area], on db: any Database) async throws {
        let rows = demo.compactMap { item -> SupervisingBody? in
            guard let area = areas[item.areaCode], let areaID = area.id else { return nil }
            let body = SupervisingBody()
            body.code = item.code
            body.name = item.name
            body.kind = item.kind.rawValue
            body.$area.id = areaID
            body.areaPath = area.path
            return body
        }
        try await insert(rows, on: db)
    }

    private static func insertUnits(
        _ demo: [DemoUnit],
        areas: [String: Area],
        on db: any Database
    ) async throws -> [String: OrgUnit] {
        var byCode: [String: OrgUnit] = [:]
        var units: [OrgUnit] = []
        var sites: [Site] = []
        var systems: [SecuritySystem] = []
        for item in demo {
            guard let area = areas[item.areaCode], let areaID = area.id else { continue }
            let unit = OrgUnit()
            unit.id = UUID()
            unit.code = item.code
            unit.name = item.name
            unit.nameFolded = Folding.fold(item.name)
            unit.kind = item.kind.rawValue
            unit.enterpriseSize = item.enterpriseSize?.rawValue
            unit.schoolLevel = item.schoolLevel?.rawValue
            unit.address = item.address
            unit.phone = ContactFormat.phone(item.phone)
            unit.email = ContactFormat.email(item.email)
            unit.headName = item.headName
            unit.flags = OrgUnit.flagsText(item.flags)
            unit.$area.id = areaID
            unit.areaPath = area.path
            unit.$parent.id = item.parentCode.flatMap { byCode[$0]?.id }
            byCode[item.code] = unit
            units.append(unit)
            for demoSite in item.sites {
                let site = Site()
                site.id = UUID()
                site.code = demoSite.code
                site.name = demoSite.name
                site.kind = demoSite.kind.rawValue
                site.$unit.id = unit.id!
                sites.append(site)
                for demoSystem in demoSite.systems {
                    let system = SecuritySystem()
                    system.kind = demoSystem.kind.rawValue
                    system.count = demoSystem.count
                    system.status = demoSystem.status.rawValue
                    system.lastCheck = demoSystem.lastCheck.iso
                    system.$site.id = site.id!
                    systems.append(system)
                }
            }
        }
        // Parents first, so that departments' foreign keys hold at every chunk.
        try await insert(units.filter { $0.$parent.id == nil }, on: db)
        try await insert(units.filter { $0.$parent.id != nil }, on: db)
        try await NameKeys.write(units, on: db)
        try await insert(units.map { UnitAreaPeriod(unitID: $0.id!, areaID: $0.$area.id, validFrom: nil) }, on: db)
        try await insert(sites, on: db)
        try await insert(systems, on: db)
        return byCode
    }

    private static func insertStaff(_ demo: [DemoStaff], units: [String: OrgUnit], on db: any Database) async throws {
        var staff: [StaffMember] = []
        var memberships: [ForceMembership] = []
        for item in demo {
            guard let place = units[item.unitCode], let placeID = place.id else { continue }
            let topID = place.$parent.id ?? placeID
            let member = StaffMember()
            member.id = UUID()
            member.code = item.code
            member.fullName = item.fullName
            member.nameFolded = Folding.fold(item.fullName)
            member.position = item.position
            member.phone = item.phone
            member.email = item.email
            member.isLeader = item.isLeader
            member.status = "active"
            member.identityNumber = item.identityNumber
            member.areaPath = place.areaPath
            member.$unit.id = topID
            member.$department.id = place.$parent.id == nil ? nil : placeID
            staff.append(member)
            for demoMembership in item.memberships {
                let membership = ForceMembership()
                membership.unitID = topID
                membership.force = demoMembership.force.rawValue
                membership.role = demoMembership.role.rawValue
                membership.startDate = demoMembership.start.iso
                membership.endDate = demoMembership.end?.iso
                membership.certificateNumber = demoMembership.certificateNumber
                membership.dueDate =
                    switch demoMembership.force {
                    case .protection: StaffRegistry.yearsLater(demoMembership.certificateIssued?.iso, 5)
                    case .selfDefence: demoMembership.end?.iso ?? StaffRegistry.yearsLater(demoMembership.start.iso, 4)
                    case .anttTeam: nil
                    }
                membership.$staff.id = member.id!
                memberships.append(membership)
            }
        }
        try await insert(staff, on: db)
        try await NameKeys.write(staff, on: db)
        try await insert(memberships, on: db)
    }

    /// One account per role: the administrator, the province police leader, a commune police officer, and
    /// the head, security officer, guard, receptionist and team member of the first unit.
    private static func insertAccounts(
        _ province: DemoProvince,
        areas: [String: Area],
        units: [String: OrgUnit],
        hash: String,
        on db: any Database
    ) async throws -> [Login] {
        guard let provinceArea = province.areas.first.flatMap({ areas[$0.code] }),
            let commune = province.areas.dropFirst().first.flatMap({ areas[$0.code] }),
            let firstUnit = province.units.first(where: { $0.parentCode == nil }).flatMap({ units[$0.code] }),
            let unitScope = firstUnit.scope
        else { return [] }
        let accounts: [(String, String, Role, Scope)] = [
            ("quantri", "Quản trị hệ thống", .administrator, .everything),
            ("congan.tinh", "Lãnh đạo Công an tỉnh", .authorityLeader, .area(provinceArea.areaPath)),
            ("congan.xa", "Cán bộ Công an \(commune.name)", .authorityOfficer, .area(commune.areaPath)),
            ("thutruong", firstUnit.headName ?? "Thủ trưởng đơn vị", .unitHead, unitScope),
            ("antt", "Cán bộ phụ trách ANTT", .unitSecurityOfficer, unitScope),
            ("baove", "Nhân viên bảo vệ", .dutyOfficer, unitScope),
            ("letan", "Lễ tân cổng", .gateReceptionist, unitScope),
            ("totuquan", "Thành viên tổ tự quản", .teamMember, unitScope),
        ]
        let users = accounts.map {
            User(username: $0.0, displayName: $0.1, role: $0.2, scope: $0.3, passwordHash: hash)
        }
        try await insert(users, on: db)
        return accounts.map { Login(role: $0.2, username: $0.0) }
    }

    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        while start < models.count {
            let batch = Array(models[start..<min(start + chunk, models.count)])
            let _: Void = try await batch.create(on: db)
            start += chunk
        }
    }
}
