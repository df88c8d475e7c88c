import AnToanCore
import Foundation
import Testing

@Suite("Permission matrix")
struct PermissionsTests {
    @Test("the administrator may do everything")
    func administrator() {
        for action in Action.allCases { #expect(Permissions.allows(.administrator, action)) }
    }

    @Test("only the administrator manages accounts and reads the audit trail")
    func adminOnly() {
        for role in Role.allCases where role != .administrator {
            #expect(!Permissions.allows(role, .manageAccounts), "\(role)")
            #expect(!Permissions.allows(role, .viewAuditTrail), "\(role)")
        }
    }

    @Test(
        "each role's grants",
        arguments: [
            (Role.gateReceptionist, Action.registerVisitors, true),
            (.gateReceptionist, .manageRosters, false),
            (.teamMember, .reportIncident, true),
            (.teamMember, .viewRosters, false),
            (.dutyOfficer, .performDuty, true),
            (.dutyOfficer, .manageRosters, false),
            (.unitSecurityOfficer, .manageRosters, true),
            (.unitSecurityOfficer, .approveReports, false),
            (.unitHead, .approveReports, true),
            (.unitHead, .declarePeakPeriod, false),
            (.authorityLeader, .declarePeakPeriod, true),
            (.authorityOfficer, .declarePeakPeriod, false),
            (.authorityOfficer, .oversee, true),
            (.authorityOfficer, .manageOrganisation, false),
            (.teamMember, .viewOwnShifts, true),
            (.dutyOfficer, .viewOwnShifts, true),
            (.gateReceptionist, .viewOwnShifts, true),
            (.unitSecurityOfficer, .viewOwnShifts, true),
            (.unitHead, .viewOwnShifts, true),
            (.authorityLeader, .viewOwnShifts, false),
            (.authorityOfficer, .viewOwnShifts, false),
            (.dutyOfficer, .viewRosters, true),
        ]
    )
    func grants(role: Role, action: Action, allowed: Bool) {
        #expect(Permissions.allows(role, action) == allowed)
    }

    @Test("every role may see the dashboard")
    func dashboard() {
        for role in Role.allCases { #expect(Permissions.allows(role, .viewDashboard)) }
    }

    @Test("roles carry the scope kind that fits them")
    func scopeKinds() {
        #expect(Role.administrator.scopeKind == .everything)
        #expect(Role.authorityLeader.scopeKind == .area)
        #expect(Role.dutyOfficer.scopeKind == .unit)
    }
}

@Suite("Scopes")
struct ScopeTests {
    let province = AreaPath("/79/")!
    let commune = AreaPath("/79/26734/")!
    let sibling = AreaPath("/7/")!

    @Test("area paths are normalised and refuse anything but path segments")
    func paths() {
        #expect(AreaPath("79/26734")?.value == "/79/26734/")
        #expect(AreaPath("") == nil)
        #expect(AreaPath("../etc") == nil)
        #expect(AreaPath("/79/%/") == nil)
    }

    @Test("an area covers its subtree and no sibling whose code starts the same")
    func areaCovers() {
        let unit = UUID()
        #expect(Scope.area(province).covers(.area(commune)))
        #expect(Scope.area(province).covers(.unit(unit, in: commune)))
        #expect(!Scope.area(commune).covers(.area(province)))
        #expect(!Scope.area(sibling).covers(.area(province)))
        #expect(!Scope.area(province).covers(.everything))
    }

    @Test("a unit covers only itself")
    func unitCovers() {
        let unit = UUID()
        #expect(Scope.unit(unit, in: commune).covers(.unit(unit, in: commune)))
        #expect(!Scope.unit(unit, in: commune).covers(.unit(UUID(), in: commune)))
        #expect(!Scope.unit(unit, in: commune).covers(.area(commune)))
        #expect(Scope.everything.covers(.unit(unit, in: commune)))
    }
}
