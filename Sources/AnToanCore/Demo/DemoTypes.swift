/// A province, commune, ward or special zone of the demo province.
public struct DemoArea: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: AreaKind
    public var parentCode: String?
}

/// A supervising body (police, military command, people's committee) of an area.
public struct DemoBody: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: BodyKind
    public var areaCode: String
}

/// Security equipment of one kind at a site, with the result of its last check.
public struct DemoSystem: Sendable, Equatable, Codable {
    public var kind: SecuritySystemKind
    public var count: Int
    public var status: SystemStatus
    public var lastCheck: SolarDate
}

/// A headquarters, building, gate, guard post or patrol checkpoint of a unit.
public struct DemoSite: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: SiteKind
    public var systems: [DemoSystem]
}

/// An organisation, or one of its departments when `parentCode` is set.
public struct DemoUnit: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var enterpriseSize: EnterpriseSize?
    public var schoolLevel: SchoolLevel?
    public var areaCode: String
    public var parentCode: String?
    public var address: String
    public var phone: String
    public var email: String
    public var headName: String?
    public var flags: [KeyTargetFlag]
    public var sites: [DemoSite]
}

/// A person's place in a force; guards carry their training certificate (valid five years).
public struct DemoMembership: Sendable, Equatable, Codable {
    public var force: ForceKind
    public var role: ForceRole
    public var start: SolarDate
    public var end: SolarDate?
    public var certificateNumber: String?
    public var certificateIssued: SolarDate?
}

/// A member of staff of a unit or department.
public struct DemoStaff: Sendable, Equatable, Codable {
    public var code: String
    public var fullName: String
    public var unitCode: String
    public var position: String
    public var department: String?
    public var phone: String
    public var email: String?
    public var isLeader: Bool
    public var identityNumber: String
    public var memberships: [DemoMembership]
}

/// The whole generated province.
public struct DemoProvince: Sendable, Equatable, Codable {
    public var areas: [DemoArea]
    public var bodies: [DemoBody]
    public var units: [DemoUnit]
    public var staff: [DemoStaff]
}
