/// The roles an account can hold; each decides which scope kind the account carries.
public enum Role: String, CaseIterable, Codable, Sendable {
    case administrator
    case authorityLeader = "authority_leader"
    case authorityOfficer = "authority_officer"
    case unitHead = "unit_head"
    case unitSecurityOfficer = "unit_security_officer"
    case dutyOfficer = "duty_officer"
    case gateReceptionist = "gate_receptionist"
    case teamMember = "team_member"

    /// The kind of scope an account of this role must carry.
    public var scopeKind: Scope.Kind {
        switch self {
        case .administrator: .everything
        case .authorityLeader, .authorityOfficer: .area
        case .unitHead, .unitSecurityOfficer, .dutyOfficer, .gateReceptionist, .teamMember: .unit
        }
    }

    public var nameVi: String {
        switch self {
        case .administrator: "Quản trị hệ thống"
        case .authorityLeader: "Lãnh đạo cơ quan quản lý"
        case .authorityOfficer: "Cán bộ cơ quan quản lý"
        case .unitHead: "Thủ trưởng đơn vị"
        case .unitSecurityOfficer: "Cán bộ phụ trách ANTT"
        case .dutyOfficer: "Cán bộ trực / bảo vệ"
        case .gateReceptionist: "Lễ tân cổng"
        case .teamMember: "Thành viên tổ tự quản"
        }
    }

    public var nameEn: String {
        switch self {
        case .administrator: "Administrator"
        case .authorityLeader: "Authority leader"
        case .authorityOfficer: "Authority officer"
        case .unitHead: "Head of unit"
        case .unitSecurityOfficer: "Unit security officer"
        case .dutyOfficer: "Duty officer / guard"
        case .gateReceptionist: "Gate receptionist"
        case .teamMember: "Team member"
        }
    }
}
