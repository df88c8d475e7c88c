/// The kinds of the organisation registry, as stored and as the API speaks them.
public enum AreaKind: String, Codable, Sendable, CaseIterable {
    case province
    case commune
    case ward
    case specialZone = "special_zone"
    case district
}

public enum UnitKind: String, Codable, Sendable, CaseIterable {
    case agency
    case enterprise
    case school
    case communeCommittee = "commune_committee"
    /// A bank, state treasury or people's credit fund.
    case bank
    case other
}

public enum EnterpriseSize: String, Codable, Sendable, CaseIterable {
    case micro
    case small
    case medium
    case large
}

public enum SchoolLevel: String, Codable, Sendable, CaseIterable {
    case nursery
    case kindergarten
    case primary
    case lowerSecondary = "lower_secondary"
    case upperSecondary = "upper_secondary"
    case college
    case university
}

public enum KeyTargetFlag: String, Codable, Sendable, CaseIterable {
    case industrialZone = "industrial_zone"
    case foreignInvestment = "foreign_investment"
    case foreignWorkers = "foreign_workers"
    case stateSecrets = "state_secrets"
    case holdsWeapons = "holds_weapons"
    case bankTreasury = "bank_treasury"
}

public enum SiteKind: String, Codable, Sendable, CaseIterable {
    case headquarters
    case building
    case gate
    case guardPost = "guard_post"
    case checkpoint
}

public enum SecuritySystemKind: String, Codable, Sendable, CaseIterable {
    case camera
    case alarm
    case accessControl = "access_control"
    case fireAlarm = "fire_alarm"
}

public enum SystemStatus: String, Codable, Sendable, CaseIterable {
    case working
    case faulty
    case off
}

public enum BodyKind: String, Codable, Sendable, CaseIterable {
    case police
    case militaryCommand = "military_command"
    case peoplesCommittee = "peoples_committee"
}

public enum ForceKind: String, Codable, Sendable, CaseIterable {
    case protection
    case selfDefence = "self_defence"
    case anttTeam = "antt_team"
}

public enum ForceRole: String, Codable, Sendable, CaseIterable {
    case member
    case leader
    case deputy
}

/// What a routing rule routes: a unit's plan for approval, or its periodic reports.
public enum RoutingPurpose: String, Codable, Sendable, CaseIterable {
    case planApproval = "plan_approval"
    case report
}
