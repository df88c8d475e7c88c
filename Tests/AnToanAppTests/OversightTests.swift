import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The oversight page an authority acts on: names of posts and shifts, whom to call, the shifts that matter,
/// filters, and a fixed number of statements however many units the scope holds.
@Suite("Oversight")
struct OversightTests {
    /// Tuesday 2 February 2027, 10:00 in Vietnam: the day shift (07:00–19:00) is under way, the night shift
    /// (01/02 19:00 – 02/02 07:00) the last one.
    static let now = Date(timeIntervalSince1970: 1_801_537_200)
    static let clock: @Sendable () -> Date = { now }

    /// Unit A set up, staffed (leaders with phones) and published; unit B set up with nobody.
    static func world(_ app: Application) async throws -> OrganisationTests.Province {
        let world = try await OrganisationTests.province(app)
        let admin = world.adminToken
        for index in 1...9 {
            let leader = index <= 3
            let name = leader ? "Trần Văn Lãnh \(index)" : "Lê Thị Bảo \(index)"
            let response = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: admin,
                json:
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"\#(name)","position":"Bảo vệ","is_leader":\#(leader),"phone":"090100000\#(index)"}"#
            )
            #expect(response.status == .created, "\(response.text)")
        }
        for unit in [world.unitA.id, world.unitB.id] {
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(unit)/duty-setup",
                token: admin,
                json: DutyTests.twoShifts
            )
            #expect(setup.status == .ok, "\(setup.text)")
        }
        let roster = try await DutyTests.roster(app, unit: world.unitA.id, token: admin)
        let published = try await api(app, .POST, "/api/v1/rosters/\(roster.id)/publish", token: admin)
        #expect(published.status == .ok)
        return world
    }

    @Test(
        "the page names posts and shifts, whom to call, and who missed the shift under way or the last one",
        arguments: Lane.all
    )
    func actionable(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given
            let world = try await Self.world(app)
            var page = try await OrganisationTests.provinceAuthority(app, world)

            // when
            let html = try await page.get("/duty/oversight").text

            // then B's gaps are named by its post and shift, not their ids
            #expect(html.contains("Trực ban, Ca ngày 07:00–19:00: lãnh đạo trực 0/1"), "\(html)")
            #expect(!html.contains("chốt hq"))
            // A's phone and the leader on the day shift, each a link to call
            #expect(html.contains(#"href="tel:0912345678""#))
            let leader = try #require(html.range(of: "Lãnh đạo trực: Trần Văn Lãnh "))
            #expect(html[leader.upperBound...].prefix(80).contains(#"href="tel:090100000"#))
            // nobody checked in: the day shift under way and last night's are listed, not yesterday's day shift
            #expect(html.contains("Ca ngày 07:00–19:00 từ 02/02/2027 07:00"))
            #expect(html.contains("Ca đêm 19:00–07:00 từ 01/02/2027 19:00"))
            #expect(!html.contains("từ 01/02/2027 07:00"))
        }
    }

    /// The option is chosen, its attributes in either order.
    static func selected(_ value: String, in html: String) -> Bool {
        html.contains(#"<option value="\#(value)" selected="selected">"#)
            || html.contains(#"<option selected="selected" value="\#(value)">"#)
    }

    @Test(
        "the unit list filters by commune, kind and state, keeps the choice, and refuses an unknown one",
        arguments: Lane.all
    )
    func filters(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given
            let world = try await Self.world(app)
            var page = try await OrganisationTests.provinceAuthority(app, world)

            // when / then: kind
            let enterprises = try await page.get("/duty/oversight?kind=enterprise").text
            #expect(enterprises.contains("Công ty TNHH Điện tử Sơn Hà") && !enterprises.contains("Sở Tư pháp"))
            #expect(Self.selected("enterprise", in: enterprises))
            // commune
            let communeA = try await page.get("/duty/oversight?area=\(world.communeA.id)").text
            #expect(communeA.contains("Sở Tư pháp") && !communeA.contains("Công ty TNHH Điện tử Sơn Hà"))
            #expect(Self.selected(world.communeA.id.uuidString, in: communeA))
            // state
            let absent = try await page.get("/duty/oversight?state=not_checked_in").text
            #expect(absent.contains("Sở Tư pháp") && !absent.contains("Công ty TNHH Điện tử Sơn Hà"))
            let short = try await page.get("/duty/oversight?state=short").text
            #expect(short.contains("Công ty TNHH Điện tử Sơn Hà"))
            // an unknown state names its field
            let bad = try await page.get("/duty/oversight?state=everything")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("state"))
        }
    }

    @Test(
        "oversight runs the same few statements for a commune and for a province with more units",
        arguments: Lane.all
    )
    func setBased(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: five more set-up units in commune A beside the world's two
            let world = try await Self.world(app)
            for index in 1...5 {
                let unit = try await api(
                    app,
                    .POST,
                    "/api/v1/units",
                    token: world.adminToken,
                    json:
                        #"{"code":"KB-\#(index)","name":"Kho bạc \#(index)","kind":"bank","area_id":"\#(world.communeA.id)","address":"1 Lê Lợi"}"#
                ).json(UnitDTO.self)
                let setup = try await api(
                    app,
                    .PUT,
                    "/api/v1/units/\(unit.id)/duty-setup",
                    token: world.adminToken,
                    json: DutyTests.twoShifts
                )
                #expect(setup.status == .ok)
            }

            // when
            func statements(_ area: AreaDTO) async throws -> (count: Int, units: Int) {
                let counter = QueryCounter()
                let covers = try await DutyOversight.gaps(
                    in: .area(AreaPath(area.path)!),
                    at: Self.now,
                    now: Self.now,
                    on: counter.database(app)
                )
                return (counter.count, covers.count)
            }
            let commune = try await statements(world.communeB)
            let province = try await statements(world.province)

            // then
            #expect(commune.units == 1 && province.units == 7)
            #expect(commune.count == province.count)
            // units, set-ups, rest days, the days off of each weekly rest, peaks, rosters' posts, seats, who is on duty
            #expect(province.count <= 10, "\(province.count) statements")
        }
    }
}
