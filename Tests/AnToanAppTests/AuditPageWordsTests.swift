import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The audit page names areas, seats and check-ins as people know them, records a set-up's real before, and says
/// what to do when its filter matches nothing.
@Suite("Audit page in words")
struct AuditPageWordsTests {
    /// The trail's table, without the filter form above it.
    static func trail(_ page: String) throws -> String {
        try #require(page.components(separatedBy: #"id="audit""#).last)
    }

    @Test("an account's area and a check-in's seat are named, never a path or an id", arguments: Lane.all)
    func areaAndSeat(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: an area authority's account made over the API, and a guard's check-in on the day shift
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let made = try await api(
                app,
                .POST,
                "/api/v1/users",
                token: watch.world.adminToken,
                json:
                    #"{"username":"can_bo_xa","role":"authority_officer","password":"\#(Fixtures.password)","area_path":"\#(watch.world.communeA.path)"}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 7, 5))
            let token = try await watch.token(app, officer)
            #expect(try await api(app, .POST, "/api/v1/duty/check-in", token: token).status == .created)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let trail = try Self.trail(try await browser.get("/admin/audit").text)
            // then
            #expect(trail.contains("địa bàn: Xã Hòa An"), "\(trail)")
            #expect(!trail.contains(watch.world.communeA.path))
            #expect(trail.contains("tạo lượt nhận ca Ca ngày 07:00–19:00 ngày 02/02/2027 · Trực ban"))
            #expect(trail.contains("ca trực: Ca ngày 07:00–19:00 ngày 02/02/2027 · Trực ban"))
            #expect(trail.range(of: #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"#, options: .regularExpression) == nil)
        }
    }

    @Test(
        "a duty set-up saved unchanged is not audited; a change shows the posts before and after",
        arguments: Lane.all
    )
    func setupBefore(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a unit's set-up with one post
            let world = try await OrganisationTests.province(app)
            let path = "/api/v1/units/\(world.unitA.id)/duty-setup"
            #expect(try await api(app, .PUT, path, token: world.adminToken, json: DutyTests.twoShifts).status == .ok)
            // when: saved again unchanged, then with the post renamed
            #expect(try await api(app, .PUT, path, token: world.adminToken, json: DutyTests.twoShifts).status == .ok)
            let count = try await RosterWorld.auditCount("duty_setup", on: app.db)
            let renamed = DutyTests.twoShifts.replacingOccurrences(of: "Trực ban", with: "Cổng chính")
            #expect(try await api(app, .PUT, path, token: world.adminToken, json: renamed).status == .ok)
            // then
            #expect(count == 1)
            #expect(try await RosterWorld.auditCount("duty_setup", on: app.db) == 2)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let trail = try Self.trail(try await browser.get("/admin/audit?entity=duty_setup").text)
            #expect(trail.contains("các chốt: Trực ban → Cổng chính"), "\(trail)")
            #expect(trail.components(separatedBy: "các chốt: (trống)").count == 2)
        }
    }

    @Test("a filter that matches nothing says so and links to the whole trail", arguments: Lane.all)
    func emptyFilter(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            _ = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let nothing = try await browser.get("/admin/audit?actor=khong%20ai")
            let everything = try await browser.get("/admin/audit")
            let admin = try #require(try await User.find(username: "quan_tri", on: app.db))
            admin.language = "en"
            try await admin.persist(on: app.db)
            let english = try await browser.get("/admin/audit?actor=khong%20ai")
            // then
            #expect(nothing.text.contains("Không có mục nào khớp bộ lọc."), "\(nothing.text)")
            #expect(nothing.text.contains(#"<a href="/admin/audit">Xoá bộ lọc</a>"#))
            #expect(english.text.contains("No entry matches the filter."), "\(english.text)")
            #expect(!everything.text.contains("Không có mục nào khớp bộ lọc."))
        }
    }
}
