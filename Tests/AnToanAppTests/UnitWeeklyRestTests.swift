import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit's weekly rest days as its own setting, on the unit's form and in the unit API, and the days off they give
/// it on the holidays page and in its rosters (Labour Code 2019, Art. 111–112: 01/05/2027 is a Saturday).
@Suite("Unit weekly rest")
struct UnitWeeklyRestTests {
    /// The "Ngày nghỉ bù" part of the holidays page, split by its headings: [pattern heading: HTML below it].
    private static func compensatory(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<h2>Ngày nghỉ bù</h2>"))
        let end = try #require(html.range(of: "Ngày kỷ niệm thường có cao điểm"))
        return String(html[start.upperBound..<end.lowerBound])
    }

    private static func day(_ iso: String) -> String { #"datetime="\#(iso)""# }

    @Test(
        "holidays page: 03/05/2027 off for a Saturday-and-Sunday unit, not a Sunday one; an administrator sees both",
        arguments: Lane.all
    )
    func holidaysPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Sở Tư pháp (an agency: Saturday and Sunday) and an enterprise (Sunday only), a head of each
            let world = try await OrganisationTests.province(app)
            for (name, unit) in [("truong_a", world.unitA), ("truong_b", world.unitB), ("van_phong", world.department)]
            {
                _ = try await Fixtures.user(
                    name,
                    role: .unitHead,
                    scope: .unit(unit.id, in: AreaPath(unit.areaPath)!),
                    on: app.db
                )
            }
            var agency = Browser(app)
            _ = try await agency.signIn("truong_a")
            var enterprise = Browser(app)
            _ = try await enterprise.signIn("truong_b")
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")

            // when
            let agencyPage = try await agency.get("/holidays/2027")
            let enterprisePage = try await enterprise.get("/holidays/2027")
            let adminPage = try await admin.get("/holidays/2027")

            // then: the agency's head reads its own compensatory days, Tết's two and 01/05's
            #expect(agencyPage.status == .ok)
            let agencyDays = try Self.compensatory(agencyPage.text)
            #expect(agencyDays.contains("Ngày nghỉ bù của Sở Tư pháp"))
            #expect(agencyDays.contains("Thứ Bảy và Chủ nhật"))
            #expect(agencyDays.contains(Self.day("2027-05-03")))
            #expect(agencyDays.contains("Nghỉ bù Ngày Quốc tế Lao động (1/5)"))
            #expect(agencyDays.contains(Self.day("2027-02-10")) && agencyDays.contains(Self.day("2027-02-11")))
            // the enterprise's head reads Tết's one day and none for 01/05
            let enterpriseDays = try Self.compensatory(enterprisePage.text)
            #expect(enterpriseDays.contains("Chỉ Chủ nhật"))
            #expect(!enterpriseDays.contains(Self.day("2027-05-03")))
            #expect(!enterpriseDays.contains("Ngày Quốc tế Lao động"))
            #expect(enterpriseDays.contains(Self.day("2027-02-10")) && !enterpriseDays.contains(Self.day("2027-02-11")))
            // the administrator, who has no unit, reads both patterns, 03/05 only under Saturday and Sunday
            let both = try Self.compensatory(adminPage.text)
            let parts = both.components(separatedBy: "Đơn vị nghỉ Thứ Bảy và Chủ nhật")
            try #require(parts.count == 2 && parts[0].contains("Đơn vị nghỉ Chủ nhật"))
            #expect(!parts[0].contains(Self.day("2027-05-03")) && parts[1].contains(Self.day("2027-05-03")))
            #expect(parts[0].contains(Self.day("2027-02-10")) && !parts[0].contains(Self.day("2027-02-11")))
            #expect(parts[1].contains(Self.day("2027-02-10")) && parts[1].contains(Self.day("2027-02-11")))

            // a department's account, whose department keeps no rest days of its own, reads both patterns
            var department = Browser(app)
            _ = try await department.signIn("van_phong")
            let departmentPage = try await department.get("/holidays/2027")
            #expect(departmentPage.status == .ok)
            #expect(try Self.compensatory(departmentPage.text).contains("Đơn vị nghỉ Thứ Bảy và Chủ nhật"))

            // when: the enterprise says it rests on Saturday and Sunday too
            let changed = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitB.id)",
                token: world.adminToken,
                json: #"{"weekly_rest":"sat_sun"}"#
            )
            #expect(changed.status == .ok, "\(changed.text)")
            // then: its head now reads 03/05 as a day off
            let after = try Self.compensatory(try await enterprise.get("/holidays/2027").text)
            #expect(after.contains(Self.day("2027-05-03")))
        }
    }

    @Test(
        "the unit API reads and writes the weekly rest on create and change, audited; a bad value writes nothing",
        arguments: Lane.all
    )
    func unitAPI(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            let path = "/api/v1/units/\(world.unitB.id)"
            // then: each unit reads the rest days that apply to it
            #expect(world.unitA.weeklyRest == "sat_sun" && world.unitB.weeklyRest == "sun")
            let listed = try await api(app, .GET, "/api/v1/units", token: token).json(PageDTO<UnitDTO>.self)
            #expect(listed.items.first { $0.id == world.unitA.id }?.weeklyRest == "sat_sun")

            // when: a bad value comes with a new name
            let refused = try await api(
                app,
                .PATCH,
                path,
                token: token,
                json: #"{"name":"Công ty Đổi Tên","weekly_rest":"saturday"}"#
            )
            // then: 422 naming the field, and neither the name nor the rest days changed
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("weekly_rest"))
            #expect(try await api(app, .GET, path, token: token).json(UnitDTO.self).name == world.unitB.name)
            #expect(try await UnitRestDays.query(on: app.db).count() == 0)

            // when: the enterprise rests on Saturday and Sunday
            let changed = try await api(app, .PATCH, path, token: token, json: #"{"weekly_rest":"sat_sun"}"#)
            // then: it reads back, with its audit entry, and its days off follow
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(try changed.json(UnitDTO.self).weeklyRest == "sat_sun")
            #expect(try await api(app, .GET, path, token: token).json(UnitDTO.self).weeklyRest == "sat_sun")
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "unit_rest_days").all()
            #expect(audited.map(\.entityID) == [world.unitB.id.uuidString])
            let daysOff = try await api(app, .GET, "\(path)/days-off/2027", token: token).json(UnitDaysOffDTO.self)
            #expect(daysOff.chosen && daysOff.days.contains { $0.day.date == "2027-05-03" })

            // when: set back to the standard for its kind with an empty value
            let reset = try await api(app, .PATCH, path, token: token, json: #"{"weekly_rest":""}"#)
            #expect(try reset.json(UnitDTO.self).weeklyRest == "sun")
            #expect(try await UnitRestDays.query(on: app.db).count() == 0)

            // when: a new enterprise is created resting on Saturday and Sunday, and a department is given rest days
            let created = try await api(
                app,
                .POST,
                "/api/v1/units",
                token: token,
                json: #"{"code":"CT-MOI","name":"Công ty Mới","kind":"enterprise","area_id":"\#(world.communeB.id)","#
                    + #""address":"2 Lê Lợi","weekly_rest":"sat_sun"}"#
            )
            let department = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.department.id)",
                token: token,
                json: #"{"weekly_rest":"sun"}"#
            )
            // then
            #expect(created.status == .created, "\(created.text)")
            let unit = try created.json(UnitDTO.self)
            #expect(unit.weeklyRest == "sat_sun")
            let stored = try await UnitRestDays.query(on: app.db).all()
            #expect(stored.map(\.unitID) == [unit.id] && stored.map(\.weeklyRest) == ["sat_sun"])
            #expect(department.status == .unprocessableEntity && department.text.contains("weekly_rest"))
        }
    }

    @Test("a Saturday-and-Sunday unit's roster takes Monday 03/05/2027 as a holiday", arguments: Lane.all)
    func roster(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the enterprise (Sunday only) with its posts
            let world = try await OrganisationTests.province(app)
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitB.id)/duty-setup",
                token: world.adminToken,
                json: RosterWorld.setup
            )
            #expect(setup.status == .ok, "\(setup.text)")
            let start = SolarDate(year: 2027, month: 5, day: 1)!
            let unit = try #require(try await OrgUnit.find(world.unitB.id, on: app.db))
            let sunday = try await RosterService.instance(for: unit, start: start, days: 7, seed: 1, on: app.db)
            // when: it says through the unit API that it rests on Saturday and Sunday
            let changed = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitB.id)",
                token: world.adminToken,
                json: #"{"weekly_rest":"sat_sun"}"#
            )
            #expect(changed.status == .ok, "\(changed.text)")
            let weekend = try await RosterService.instance(for: unit, start: start, days: 7, seed: 1, on: app.db)
            // then: Monday 03/05 is a holiday for its roster now, and was not before
            #expect(sunday.holidays?.contains("2027-05-03") != true)
            #expect(weekend.holidays?.contains("2027-05-03") == true)
        }
    }
}
