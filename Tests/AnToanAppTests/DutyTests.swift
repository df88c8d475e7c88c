import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Holidays, peak periods, duty set-ups and rosters through the API, on both databases, across scopes.
@Suite("Duty")
struct DutyTests {
    /// One post, day and night shifts of 12 hours, one leader and one officer each.
    static let twoShifts = #"""
        {"posts":[{"id":"hq","name":"Trực ban","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":1,"officers":1}},
          {"shift":"N","working":{"leaders":1,"officers":1}}]}]}
        """#

    /// Three leaders and six officers in `unit`, enough for `twoShifts` with a peak.
    static func staff(_ app: Application, unit: UUID, token: String, prefix: String) async throws {
        for index in 1...9 {
            let leader = index <= 3
            let response = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: token,
                json:
                    #"{"unit_id":"\#(unit)","full_name":"\#(prefix) \#(index)","position":"Bảo vệ","is_leader":\#(leader)}"#
            )
            #expect(response.status == .created, "\(response.text)")
        }
    }

    /// A token of an authority leader over `area`.
    static func authority(_ app: Application, _ username: String, over area: AreaDTO) async throws -> String {
        let user = try await Fixtures.user(
            username,
            role: .authorityLeader,
            scope: .area(AreaPath(area.path)!),
            on: app.db
        )
        return try await Fixtures.token(for: user, app: app)
    }

    static func roster(_ app: Application, unit: UUID, token: String) async throws -> RosterDTO {
        let response = try await api(
            app,
            .POST,
            "/api/v1/units/\(unit)/rosters",
            token: token,
            json: #"{"start_date":"2027-02-01","days":10,"seed":7}"#
        )
        #expect(response.status == .created, "\(response.text)")
        return try response.json(RosterDTO.self)
    }

    /// Officer seats of the day shift on a day.
    static func officers(_ roster: RosterDTO, on date: String) -> Int {
        (roster.seats ?? []).filter { $0.day.date == date && $0.shift == "D" && $0.role == "officer" }.count
    }

    @Test(
        "a peak period declared by an authority raises demand in every unit of its area, and only there",
        arguments: Lane.all
    )
    func peakRaisesDemand(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let admin = world.adminToken
            for (unit, prefix) in [(world.unitA.id, "Lê Văn A"), (world.unitB.id, "Trần Văn B")] {
                try await Self.staff(app, unit: unit, token: admin, prefix: prefix)
                let setup = try await api(
                    app,
                    .PUT,
                    "/api/v1/units/\(unit)/duty-setup",
                    token: admin,
                    json: Self.twoShifts
                )
                #expect(setup.status == .ok, "\(setup.text)")
            }
            let token = try await Self.authority(app, "cong_an_tinh", over: world.province)
            let declared = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: token,
                json:
                    #"{"name":"Cao điểm Tết Đinh Mùi","area_id":"\#(world.communeA.id)","start_date":"05/02/2027","end_date":"2027-02-07","extra_officers":1}"#
            )
            #expect(declared.status == .created, "\(declared.text)")
            let peak = try declared.json(PeakPeriodDTO.self)
            #expect(peak.start.lunar == "29/12" && peak.end.lunar == "2/1")

            let rosterA = try await Self.roster(app, unit: world.unitA.id, token: admin)
            let rosterB = try await Self.roster(app, unit: world.unitB.id, token: admin)
            #expect(rosterA.hardViolations == 0 && rosterA.openSeats == 0, "\(rosterA.report.openSlots)")
            #expect(rosterB.hardViolations == 0 && rosterB.openSeats == 0)
            // Unit A is in the peak's commune: two officers by day from 5 to 7 February, one before and after.
            #expect(Self.officers(rosterA, on: "2027-02-02") == 1)
            #expect(Self.officers(rosterA, on: "2027-02-05") == 2)
            #expect(Self.officers(rosterA, on: "2027-02-07") == 2)
            #expect(Self.officers(rosterA, on: "2027-02-08") == 1)
            // Unit B is in the other commune: no change.
            #expect(Self.officers(rosterB, on: "2027-02-05") == 1)
            // Seats show the lunar date beside the solar one: 6/2/2027 is Tết's first day (1/1 Đinh Mùi).
            #expect(rosterA.seats?.first { $0.day.date == "2027-02-06" }?.day.lunar == "1/1")

            // A unit sees the peak over its area, and not the other commune's.
            let officerB = try await Fixtures.user(
                "antt_b",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitB.id, in: AreaPath(world.communeB.path)!),
                on: app.db
            )
            let tokenB = try await Fixtures.token(for: officerB, app: app)
            let seenByB = try await api(app, .GET, "/api/v1/peak-periods", token: tokenB).json([PeakPeriodDTO].self)
            #expect(seenByB.isEmpty)
            let seenByProvince = try await api(app, .GET, "/api/v1/peak-periods", token: token).json(
                [PeakPeriodDTO].self
            )
            #expect(seenByProvince.map(\.id) == [peak.id])
            // The unit's officer may not declare peaks, nor read or roster another unit.
            let refused = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: tokenB,
                json:
                    #"{"name":"x","area_id":"\#(world.communeB.id)","start_date":"2027-02-05","end_date":"2027-02-07"}"#
            )
            #expect(refused.status == .forbidden)
            #expect(
                try await api(app, .GET, "/api/v1/units/\(world.unitA.id)/rosters", token: tokenB).status == .notFound
            )
            #expect(try await api(app, .GET, "/api/v1/rosters/\(rosterA.id)", token: tokenB).status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/rosters/\(rosterB.id)", token: tokenB).status == .ok)

            // A province-wide peak reaches unit B as well.
            let provinceWide = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: token,
                json:
                    #"{"name":"Cao điểm toàn tỉnh","area_id":"\#(world.province.id)","start_date":"2027-02-05","end_date":"2027-02-05","extra_officers":1}"#
            )
            #expect(provinceWide.status == .created)
            let again = try await Self.roster(app, unit: world.unitB.id, token: admin)
            #expect(Self.officers(again, on: "2027-02-05") == 2)
            #expect(Self.officers(again, on: "2027-02-06") == 1)
        }
    }

    @Test("bad set-ups, dates and scopes are refused by field, and nothing is written", arguments: Lane.all)
    func badInput(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let admin = world.adminToken
            let overlapping = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: admin,
                json:
                    #"{"posts":[{"id":"gate","shifts":[{"id":"A","start":"06:00","hours":12},{"id":"B","start":"12:00","hours":8}],"requirements":[{"shift":"A","working":{"leaders":0,"officers":1}}]}]}"#
            )
            #expect(overlapping.status == .unprocessableEntity)
            #expect(try overlapping.json(ErrorBody.self).error.fields.map(\.field) == ["posts[0].shifts"])
            let zeroLength = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: admin,
                json: #"{"posts":[{"id":"gate","shifts":[{"id":"A","start":"06:00","hours":0}],"requirements":[]}]}"#
            )
            #expect(zeroLength.status == .unprocessableEntity)
            #expect(try await DutySetup.query(on: app.db).count() == 0)
            // No set-up yet: a roster cannot be made, and says why.
            let noSetup = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitA.id)/rosters",
                token: admin,
                json: #"{"start_date":"2027-02-01"}"#
            )
            #expect(noSetup.status == .unprocessableEntity)
            #expect(try noSetup.json(ErrorBody.self).error.fields.map(\.field) == ["posts"])
            let badPeak = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: admin,
                json:
                    #"{"name":"","area_id":"\#(world.communeA.id)","start_date":"2027-02-09","end_date":"2027-02-07","extra_officers":-1}"#
            )
            #expect(badPeak.status == .unprocessableEntity)
            #expect(
                Set(try badPeak.json(ErrorBody.self).error.fields.map(\.field)) == [
                    "name", "end_date", "extra_officers",
                ]
            )
            let communeToken = try await Self.authority(app, "cong_an_xa_b", over: world.communeB)
            let outside = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: communeToken,
                json:
                    #"{"name":"Cao điểm","area_id":"\#(world.communeA.id)","start_date":"2027-02-05","end_date":"2027-02-07","extra_officers":1}"#
            )
            #expect(outside.status == .unprocessableEntity)
            #expect(try outside.json(ErrorBody.self).error.fields.map(\.field) == ["area_id"])
            #expect(try await PeakPeriodRecord.query(on: app.db).count() == 0)
            #expect(try await api(app, .GET, "/api/v1/holidays/1899", token: admin).status == .unprocessableEntity)
        }
    }

    @Test("with no leader the roster still comes back, every open seat with its reason", arguments: Lane.all)
    func infeasible(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let admin = world.adminToken
            // Unit B has one officer and no leader.
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitB.id)/duty-setup",
                token: admin,
                json: Self.twoShifts
            )
            #expect(setup.status == .ok)
            let roster = try await Self.roster(app, unit: world.unitB.id, token: admin)
            #expect(roster.hardViolations == 0)
            #expect(roster.openSeats >= 20)
            #expect(roster.report.openSlots.allSatisfy { $0.missing > 0 && !$0.reasonVi.isEmpty })
            #expect(roster.report.openSlots.contains { $0.role == "leader" && $0.code == .noStaffWithRole })
            #expect(roster.status == "draft")
            let confirm = #"{"confirm_open_seats":true}"#
            let published = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(roster.id)/publish",
                token: admin,
                json: confirm
            )
            #expect(try published.json(RosterDTO.self).status == "published")
            let twice = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(roster.id)/publish",
                token: admin,
                json: confirm
            )
            #expect(twice.status == .unprocessableEntity)
        }
    }

    @Test(
        "the year's days off are proposed with Tết and lunar dates, and an administrator confirms them",
        arguments: Lane.all
    )
    func holidays(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let proposal = try await api(app, .GET, "/api/v1/holidays/2027", token: world.adminToken).json(
                [HolidayDTO].self
            )
            #expect(proposal.allSatisfy { !$0.confirmed })
            #expect(proposal.contains { $0.day.date == "2027-02-06" && $0.day.lunar == "1/1" })
            #expect(proposal.contains { $0.day.date == "2027-09-02" })
            let edited = try await api(
                app,
                .PUT,
                "/api/v1/holidays/2027",
                token: world.adminToken,
                json:
                    #"{"days":[{"date":"2027-01-01","name":"Tết Dương lịch"},{"date":"05/02/2027","name":"Tết Nguyên đán"}]}"#
            )
            #expect(edited.status == .ok, "\(edited.text)")
            let schedule = try await api(app, .GET, "/api/v1/holidays/2027", token: world.adminToken).json(
                [HolidayDTO].self
            )
            #expect(schedule.map(\.day.date) == ["2027-01-01", "2027-02-05"])
            #expect(schedule.allSatisfy { $0.confirmed })
            let wrongYear = try await api(
                app,
                .PUT,
                "/api/v1/holidays/2027",
                token: world.adminToken,
                json: #"{"days":[{"date":"2026-01-01","name":"x"}]}"#
            )
            #expect(wrongYear.status == .unprocessableEntity)
            #expect(try await HolidayDay.query(on: app.db).count() == 2)
        }
    }

    @Test("oversight lists exactly the units that lack cover now, tonight and on the next holiday", arguments: Lane.all)
    func oversight(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let admin = world.adminToken
            func unit(_ code: String, _ name: String, area: UUID) async throws -> UUID {
                let response = try await api(
                    app,
                    .POST,
                    "/api/v1/units",
                    token: admin,
                    json:
                        #"{"code":"\#(code)","name":"\#(name)","kind":"agency","area_id":"\#(area)","address":"1 Lê Lợi"}"#
                )
                #expect(response.status == .created, "\(response.text)")
                return try response.json(UnitDTO.self).id
            }
            // A: set up, staffed and published. B: published, but it has no leader. C: nothing set up.
            // D: set up and staffed, its roster still a draft.
            let unitC = try await unit("UB-HA", "Trạm Y tế xã Hòa An", area: world.communeA.id)
            let unitD = try await unit("KB-BD", "Kho bạc Bến Đá", area: world.communeB.id)
            for (unit, prefix) in [(world.unitA.id, "Lê Văn A"), (unitD, "Phạm Văn D")] {
                try await Self.staff(app, unit: unit, token: admin, prefix: prefix)
            }
            for unit in [world.unitA.id, world.unitB.id, unitD] {
                let setup = try await api(
                    app,
                    .PUT,
                    "/api/v1/units/\(unit)/duty-setup",
                    token: admin,
                    json: Self.twoShifts
                )
                #expect(setup.status == .ok)
            }
            for unit in [world.unitA.id, world.unitB.id] {
                let roster = try await Self.roster(app, unit: unit, token: admin)
                let published = try await api(
                    app,
                    .POST,
                    "/api/v1/rosters/\(roster.id)/publish",
                    token: admin,
                    json: #"{"confirm_open_seats":true}"#
                )
                #expect(published.status == .ok)
            }
            _ = try await Self.roster(app, unit: unitD, token: admin)

            let token = try await Self.authority(app, "cong_an_tinh", over: world.province)
            // Tuesday 2 February 2027, 10:00 in Vietnam; Tết's days off begin on Friday the 5th.
            let at = "2027-02-02T10:00:00%2B07:00"
            let gaps = try await api(app, .GET, "/api/v1/duty/oversight?at=\(at)", token: token).json(
                [UnitCoverDTO].self
            )
            #expect(Set(gaps.map(\.unitId)) == [world.unitB.id, unitC, unitD])
            let b = try #require(gaps.first { $0.unitId == world.unitB.id })
            // B's one officer cannot stand both shifts either; every leader seat is empty.
            let leaderGaps = b.gaps.filter { $0.role == "leader" }
            #expect(leaderGaps.allSatisfy { $0.required == 1 && $0.rostered == 0 })
            #expect(Set(leaderGaps.map(\.window)) == [.now, .tonight, .nextHolidayOrPeak])
            #expect(b.gaps.contains { $0.window == .nextHolidayOrPeak && $0.date == "2027-02-05" })
            #expect(b.gaps.contains { $0.window == .now && $0.shift == "D" && $0.date == "2027-02-02" })
            #expect(gaps.first { $0.unitId == unitC }?.noSetup == true)
            #expect(gaps.first { $0.unitId == unitD }?.gaps.contains { $0.role == "officer" } == true)

            // A commune's authority sees only its own commune's units; the unit's head sees its unit covered.
            let communeToken = try await Self.authority(app, "cong_an_xa", over: world.communeA)
            let communeGaps = try await api(app, .GET, "/api/v1/duty/oversight?at=\(at)", token: communeToken)
                .json([UnitCoverDTO].self)
            #expect(communeGaps.map(\.unitId) == [unitC])
            let head = try await Fixtures.user(
                "truong_so",
                role: .unitHead,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let headToken = try await Fixtures.token(for: head, app: app)
            let own = try await api(app, .GET, "/api/v1/duty/oversight?at=\(at)", token: headToken)
            #expect(try own.json([UnitCoverDTO].self).isEmpty)
            let badAt = try await api(app, .GET, "/api/v1/duty/oversight?at=yesterday", token: token)
            #expect(badAt.status == .unprocessableEntity)

            // The page lists the same units (its clock is now: these rosters are for 2027, so every set-up
            // unit lacks cover today), and nothing outside the commune for the commune's authority.
            var page = Browser(app)
            _ = try await page.signIn("cong_an_xa")
            let html = try await page.get("/duty/oversight")
            #expect(html.status == .ok)
            #expect(html.text.contains("Trạm Y tế xã Hòa An") && html.text.contains("Chưa khai báo chốt trực và ca"))
            #expect(!html.text.contains("Kho bạc Bến Đá") && !html.text.contains("Công ty TNHH Điện tử Sơn Hà"))
        }
    }
}
