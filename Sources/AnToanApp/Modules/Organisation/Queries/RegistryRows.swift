import AnToanCore
import Foundation
import SQLKit

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

/// A unit as lists read it: decoded straight from SQL, with its area's name.
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
    /// Column by column: a list's rows skip the `Decodable` machinery, which cost a tenth of a unit page.
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: UUID.self),
            code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            enterpriseSize: try row.decode(column: "enterprise_size", as: String?.self),
            schoolLevel: try row.decode(column: "school_level", as: String?.self),
            address: try row.decode(column: "address", as: String.self),
            phone: try row.decode(column: "phone", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            headName: try row.decode(column: "head_name", as: String?.self),
            flags: try row.decode(column: "flags", as: String.self),
            areaID: try row.decode(column: "area_id", as: UUID.self),
            areaPath: try row.decode(column: "area_path", as: String.self),
            parentID: try row.decode(column: "parent_id", as: UUID?.self),
            areaName: try row.decode(column: "area_name", as: String?.self)
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

/// A staff member as lists read them: decoded straight from SQL, with the unit's name.
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
    /// Column by column, as `UnitRow(row:)`.
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: UUID.self),
            code: try row.decode(column: "code", as: String?.self),
            fullName: try row.decode(column: "full_name", as: String.self),
            position: try row.decode(column: "position", as: String.self),
            unitID: try row.decode(column: "unit_id", as: UUID.self),
            departmentID: try row.decode(column: "department_id", as: UUID?.self),
            phone: try row.decode(column: "phone", as: String?.self),
            email: try row.decode(column: "email", as: String?.self),
            isLeader: try row.decode(column: "is_leader", as: Bool.self),
            status: try row.decode(column: "status", as: String.self),
            identityNumber: try row.decode(column: "identity_number", as: String?.self),
            unitName: try row.decode(column: "unit_name", as: String?.self)
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
