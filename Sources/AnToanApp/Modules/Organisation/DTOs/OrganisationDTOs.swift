import AnToanCore
import Foundation
import Vapor

struct AreaDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var path: String
    var parentId: UUID?
    var validFrom: String?
    var validTo: String?
    var successorId: UUID?

    init(_ area: Area) throws {
        id = try area.requireID()
        code = area.code
        name = area.name
        kind = area.kind
        path = area.path
        parentId = area.$parent.id
        validFrom = area.validFrom
        validTo = area.validTo
        successorId = area.successorID
    }
}

struct UnitDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var enterpriseSize: String?
    var schoolLevel: String?
    var areaId: UUID
    var areaPath: String
    var parentId: UUID?
    var address: String
    var phone: String?
    var email: String?
    var headName: String?
    var flags: [String]
    var inAntoanStandard: Bool
    /// "sun" or "sat_sun": what the unit chose, or the standard for its kind (`DutyCalendar.weeklyRest(of:on:)`).
    var weeklyRest: String

    init(_ unit: OrgUnit, weeklyRest: WeeklyRest) throws { self.init(try UnitRow(unit), weeklyRest: weeklyRest) }

    init(_ row: UnitRow, weeklyRest: WeeklyRest) {
        id = row.id
        code = row.code
        name = row.name
        kind = row.kind
        enterpriseSize = row.enterpriseSize
        schoolLevel = row.schoolLevel
        areaId = row.areaID
        areaPath = row.areaPath
        parentId = row.parentID
        address = row.address
        phone = row.phone
        email = row.email
        headName = row.headName
        flags = row.keyTargetFlags.map(\.rawValue)
        inAntoanStandard = row.inAnToanStandard
        self.weeklyRest = weeklyRest.rawValue
    }
}

struct BodyDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var areaId: UUID
    var areaPath: String
    var reportsToId: UUID?

    init(_ body: SupervisingBody) throws {
        id = try body.requireID()
        code = body.code
        name = body.name
        kind = body.kind
        areaId = body.$area.id
        areaPath = body.areaPath
        reportsToId = body.$reportsTo.id
    }
}

struct SiteDTO: Content {
    struct System: Content {
        var id: UUID
        var kind: String
        var count: Int
        var status: String
        var lastCheck: String?
    }

    var id: UUID
    var code: String
    var name: String
    var kind: String
    var systems: [System]

    init(_ site: Site, systems: [SecuritySystem]) throws {
        id = try site.requireID()
        code = site.code
        name = site.name
        kind = site.kind
        self.systems = try systems.map {
            System(id: try $0.requireID(), kind: $0.kind, count: $0.count, status: $0.status, lastCheck: $0.lastCheck)
        }
    }
}

/// A staff member; the identity number is masked unless the reader may see it and asked to.
struct StaffDTO: Content {
    var id: UUID
    var code: String?
    var fullName: String
    var position: String
    var unitId: UUID
    var departmentId: UUID?
    var phone: String?
    var email: String?
    var isLeader: Bool
    var status: String
    var identityNumber: String?

    init(_ member: StaffMember, revealIdentity: Bool = false) throws {
        self.init(try StaffRow(member), revealIdentity: revealIdentity)
    }

    init(_ row: StaffRow, revealIdentity: Bool = false) {
        id = row.id
        code = row.code
        fullName = row.fullName
        position = row.position
        unitId = row.unitID
        departmentId = row.departmentID
        phone = row.phone
        email = row.email
        isLeader = row.isLeader
        status = row.status
        identityNumber = row.identityNumber.map { revealIdentity ? $0 : Masking.mask($0) }
    }
}

struct MembershipDTO: Content {
    var id: UUID
    var staffId: UUID
    var force: String
    var role: String
    var startDate: String
    var endDate: String?
    var certificateNumber: String?
    var dueDate: String?

    init(_ membership: ForceMembership) throws {
        id = try membership.requireID()
        staffId = membership.$staff.id
        force = membership.force
        role = membership.role
        startDate = membership.startDate
        endDate = membership.endDate
        certificateNumber = membership.certificateNumber
        dueDate = membership.dueDate
    }
}

struct StaffingDTO: Content {
    var staff: Int
    var leaders: Int
    var byForce: [String: Int]
    var dueSoon: [Staffing.Due]

    init(_ staffing: Staffing) {
        staff = staffing.staff
        leaders = staffing.leaders
        byForce = staffing.byForce
        dueSoon = staffing.dueSoon
    }
}
