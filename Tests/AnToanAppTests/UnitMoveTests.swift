import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit moved to another area or parent takes its departments, staff, accounts, duty data and area history
/// with it: the old authority stops seeing them and the new one sees them all.
@Suite("Unit moves")
struct UnitMoveTests {
    @Test("a unit moved from commune A to commune B is seen by B's authority and no longer by A's", arguments: Lane.all)
    func moveArea(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: the unit with a department, sixteen staff, a unit account and a published roster in A
            let world = try await RosterWorld.make(app, publish: true)
            let province = world.province
            let unitA = province.unitA
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: unitA,
                area: province.communeA,
                staff: world.officers[0]
            )
            let tokenA = try await Fixtures.token(
                for: try await Fixtures.user(
                    "cong_an_a",
                    role: .authorityLeader,
                    scope: .area(AreaPath(province.communeA.path)!),
                    on: app.db
                ),
                app: app
            )
            let tokenB = try await Fixtures.token(
                for: try await Fixtures.user(
                    "cong_an_b",
                    role: .authorityLeader,
                    scope: .area(AreaPath(province.communeB.path)!),
                    on: app.db
                ),
                app: app
            )
            let staffCount = try await StaffMember.query(on: app.db).filter(\.$unit.$id == unitA.id).count()
            #expect(staffCount == 16)
            #expect(try await Self.sees(app, tokenA, world).allSatisfy { $0 })

            // when
            let moved = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(unitA.id)",
                token: province.adminToken,
                json: #"{"area_id":"\#(province.communeB.id)"}"#
            )

            // then
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try await Self.sees(app, tokenA, world) == Array(repeating: false, count: 8))
            #expect(try await Self.sees(app, tokenB, world) == Array(repeating: true, count: 8))
            // the unit account still sees its unit, now under B, and its holder's shifts
            let account = try #require(try await User.find(username: "antt_a", on: app.db))
            #expect(account.areaPath == province.communeB.path)
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            #expect(try await officer.get("/rosters/\(world.roster.id)").status == .ok)
            // pages too
            var authorityA = Browser(app)
            try await Fixtures.user(
                "xem_a",
                role: .authorityLeader,
                scope: .area(AreaPath(province.communeA.path)!),
                on: app.db
            )
            _ = try await authorityA.signIn("xem_a")
            #expect(!(try await authorityA.get("/units").text.contains(unitA.name)))
            #expect(!(try await authorityA.get("/staff").text.contains(province.ducA.fullName)))
            #expect(try await authorityA.get("/units/\(unitA.id)").status == .notFound)
            #expect(try await authorityA.get("/rosters/\(world.roster.id)").status == .notFound)
            // the area history keeps where it was
            let periods = try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == unitA.id).all()
            #expect(periods.count == 2)
            #expect(periods.first { $0.validTo == nil }?.areaID == province.communeB.id)
            #expect(periods.first { $0.validTo != nil }?.areaID == province.communeA.id)
            // every moved row is audited: the unit and its department, each staff record and the account
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "update").all()
            #expect(audited.filter { $0.entity == "unit" }.count == 2)
            #expect(audited.filter { $0.entity == "staff" && $0.changes.contains("area_path") }.count == staffCount)
            #expect(audited.filter { $0.entity == "user" && $0.changes.contains("area_path") }.count == 1)
        }
    }

    @Test("a unit made a department of a unit in another commune moves there with its staff", arguments: Lane.all)
    func moveParent(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: unit B (commune B) with a staff member
            let province = try await OrganisationTests.province(app)
            let tokenB = try await Fixtures.token(
                for: try await Fixtures.user(
                    "cong_an_b",
                    role: .authorityLeader,
                    scope: .area(AreaPath(province.communeB.path)!),
                    on: app.db
                ),
                app: app
            )
            #expect(try await api(app, .GET, "/api/v1/staff/\(province.staffB.id)", token: tokenB).status == .ok)
            // when: it becomes a department of unit A (commune A)
            let moved = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(province.unitB.id)",
                token: province.adminToken,
                json: #"{"parent_id":"\#(province.unitA.id)"}"#
            )
            // then
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try await api(app, .GET, "/api/v1/units/\(province.unitB.id)", token: tokenB).status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/staff/\(province.staffB.id)", token: tokenB).status == .notFound)
            let staff = try #require(try await StaffMember.find(province.staffB.id, on: app.db))
            #expect(staff.areaPath == province.communeA.path)
        }
    }

    @Test("a department put under a unit in another commune takes its staff to that unit", arguments: Lane.all)
    func moveDepartment(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the department of unit A (commune A) with Đức, and the head of unit B (commune B)
            let province = try await OrganisationTests.province(app)
            func token(_ username: String, _ role: Role, _ scope: Scope) async throws -> String {
                try await Fixtures.token(
                    for: try await Fixtures.user(username, role: role, scope: scope, on: app.db),
                    app: app
                )
            }
            let communeB = AreaPath(province.communeB.path)!
            let tokenA = try await token("cong_an_a", .authorityLeader, .area(AreaPath(province.communeA.path)!))
            let tokenB = try await token("cong_an_b", .authorityLeader, .area(communeB))
            let headB = try await token("truong_b", .unitHead, .unit(province.unitB.id, in: communeB))
            let staffPath = "/api/v1/staff/\(province.ducA.id)"
            #expect(try await api(app, .GET, staffPath, token: tokenA).status == .ok)
            // when
            let moved = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(province.department.id)",
                token: province.adminToken,
                json: #"{"parent_id":"\#(province.unitB.id)"}"#
            )
            // then
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try await api(app, .GET, staffPath, token: tokenA).status == .notFound)
            #expect(try await api(app, .GET, staffPath, token: tokenB).status == .ok)
            #expect(try await api(app, .GET, staffPath, token: headB).status == .ok)
            let member = try #require(try await StaffMember.find(province.ducA.id, on: app.db))
            #expect(member.$unit.id == province.unitB.id && member.areaPath == province.communeB.path)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "staff")
                .filter(\.$entityID == province.ducA.id.uuidString).filter(\.$action == "update").count()
            #expect(audited == 1)
        }
    }

    /// What an authority's token sees of the unit: the unit in the list and by id, its department, a staff
    /// member of each, the unit's rosters and roster, and its account.
    static func sees(_ app: Application, _ token: String, _ world: RosterWorld) async throws -> [Bool] {
        let province = world.province
        let units = try await api(app, .GET, "/api/v1/units", token: token).json(PageDTO<UnitDTO>.self)
        let staff = try await api(app, .GET, "/api/v1/staff", token: token).json(PageDTO<StaffDTO>.self)
        let users = try await api(app, .GET, "/api/v1/users", token: token).json(PageDTO<UserDTO>.self)
        func ok(_ path: String) async throws -> Bool { try await api(app, .GET, path, token: token).status == .ok }
        return [
            units.items.contains { $0.id == province.unitA.id },
            try await ok("/api/v1/units/\(province.unitA.id)"),
            try await ok("/api/v1/units/\(province.department.id)"),
            staff.items.contains { $0.id == province.ducA.id } && staff.items.contains { $0.id == world.leaders[0] },
            try await ok("/api/v1/staff/\(province.ducA.id)"),
            try await ok("/api/v1/units/\(province.unitA.id)/rosters"),
            try await ok("/api/v1/rosters/\(world.roster.id)"),
            users.items.contains { $0.username == "antt_a" },
        ]
    }
}
