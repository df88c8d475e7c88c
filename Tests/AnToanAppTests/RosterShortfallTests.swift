import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit with too few officers for a new back post: its priorities, its roster and the roster's report in words.
@Suite("Roster shortfall pages")
struct RosterShortfallPagesTests {
    /// Unit A with a main gate and a back guard post, and six officers for the six 8-hour seats of each day.
    static func shortStaffed(_ app: Application) async throws -> OrganisationTests.Province {
        let world = try await OrganisationTests.province(app)
        for (code, name, kind) in [("CONG", "Cổng chính", "gate"), ("BOTSAU", "Bốt gác phía sau", "guard_post")] {
            let site = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitA.id)/sites",
                token: world.adminToken,
                json: #"{"code":"\#(code)","name":"\#(name)","kind":"\#(kind)"}"#
            )
            #expect(site.status == .created, "\(site.text)")
        }
        for index in 1...6 {
            let staff = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json: #"{"unit_id":"\#(world.unitA.id)","full_name":"Cán bộ số \#(index)","position":"Bảo vệ"}"#
            )
            #expect(staff.status == .created, "\(staff.text)")
        }
        return world
    }

    @Test(
        "the set-up page ranks the back post low, and the roster leaves its open seats there by day, with the words",
        arguments: Lane.all
    )
    func byPriority(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the security officer sets both posts to 3 × 8 h with one officer a shift, the back post low
            let world = try await Self.shortStaffed(app)
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: world.unitA,
                area: world.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let page = try await browser.get("/units/\(world.unitA.id)/duty")
            #expect(page.text.contains("Ưu tiên khi thiếu người"))
            // The page lists the sites in its own order; find each post's block.
            let gateFirst =
                try #require(page.text.range(of: #"value="CONG""#)).lowerBound
                < #require(page.text.range(of: #"value="BOTSAU""#)).lowerBound
            let gate = gateFirst ? 0 : 1
            var form: [String: String] = [:]
            for (block, code, priority) in [(gate, "CONG", "3"), (1 - gate, "BOTSAU", "1")] {
                form["p\(block)_id"] = code
                form["p\(block)_pattern"] = "3x8"
                form["p\(block)_priority"] = priority
                for row in 0...2 { form["p\(block)_s\(row)_working_o"] = "1" }
            }
            let saved = try await browser.post("/units/\(world.unitA.id)/duty", form: form)
            #expect(saved.status == .seeOther, "\(saved.text)")
            let setup = try await api(app, .GET, "/api/v1/units/\(world.unitA.id)/duty-setup", token: world.adminToken)
            #expect(setup.text.contains(#""priority":3"#) && setup.text.contains(#""priority":1"#), "\(setup.text)")

            // when: a roster of the first two weeks of February 2027 (Tết) is made
            let made = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitA.id)/rosters",
                token: world.adminToken,
                json: #"{"start_date":"2027-02-01","days":14,"seed":1}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let roster = try made.json(RosterDTO.self)

            // then: seats stay open, none at the gate, and every night has someone at both posts
            #expect(roster.hardViolations == 0 && roster.openSeats > 0)
            let open = roster.report.openSlots
            #expect(!open.isEmpty && open.allSatisfy { $0.post == "BOTSAU" }, "\(open)")
            let seats = roster.seats ?? []
            for post in ["CONG", "BOTSAU"] {
                let nights = Set(seats.filter { $0.post == post && $0.shift == "C3" }.map { $0.day.date })
                #expect(nights.count == 14, "\(post)")
            }

            // and the roster page says so in words, with the count of open seats
            let view = try await browser.get("/rosters/\(roster.id)")
            #expect(view.status == .ok)
            #expect(view.text.contains("Còn \(roster.openSeats) chỗ trống chưa có người"))
            #expect(view.text.contains("Bốt gác phía sau không có người"))
            #expect(!view.text.contains("Cổng chính không có người") && !view.text.contains("Cổng chính thiếu"))
            #expect(!view.text.contains("Ca 3 (22:00–06:00): Bốt gác phía sau không có người"))
        }
    }

    @Test("a priority outside 1–3 is refused naming the field, and nothing is written", arguments: Lane.all)
    func invalidPriority(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.shortStaffed(app)
            // when
            let response = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: world.adminToken,
                json: #"{"posts":[{"id":"CONG","pattern":"3x8","priority":7,"requirements":[]}]}"#
            )
            // then
            #expect(response.status.code >= 400 && response.status.code < 500)
            #expect(response.text.contains("posts[0].priority"), "\(response.text)")
            #expect(try await DutySetup.query(on: app.db).count() == 0)
        }
    }
}
