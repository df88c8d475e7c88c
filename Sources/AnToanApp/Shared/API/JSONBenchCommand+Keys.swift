import AnToanCore
import Foundation

// The benchmark's bodies as types with explicit snake_case `CodingKeys`: the same fields and values as the DTOs,
// for Foundation's encoder without a key strategy.

struct ExplicitPage<Item: Encodable>: Encodable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var hasMore: Bool
    var total: Int?

    enum CodingKeys: String, CodingKey {
        case items, page, total
        case perPage = "per_page"
        case hasMore = "has_more"
    }

    init<DTO>(_ page: PageDTO<DTO>, _ item: (DTO) -> Item) {
        items = page.items.map(item)
        self.page = page.page
        perPage = page.perPage
        hasMore = page.hasMore
        total = page.total
    }
}

struct ExplicitUnit: Encodable {
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

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, address, phone, email, flags
        case enterpriseSize = "enterprise_size"
        case schoolLevel = "school_level"
        case areaId = "area_id"
        case areaPath = "area_path"
        case parentId = "parent_id"
        case headName = "head_name"
        case inAntoanStandard = "in_antoan_standard"
    }

    init(_ unit: UnitDTO) {
        (id, code, name, kind) = (unit.id, unit.code, unit.name, unit.kind)
        (enterpriseSize, schoolLevel, areaId, areaPath) = (
            unit.enterpriseSize, unit.schoolLevel, unit.areaId, unit.areaPath
        )
        (parentId, address, phone, email) = (unit.parentId, unit.address, unit.phone, unit.email)
        (headName, flags, inAntoanStandard) = (unit.headName, unit.flags, unit.inAntoanStandard)
    }
}

struct ExplicitStaff: Encodable {
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

    enum CodingKeys: String, CodingKey {
        case id, code, position, phone, email, status
        case fullName = "full_name"
        case unitId = "unit_id"
        case departmentId = "department_id"
        case isLeader = "is_leader"
        case identityNumber = "identity_number"
    }

    init(_ staff: StaffDTO) {
        (id, code, fullName, position) = (staff.id, staff.code, staff.fullName, staff.position)
        (unitId, departmentId, phone, email) = (staff.unitId, staff.departmentId, staff.phone, staff.email)
        (isLeader, status, identityNumber) = (staff.isLeader, staff.status, staff.identityNumber)
    }
}

struct ExplicitRoster: Encodable {
    struct Day: Encodable {
        var date: String
        var lunar: String
    }

    struct Seat: Encodable {
        var day: Day
        var shift: String
        var post: String
        var role: String
        var staffId: UUID
        var staffName: String
        var startsAt: Date
        var endsAt: Date
        var id: UUID?

        enum CodingKeys: String, CodingKey {
            case day, shift, post, role, id
            case staffId = "staff_id"
            case staffName = "staff_name"
            case startsAt = "starts_at"
            case endsAt = "ends_at"
        }
    }

    var id: UUID
    var unitId: UUID
    var startDate: String
    var endDate: String
    var status: String
    var hardViolations: Int
    var openSeats: Int
    /// Core's report, whose keys stay as they are (a DTO of its own would give them in snake_case).
    var report: RosterReport
    var seats: [Seat]?

    enum CodingKeys: String, CodingKey {
        case id, status, report, seats
        case unitId = "unit_id"
        case startDate = "start_date"
        case endDate = "end_date"
        case hardViolations = "hard_violations"
        case openSeats = "open_seats"
    }

    init(_ roster: RosterDTO) {
        (id, unitId, startDate, endDate) = (roster.id, roster.unitId, roster.startDate, roster.endDate)
        (status, hardViolations, openSeats, report) = (
            roster.status, roster.hardViolations, roster.openSeats, roster.report
        )
        seats = roster.seats?.map {
            Seat(
                day: Day(date: $0.day.date, lunar: $0.day.lunar),
                shift: $0.shift,
                post: $0.post,
                role: $0.role,
                staffId: $0.staffId,
                staffName: $0.staffName,
                startsAt: $0.startsAt,
                endsAt: $0.endsAt,
                id: $0.id
            )
        }
    }
}
