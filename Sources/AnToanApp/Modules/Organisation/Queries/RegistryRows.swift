import AnToanCore
import Foundation

/// One page of a list. Plain lists are counted; a search reads only up to its page, so its total is
/// known only on its last page.
struct ListPage<Item: Sendable>: Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var hasMore: Bool
    var total: Int?

    /// Reads one row past the page to learn whether another page follows.
    init(rows: [Item], page: Int, perPage: Int, total: Int?) {
        items = Array(rows.prefix(perPage))
        self.page = page
        self.perPage = perPage
        hasMore = rows.count > perPage
        self.total = total ?? (hasMore ? nil : (page - 1) * perPage + items.count)
    }

    var pageCount: Int? { total.map { max(1, ($0 + perPage - 1) / perPage) } }
}

/// What decides a unit's key-target profile and whether the "An toàn" standard applies to it.
protocol UnitProfile {
    var kind: String { get }
    var enterpriseSize: String? { get }
    var schoolLevel: String? { get }
    /// Key-target flags, comma-separated in a fixed order.
    var flags: String { get }
}

extension UnitProfile {
    var keyTargetFlags: [KeyTargetFlag] {
        flags.split(separator: ",").compactMap { KeyTargetFlag(rawValue: String($0)) }
    }

    var inAnToanStandard: Bool {
        AnToanStandard.applies(
            kind: UnitKind(rawValue: kind) ?? .other,
            size: enterpriseSize.flatMap(EnterpriseSize.init),
            level: schoolLevel.flatMap(SchoolLevel.init)
        )
    }
}

extension OrgUnit: UnitProfile {}

/// A unit as lists read it, with its area's name.
struct UnitRow: Sendable, UnitProfile {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var enterpriseSize: String?
    var schoolLevel: String?
    var address: String
    var phone: String?
    var email: String?
    var headName: String?
    var flags: String
    var areaID: UUID
    var areaPath: String
    var parentID: UUID?
    var areaName: String?
}

extension UnitRow {
    /// The columns `OrganisationQueries.unitColumns` selects, in its order.
    init(_ row: inout RowReader) throws {
        self.init(
            id: try row.next(),
            code: try row.next(),
            name: try row.next(),
            kind: try row.next(),
            enterpriseSize: try row.next(),
            schoolLevel: try row.next(),
            address: try row.next(),
            phone: try row.next(),
            email: try row.next(),
            headName: try row.next(),
            flags: try row.next(),
            areaID: try row.next(),
            areaPath: try row.next(),
            parentID: try row.next(),
            areaName: try row.next()
        )
    }
}

extension UnitRow {
    init(_ unit: OrgUnit) throws {
        self.init(
            id: try unit.requireID(),
            code: unit.code,
            name: unit.name,
            kind: unit.kind,
            enterpriseSize: unit.enterpriseSize,
            schoolLevel: unit.schoolLevel,
            address: unit.address,
            phone: unit.phone,
            email: unit.email,
            headName: unit.headName,
            flags: unit.flags,
            areaID: unit.$area.id,
            areaPath: unit.areaPath,
            parentID: unit.$parent.id
        )
    }
}

/// A staff member as lists read them, with the unit's name.
struct StaffRow: Sendable {
    var id: UUID
    var code: String?
    var fullName: String
    var position: String
    var unitID: UUID
    var departmentID: UUID?
    var phone: String?
    var email: String?
    var isLeader: Bool
    var status: String
    var identityNumber: String?
    var unitName: String?
}

extension StaffRow {
    /// The columns `OrganisationQueries.staffColumns` selects, in its order.
    init(_ row: inout RowReader) throws {
        self.init(
            id: try row.next(),
            code: try row.next(),
            fullName: try row.next(),
            position: try row.next(),
            unitID: try row.next(),
            departmentID: try row.next(),
            phone: try row.next(),
            email: try row.next(),
            isLeader: try row.next(),
            status: try row.next(),
            identityNumber: try row.next(),
            unitName: try row.next()
        )
    }
}

extension StaffRow {
    init(_ member: StaffMember) throws {
        self.init(
            id: try member.requireID(),
            code: member.code,
            fullName: member.fullName,
            position: member.position,
            unitID: member.$unit.id,
            departmentID: member.$department.id,
            phone: member.phone,
            email: member.email,
            isLeader: member.isLeader,
            status: member.status,
            identityNumber: member.identityNumber
        )
    }
}
