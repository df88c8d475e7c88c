/// Something a signed-in account may try to do; the matrix below says which roles may.
public enum Action: String, CaseIterable, Codable, Sendable {
    case viewDashboard = "view_dashboard"
    case viewAccounts = "view_accounts"
    case manageAccounts = "manage_accounts"
    case viewAuditTrail = "view_audit_trail"
    case useAPITokens = "use_api_tokens"
    case viewOrganisation = "view_organisation"
    case manageOrganisation = "manage_organisation"
    case viewStaffIdentity = "view_staff_identity"
    case manageRosters = "manage_rosters"
    case viewRosters = "view_rosters"
    case performDuty = "perform_duty"
    case registerVisitors = "register_visitors"
    case reportIncident = "report_incident"
    case manageEquipment = "manage_equipment"
    case oversee
    case declarePeakPeriod = "declare_peak_period"
    case approveReports = "approve_reports"
    /// See one's own published shifts, subscribe to them and ask to swap them.
    case viewOwnShifts = "view_own_shifts"
    /// Approve or return a roster the unit submitted (trình ký), and decide whether the unit's rosters need it.
    case approveRosters = "approve_rosters"
    /// See the background jobs and run a failed one again: administrators.
    case manageJobs = "manage_jobs"
    /// Subscribe URLs to events (webhooks) and follow their deliveries: administrators, and authority leaders for
    /// the events of their area.
    case manageWebhooks = "manage_webhooks"
    /// Acknowledge an incident and record the steps of its response: a unit's leadership and the authorities.
    case handleIncidents = "handle_incidents"
    /// See patrol routes, rounds and their reports (the sổ tuần tra) in one's scope.
    case viewPatrols = "view_patrols"
    /// Walk patrol rounds: scan checkpoints, note what is seen at them.
    case walkPatrols = "walk_patrols"
    /// Set a unit's patrol routes, checkpoints and schedules, print their labels, enter their NFC keys.
    case managePatrols = "manage_patrols"
    /// Keep a gate watchlist (a unit's, or an authority's for its area) and see why a visitor is held.
    case manageWatchlist = "manage_watchlist"
    /// Set how long a unit keeps visitor data, and read the log of who read it: a unit's head and administrators.
    case manageVisitorData = "manage_visitor_data"
    /// Name the staff who may approve a unit's goods release notes (giấy ra cổng): a unit's head and administrators.
    case manageReleaseApprovers = "manage_release_approvers"
    /// See the equipment registry of one's scope and open an item's page (what its QR label opens).
    case viewEquipment = "view_equipment"
    /// Approve or refuse taking a weapon or support tool out of store (TT 46/2014 Điều 8.4.4): a unit's head and
    /// administrators.
    case approveEquipmentIssue = "approve_equipment_issue"
    /// Record checks of the unit's equipment on a phone (an extinguisher's monthly check) and see what is due.
    case checkEquipment = "check_equipment"
}

/// The role × action matrix. One table, so a reviewer reads every grant in one place.
public enum Permissions {
    private static let matrix: [Role: Set<Action>] = [
        .administrator: Set(Action.allCases),
        .authorityLeader: [
            .viewDashboard, .viewAccounts, .useAPITokens, .viewOrganisation, .viewRosters, .oversee, .declarePeakPeriod,
            .manageWebhooks,
            .approveReports, .reportIncident, .handleIncidents, .viewPatrols, .manageWatchlist, .viewEquipment,
        ],
        .authorityOfficer: [
            .viewDashboard, .useAPITokens, .viewOrganisation, .viewRosters, .oversee, .reportIncident,
            .handleIncidents, .viewPatrols, .manageWatchlist, .viewEquipment,
        ],
        .unitHead: [
            .viewDashboard, .viewAccounts, .useAPITokens, .viewOrganisation, .viewStaffIdentity, .viewRosters,
            .manageRosters, .approveRosters,
            .approveReports, .reportIncident, .handleIncidents, .manageEquipment, .oversee, .viewOwnShifts,
            .viewPatrols, .managePatrols, .manageWatchlist, .manageVisitorData, .manageReleaseApprovers,
            .viewEquipment,
            .approveEquipmentIssue,
            .checkEquipment,
        ],
        .unitSecurityOfficer: [
            .viewDashboard, .useAPITokens, .viewOrganisation, .manageOrganisation, .viewStaffIdentity,
            .viewRosters, .manageRosters, .performDuty, .reportIncident, .handleIncidents, .manageEquipment,
            .registerVisitors, .viewOwnShifts, .viewPatrols, .walkPatrols, .managePatrols, .manageWatchlist,
            .viewEquipment,
            .checkEquipment,
        ],
        .dutyOfficer: [
            .viewDashboard, .viewRosters, .performDuty, .reportIncident, .registerVisitors, .viewOwnShifts,
            .viewPatrols,
            .walkPatrols, .viewEquipment, .checkEquipment,
        ],
        .gateReceptionist: [.viewDashboard, .registerVisitors, .reportIncident, .viewOwnShifts],
        .teamMember: [
            .viewDashboard, .reportIncident, .viewOwnShifts, .viewPatrols, .walkPatrols, .viewEquipment,
            .checkEquipment,
        ],
    ]

    public static func allows(_ role: Role, _ action: Action) -> Bool {
        matrix[role]?.contains(action) ?? false
    }

    public static func actions(for role: Role) -> Set<Action> {
        matrix[role] ?? []
    }
}
