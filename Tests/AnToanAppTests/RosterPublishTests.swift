import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Publishing a roster: open seats confirmed first, the head's approval (trình ký) when the unit asks for it,
/// a published roster marked out of date when its posts change, and swaps that leave other seats' gaps alone.
@Suite("Roster publishing")
struct RosterPublishTests {
    /// RosterWorld's posts, but two leaders per headquarters shift: three leaders leave leader seats open.
    static let shortOfLeaders = #"""
        {"posts":[{"id":"hq","name":"Trụ sở","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":2,"officers":1}},{"shift":"N","working":{"leaders":2,"officers":1}}]},
          {"id":"gate","name":"Cổng chính","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":0,"officers":1}},{"shift":"N","working":{"leaders":0,"officers":1}}]}]}
        """#

    /// RosterWorld's posts and a back post added later.
    static let withBackPost = #"""
        {"posts":[{"id":"hq","name":"Trụ sở","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":1,"officers":1}},{"shift":"N","working":{"leaders":1,"officers":1}}]},
          {"id":"gate","name":"Cổng chính","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":0,"officers":1}},{"shift":"N","working":{"leaders":0,"officers":1}}]},
          {"id":"back","name":"Bốt gác phía sau","pattern":"2x12","requirements":[
          {"shift":"D","working":{"leaders":0,"officers":1}},{"shift":"N","working":{"leaders":0,"officers":1}}]}]}
        """#

    /// A draft of unit A's week with open leader seats.
    static func shortDraft(_ app: Application, _ world: RosterWorld) async throws -> RosterDTO {
        let admin = world.province.adminToken
        let unit = world.province.unitA.id
        let setup = try await api(app, .PUT, "/api/v1/units/\(unit)/duty-setup", token: admin, json: shortOfLeaders)
        #expect(setup.status == .ok, "\(setup.text)")
        let made = try await api(
            app,
            .POST,
            "/api/v1/units/\(unit)/rosters",
            token: admin,
            json: #"{"start_date":"2027-02-01","days":7,"seed":3}"#
        )
        #expect(made.status == .created, "\(made.text)")
        let roster = try made.json(RosterDTO.self)
        #expect(roster.openSeats > 0)
        return roster
    }

    static func status(_ id: UUID, on db: any Database) async throws -> String? {
        try await Roster.find(id, on: db)?.status
    }

    @Test(
        "a roster with open seats is published only once the count was confirmed, on the page and the API",
        arguments: Lane.all
    )
    func confirmOpenSeats(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: false)
            let roster = try await Self.shortDraft(app, world)
            let admin = world.province.adminToken
            let audits = try await RosterWorld.auditCount("roster", on: app.db)

            // when: the API publishes without confirming
            let bare = try await api(app, .POST, "/api/v1/rosters/\(roster.id)/publish", token: admin)
            let unconfirmed = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(roster.id)/publish",
                token: admin,
                json: #"{"confirm_open_seats":false}"#
            )
            // then: 422 naming the field and the count, nothing written
            for response in [bare, unconfirmed] {
                #expect(response.status == .unprocessableEntity)
                #expect(response.text.contains("confirm_open_seats"))
                #expect(response.text.contains("còn \(roster.openSeats) vị trí trống"))
            }
            #expect(try await Self.status(roster.id, on: app.db) == "draft")
            #expect(try await RosterWorld.auditCount("roster", on: app.db) == audits)

            // when: the page publishes; it answers a confirmation step first
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let asked = try await browser.post("/rosters/\(roster.id)/publish", form: [:])
            // then
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Lịch còn \(roster.openSeats) vị trí trống. Vẫn ban hành?"))
            #expect(asked.text.contains(#"name="confirm" value="1""#))
            #expect(try await Self.status(roster.id, on: app.db) == "draft")

            // when: the second form confirms
            let confirmed = try await browser.post("/rosters/\(roster.id)/publish", form: ["confirm": "1"])
            // then
            #expect(confirmed.status == .seeOther)
            #expect(try await Self.status(roster.id, on: app.db) == "published")
            #expect(try await RosterWorld.auditCount("roster", on: app.db) == audits + 1)

            // a roster without open seats needs no confirmation, over the API with or without a body
            #expect(world.roster.openSeats == 0)
            let other = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(world.roster.id)/publish",
                token: admin,
                json: "{}"
            )
            #expect(other.status == .ok, "\(other.text)")
        }
    }

    @Test("over the API a confirmed short roster publishes; the English message names the field", arguments: Lane.all)
    func confirmOverAPI(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: false)
            let roster = try await Self.shortDraft(app, world)
            let token = world.province.adminToken
            // when
            let refused = try await app.testing().sendRequest(
                .POST,
                "/api/v1/rosters/\(roster.id)/publish",
                headers: ["Authorization": "Bearer \(token)", "Accept-Language": "en"]
            )
            let published = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(roster.id)/publish",
                token: token,
                json: #"{"confirm_open_seats":true}"#
            )
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("confirm_open_seats") && refused.text.contains("open seats"))
            #expect(published.status == .ok, "\(published.text)")
            #expect(try published.json(RosterDTO.self).status == "published")
        }
    }

    /// Unit A's head ("thu_truong", with a token) and security officer ("antt_a").
    static func people(_ app: Application, _ world: RosterWorld) async throws -> (head: String, officer: String) {
        let unit = world.province.unitA
        let area = world.province.communeA
        let head = try await RosterWorld.account(app, "thu_truong", role: .unitHead, unit: unit, area: area)
        let officer = try await RosterWorld.account(app, "antt_a", role: .unitSecurityOfficer, unit: unit, area: area)
        return (try await Fixtures.token(for: head, app: app), try await Fixtures.token(for: officer, app: app))
    }

    @Test(
        "trình ký: the unit's head turns approval on; a roster is submitted, returned with a reason, approved, published",
        arguments: Lane.all
    )
    func approval(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: false)
            let (head, officer) = try await Self.people(app, world)
            let unit = world.province.unitA.id
            let id = world.roster.id
            let setup = try await api(app, .GET, "/api/v1/units/\(unit)/duty-setup", token: officer)
            #expect(try setup.json(DutySetupDTO.self).approvalRequired == false)
            let asking = String(RosterWorld.setup.dropLast()) + #","approval_required":true}"#

            // when: the security officer tries to turn approval on; the head does
            let refused = try await api(app, .PUT, "/api/v1/units/\(unit)/duty-setup", token: officer, json: asking)
            let turned = try await api(app, .PUT, "/api/v1/units/\(unit)/duty-setup", token: head, json: asking)
            // then
            #expect(refused.status == .unprocessableEntity && refused.text.contains("approval_required"))
            #expect(turned.status == .ok, "\(turned.text)")
            #expect(try await RosterQueries.approvalRequired(of: unit, on: app.db))

            // the officer's save of the set-up page keeps it (the box is disabled for them)
            var antt = Browser(app)
            _ = try await antt.signIn("antt_a")
            let page = try await antt.get("/units/\(unit)/duty")
            #expect(page.text.contains(#"name="approval_required""#) && page.text.contains("disabled"))
            var thuTruong = Browser(app)
            _ = try await thuTruong.signIn("thu_truong")
            let headPage = try await thuTruong.get("/units/\(unit)/duty")
            #expect(headPage.text.contains("Lịch trực phải được thủ trưởng duyệt"))
            #expect(!headPage.text.contains(#"disabled="disabled""#))

            // when: the officer publishes the draft without approval
            let early = try await api(app, .POST, "/api/v1/rosters/\(id)/publish", token: officer)
            // then
            #expect(early.status == .unprocessableEntity && early.text.contains("thủ trưởng đơn vị duyệt"))
            #expect(try await Self.status(id, on: app.db) == "draft")

            // when: submitted; the officer may not approve it; the head returns it without, then with a reason
            #expect(try await api(app, .POST, "/api/v1/rosters/\(id)/submit", token: officer).status == .ok)
            #expect(try await api(app, .POST, "/api/v1/rosters/\(id)/approve", token: officer).status == .forbidden)
            let authority = try await DutyTests.authority(app, "cong_an_tinh", over: world.province.province)
            #expect(try await api(app, .POST, "/api/v1/rosters/\(id)/approve", token: authority).status == .forbidden)
            let bare = try await api(app, .POST, "/api/v1/rosters/\(id)/return", token: head, json: #"{"reason":" "}"#)
            #expect(bare.status == .unprocessableEntity && bare.text.contains("reason"))
            let returned = try await api(
                app,
                .POST,
                "/api/v1/rosters/\(id)/return",
                token: head,
                json: #"{"reason":"Thiếu người trực đêm 30 Tết"}"#
            )
            // then
            #expect(returned.status == .ok, "\(returned.text)")
            #expect(try returned.json(RosterDTO.self).returnReason == "Thiếu người trực đêm 30 Tết")
            let shown = try await antt.get("/rosters/\(id)")
            #expect(shown.text.contains("Bị trả lại") && shown.text.contains("Thiếu người trực đêm 30 Tết"))
            #expect(shown.text.contains("Trình ký thủ trưởng"))

            // when: submitted again from the page, approved by the head on the page, then published
            #expect(try await antt.post("/rosters/\(id)/submit", form: [:]).status == .seeOther)
            let waiting = try await thuTruong.get("/rosters/\(id)")
            #expect(waiting.text.contains("Duyệt lịch trực") && waiting.text.contains("Trả lại"))
            #expect(try await thuTruong.post("/rosters/\(id)/approve", form: [:]).status == .seeOther)
            #expect(try await Self.status(id, on: app.db) == "approved")
            #expect(try await antt.get("/rosters/\(id)").text.contains("Công bố lịch trực"))
            let published = try await api(app, .POST, "/api/v1/rosters/\(id)/publish", token: officer)
            // then
            #expect(published.status == .ok, "\(published.text)")
            #expect(try await Self.status(id, on: app.db) == "published")
            let steps = try await AuditEntry.query(on: app.db).filter(\.$entity == "roster")
                .filter(\.$entityID == id.uuidString).filter(\.$action == "update").all()
            #expect(steps.count == 5)
            for status in ["submitted", "returned", "approved", "published"] {
                #expect(steps.contains { $0.changes.contains(status) })
            }
        }
    }

    @Test(
        "the head's approval and return of one roster sent at once: one wins, audited once",
        arguments: Lane.concurrent
    )
    func approveOrReturn(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a submitted roster
            let world = try await RosterWorld.make(app, publish: false)
            let (head, officer) = try await Self.people(app, world)
            let id = world.roster.id
            #expect(try await api(app, .POST, "/api/v1/rosters/\(id)/submit", token: officer).status == .ok)
            // when
            let statuses = try await ConcurrentWritesTests.atOnce([
                { try await api(app, .POST, "/api/v1/rosters/\(id)/approve", token: head) },
                { try await api(app, .POST, "/api/v1/rosters/\(id)/return", token: head, json: #"{"reason":"Sai"}"#) },
            ])
            // then
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .unprocessableEntity])
            let status = try await Self.status(id, on: app.db)
            #expect(status == (statuses[0] == .ok ? "approved" : "returned"))
            let decisions = try await AuditEntry.query(on: app.db).filter(\.$entity == "roster")
                .filter(\.$entityID == id.uuidString).filter(\.$action == "update").all()
                .filter { $0.changes.contains("approved") || $0.changes.contains("returned") }
            #expect(decisions.count == 1)
        }
    }

    /// Unit A's short week, published with its open seats confirmed, with its seats.
    static func publishedShort(_ app: Application, _ world: RosterWorld) async throws -> RosterWorld {
        let admin = world.province.adminToken
        let draft = try await Self.shortDraft(app, world)
        let published = try await api(
            app,
            .POST,
            "/api/v1/rosters/\(draft.id)/publish",
            token: admin,
            json: #"{"confirm_open_seats":true}"#
        )
        #expect(published.status == .ok, "\(published.text)")
        let roster = try await api(app, .GET, "/api/v1/rosters/\(draft.id)", token: admin).json(RosterDTO.self)
        return RosterWorld(province: world.province, roster: roster, leaders: world.leaders, officers: world.officers)
    }

    @Test(
        "a post added after publishing marks the roster out of date on its page and in oversight",
        arguments: Lane.all
    )
    func outOfDate(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a published roster, current
            let world = try await RosterWorld.make(app, publish: true)
            let admin = world.province.adminToken
            let unit = world.province.unitA.id
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            #expect(!(try await browser.get("/rosters/\(world.roster.id)").text.contains("Lịch trực đã cũ")))
            let authority = try await DutyTests.authority(app, "cong_an_tinh", over: world.province.province)
            let before = try await api(app, .GET, "/api/v1/duty/oversight", token: authority)
                .json([UnitCoverDTO].self)
            #expect(before.first { $0.unitId == unit }?.rosterOutOfDate != true)

            // when: a back post is added
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(unit)/duty-setup",
                token: admin,
                json: Self.withBackPost
            )
            #expect(setup.status == .ok, "\(setup.text)")

            // then
            let page = try await browser.get("/rosters/\(world.roster.id)")
            #expect(page.text.contains("Lịch trực đã cũ: có chốt mới sau khi ban hành (Bốt gác phía sau)."))
            let after = try await api(app, .GET, "/api/v1/duty/oversight", token: authority)
                .json([UnitCoverDTO].self)
            #expect(after.first { $0.unitId == unit }?.rosterOutOfDate == true)
            let oversight = try await browser.get("/duty/oversight")
            #expect(oversight.text.contains("Lịch trực đã cũ: có chốt mới sau khi ban hành (Bốt gác phía sau)."))
        }
    }

    @Test(
        "approving a swap on a short roster leaves its open seats as they were, a post added since or not",
        arguments: Lane.all
    )
    func swapKeepsOpenSeats(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a published short roster, then a back post added to the set-up
            let start = try await RosterWorld.make(app, publish: false)
            let world = try await Self.publishedShort(app, start)
            let admin = world.province.adminToken
            let open = world.roster.openSeats
            #expect(open > 0)
            let (seat, free) = try await RosterSwapsTests.pair(app, world)
            let seatID = try #require(seat.id)
            let asker = try #require(try await User.find(username: "nguoi_xin", on: app.db))
            let token = try await Fixtures.token(for: asker, app: app)
            let added = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.province.unitA.id)/duty-setup",
                token: admin,
                json: Self.withBackPost
            )
            #expect(added.status == .ok, "\(added.text)")
            let asked = try await api(
                app,
                .POST,
                "/api/v1/roster-seats/\(seatID)/swaps",
                token: token,
                json: #"{"to_staff_id":"\#(free)"}"#
            )
            #expect(asked.status == .created, "\(asked.text)")
            let swap = try asked.json(RosterSwapDTO.self)

            // when
            let approved = try await api(app, .POST, "/api/v1/swaps/\(swap.id)/approve", token: admin)

            // then: the seat changed hands; the open seats did not move
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == free)
            let roster = try await api(app, .GET, "/api/v1/rosters/\(world.roster.id)", token: admin)
                .json(RosterDTO.self)
            #expect(roster.openSeats == open)
            #expect(roster.report.openSlots.reduce(0) { $0 + $1.missing } == open)
        }
    }
}
