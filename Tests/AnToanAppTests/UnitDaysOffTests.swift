import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit's weekly rest days are a setting, and its compensatory days off and its rosters' weekends follow them.
@Suite("Unit days off")
struct UnitDaysOffTests {
    private static func compensatory(_ response: TestingHTTPResponse) throws -> [String] {
        try response.json(UnitDaysOffDTO.self).days.filter { $0.kind == "compensatory" }.map(\.day.date)
    }

    @Test(
        "01/05/2027 gives an agency Monday 03/05 off, not an enterprise; a unit may change its rest days",
        arguments: Lane.all
    )
    func compensatoryByRestDays(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Sở Tư pháp (an agency) and an enterprise, neither has chosen
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            let agency = try await api(app, .GET, "/api/v1/units/\(world.unitA.id)/days-off/2027", token: token)
            let enterprise = try await api(app, .GET, "/api/v1/units/\(world.unitB.id)/days-off/2027", token: token)
            // then: Saturday and Sunday for the agency, Sunday for the enterprise
            #expect(try agency.json(UnitDaysOffDTO.self).weeklyRest == "sat_sun")
            #expect(try Self.compensatory(agency) == ["2027-02-10", "2027-02-11", "2027-05-03"])
            #expect(try enterprise.json(UnitDaysOffDTO.self).weeklyRest == "sun")
            #expect(try Self.compensatory(enterprise) == ["2027-02-10"])
            // when: the agency says it rests on Sundays only
            let set = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/weekly-rest",
                token: token,
                json: #"{"weekly_rest":"sun"}"#
            )
            #expect(set.status == .ok, "\(set.text)")
            // then
            let after = try await api(app, .GET, "/api/v1/units/\(world.unitA.id)/days-off/2027", token: token)
            #expect(try after.json(UnitDaysOffDTO.self).chosen)
            #expect(try Self.compensatory(after) == ["2027-02-10"])
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "unit_rest_days").all()
            #expect(audited.count == 1)
        }
    }

    @Test("a rest-day value that is not sun or sat_sun is refused by name and nothing is saved", arguments: Lane.all)
    func refusesUnknownValue(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let response = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/weekly-rest",
                token: world.adminToken,
                json: #"{"weekly_rest":"saturday"}"#
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("weekly_rest"))
            #expect(try await UnitRestDays.query(on: app.db).count() == 0)
        }
    }

    @Test("the unit's page shows its days off and saves its rest days", arguments: Lane.all)
    func page(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let path = SiteURL.unitDaysOff(world.unitA.id).path
            // when
            let before = try await browser.get(path + "?year=2027")
            // then
            #expect(before.status == .ok)
            #expect(before.text.contains("Thứ Bảy và Chủ nhật"))
            #expect(before.text.contains("03/05/2027"))
            #expect(before.text.contains("Nghỉ bù Ngày Quốc tế Lao động (1/5)"))
            // when: saved as Sunday only
            let saved = try await browser.post(path, form: ["weekly_rest": "sun"])
            #expect(saved.status == .seeOther)
            let after = try await browser.get(path + "?year=2027")
            #expect(!after.text.contains("03/05/2027"))
        }
    }

    @Test("a roster's days off follow the unit's rest days", arguments: Lane.all)
    func rosterFollowsRestDays(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Sở Tư pháp with its posts
            let world = try await OrganisationTests.province(app)
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: world.adminToken,
                json: RosterWorld.setup
            )
            #expect(setup.status == .ok)
            let unit = try #require(try await OrgUnit.find(world.unitA.id, on: app.db))
            let start = SolarDate(year: 2027, month: 5, day: 1)!
            // when: the agency rests on Saturday and Sunday (its default), then on Sunday only
            let agency = try await RosterService.instance(for: unit, start: start, days: 7, seed: 1, on: app.db)
            try await UnitRestDays(unitID: world.unitA.id, weeklyRest: .sunday).insert(on: app.db)
            let sundayOnly = try await RosterService.instance(for: unit, start: start, days: 7, seed: 1, on: app.db)
            // then: Monday 03/05 is a day off only for the first
            #expect(agency.holidays?.contains("2027-05-03") == true)
            #expect(sundayOnly.holidays?.contains("2027-05-03") != true)
        }
    }
}
