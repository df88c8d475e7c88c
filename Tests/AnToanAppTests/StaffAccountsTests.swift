import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Linking a unit's account to a staff record: an account belongs to one record, and every change is audited.
@Suite("Staff accounts")
struct StaffAccountsTests {
    @Test(
        "linking an account to another staff record unlinks the first one, and both changes are audited",
        arguments: Lane.all
    )
    func relink(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: an account linked to the first officer
            let world = try await RosterWorld.make(app, publish: false)
            let unit = world.province.unitA
            let (first, second) = (world.officers[0], world.officers[1])
            let account = try await RosterWorld.account(
                app,
                "bao_ve",
                role: .dutyOfficer,
                unit: unit,
                area: world.province.communeA,
                staff: first
            )
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: unit,
                area: world.province.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let before = try await RosterWorld.auditCount("staff", on: app.db)
            // when
            let linked = try await browser.post(
                "/units/\(unit.id)/duty-accounts",
                form: ["staff_id": "\(second)", "user_id": "\(try account.requireID())"]
            )
            // then
            #expect(linked.status == .seeOther)
            #expect(try await StaffMember.find(first, on: app.db)?.userID == nil)
            #expect(try await StaffMember.find(second, on: app.db)?.userID == account.id)
            #expect(try await RosterWorld.auditCount("staff", on: app.db) == before + 2)
            let unlinked = try await AuditEntry.query(on: app.db).filter(\.$entity == "staff")
                .filter(\.$entityID == first.uuidString).filter(\.$action == "update").all()
            #expect(unlinked.count == 1 && unlinked.first?.changes.contains("user_id") == true)
        }
    }
}
