import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Swap requests from one's own shifts, decided by the unit's security officer; one's shifts and their feed.
@Suite("Roster swaps and my shifts")
struct RosterSwapsTests {
    /// An officer's seat and a colleague free for a day around it, both linked to accounts.
    static func pair(_ app: Application, _ world: RosterWorld) async throws -> (RosterSeatDTO, UUID) {
        let (seat, free) = try #require(world.freePair())
        let area = world.province.communeA
        try await RosterWorld.account(
            app,
            "nguoi_xin",
            role: .dutyOfficer,
            unit: world.province.unitA,
            area: area,
            staff: seat.staffId
        )
        try await RosterWorld.account(
            app,
            "nguoi_nhan",
            role: .teamMember,
            unit: world.province.unitA,
            area: area,
            staff: free
        )
        try await RosterWorld.account(app, "antt_a", role: .unitSecurityOfficer, unit: world.province.unitA, area: area)
        return (seat, free)
    }

    @Test(
        "a staff member asks to give a seat away; the security officer approves and the seat changes hands",
        arguments: Lane.all
    )
    func approve(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, free) = try await Self.pair(app, world)
            let seatID = try #require(seat.id)
            var asker = Browser(app)
            _ = try await asker.signIn("nguoi_xin")
            let mine = try await asker.get("/my-shifts")
            #expect(mine.status == .ok)
            let day = try #require(SolarDate(iso: seat.day.date))
            #expect(mine.text.contains(VietnamTime.dayWithLunar(day, .vi)))
            #expect(mine.text.contains(seat.shift == "D" ? "07:00–19:00" : "19:00–07:00"))
            #expect(mine.text.contains("/roster-seats/\(seatID.uuidString.lowercased())"))

            // when
            let asked = try await asker.post(
                "/roster-seats/\(seatID)/swap",
                form: ["to_staff_id": "\(free)", "other_seat_id": "", "note": "Việc gia đình"]
            )
            // then
            #expect(asked.status == .seeOther)
            #expect(try await RosterSwap.query(on: app.db).filter(\.$status == "pending").count() == 1)
            let twice = try await asker.post("/roster-seats/\(seatID)/swap", form: ["to_staff_id": "\(free)"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("đã có yêu cầu đổi ca đang chờ duyệt"))
            #expect(try await RosterSwap.query(on: app.db).count() == 1)
            // the colleague cannot ask for a seat that is not theirs
            var colleague = Browser(app)
            _ = try await colleague.signIn("nguoi_nhan")
            #expect(
                try await colleague.post("/roster-seats/\(seatID)/swap", form: ["to_staff_id": "\(free)"]).status
                    == .notFound
            )

            // when: the security officer approves from the roster page
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let page = try await officer.get("/rosters/\(world.roster.id)")
            #expect(page.text.contains("Chờ duyệt") && page.text.contains("Việc gia đình"))
            let swap = try #require(try await RosterSwap.query(on: app.db).first())
            let approved = try await officer.post("/swaps/\(try swap.requireID())/approve", form: [:])
            // then
            #expect(approved.status == .seeOther)
            #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == free)
            #expect(try await RosterSwap.find(swap.id, on: app.db)?.status == "approved")
            #expect(try await RosterWorld.auditCount("roster_swap", on: app.db) == 2)
            #expect(try await officer.get("/rosters/\(world.roster.id)").text.contains("Đã duyệt"))
            let theirs = try await colleague.get("/my-shifts")
            #expect(theirs.text.contains("/roster-seats/\(seatID.uuidString.lowercased())"))
        }
    }

    @Test("approval re-checks: a request that now breaks a rule stays pending, then is rejected", arguments: Lane.all)
    func recheck(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a valid request over the API
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, free) = try await Self.pair(app, world)
            let seatID = try #require(seat.id)
            let asker = try #require(try await User.find(username: "nguoi_xin", on: app.db))
            let token = try await Fixtures.token(for: asker, app: app)
            let made = try await api(
                app,
                .POST,
                "/api/v1/roster-seats/\(seatID)/swaps",
                token: token,
                json: #"{"to_staff_id":"\#(free)"}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let swap = try made.json(RosterSwapDTO.self)
            // a request that breaks a rule at once is refused: the seat's own shift-mate cannot take it
            let busy = try #require(
                world.seats.first { $0.staffId != seat.staffId && $0.startsAt == seat.startsAt }?.staffId
            )
            let refused = try await api(
                app,
                .POST,
                "/api/v1/roster-seats/\(seatID)/swaps",
                token: token,
                json: #"{"to_staff_id":"\#(busy)"}"#
            )
            #expect(refused.status == .unprocessableEntity)
            #expect(try await RosterSwap.query(on: app.db).count() == 1)

            // when: the colleague goes on leave before the officer decides
            let member = try #require(try await StaffMember.find(free, on: app.db))
            member.status = "on_leave"
            try await member.persist(on: app.db)
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let approve = try await officer.post("/swaps/\(swap.id)/approve", form: [:])
            // then: refused, nothing changed
            #expect(approve.status == .seeOther)
            let shown = try await officer.get("/rosters/\(world.roster.id)")
            #expect(shown.text.contains("Không duyệt được") && shown.text.contains("nghỉ phép"))
            #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == seat.staffId)
            #expect(try await RosterSwap.find(swap.id, on: app.db)?.status == "pending")

            // another unit's officer cannot decide it; this unit's officer rejects it
            try await RosterWorld.account(
                app,
                "antt_b",
                role: .unitSecurityOfficer,
                unit: world.province.unitB,
                area: world.province.communeB
            )
            var other = Browser(app)
            _ = try await other.signIn("antt_b")
            #expect(try await other.post("/swaps/\(swap.id)/reject", form: [:]).status == .notFound)
            #expect(try await RosterSwap.find(swap.id, on: app.db)?.status == "pending")
            #expect(try await officer.post("/swaps/\(swap.id)/reject", form: [:]).status == .seeOther)
            let listed = try await api(
                app,
                .GET,
                "/api/v1/rosters/\(world.roster.id)/swaps",
                token: world.province.adminToken
            )
            #expect(try listed.json([RosterSwapDTO].self).map(\.status) == ["rejected"])
        }
    }

    @Test("over the API two people trade seats; approval swaps both, and each one's shifts follow", arguments: Lane.all)
    func trade(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            let (mine, theirs) = try #require(world.tradable())
            let area = world.province.communeA
            let unit = world.province.unitA
            let me = try await RosterWorld.account(
                app,
                "x",
                role: .dutyOfficer,
                unit: unit,
                area: area,
                staff: mine.staffId
            )
            try await RosterWorld.account(app, "y", role: .dutyOfficer, unit: unit, area: area, staff: theirs.staffId)
            let token = try await Fixtures.token(for: me, app: app)
            let (mineID, theirsID) = (try #require(mine.id), try #require(theirs.id))
            // when
            let asked = try await api(
                app,
                .POST,
                "/api/v1/roster-seats/\(mineID)/swaps",
                token: token,
                json: #"{"to_staff_id":"\#(theirs.staffId)","other_seat_id":"\#(theirsID)","note":"Đổi ca"}"#
            )
            #expect(asked.status == .created, "\(asked.text)")
            let swap = try asked.json(RosterSwapDTO.self)
            // a duty officer may not approve
            #expect(try await api(app, .POST, "/api/v1/swaps/\(swap.id)/approve", token: token).status == .forbidden)
            let admin = world.province.adminToken
            let approved = try await api(app, .POST, "/api/v1/swaps/\(swap.id)/approve", token: admin)
            // then
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json(RosterSwapDTO.self).status == "approved")
            #expect(try await RosterSeat.find(mineID, on: app.db)?.staffID == theirs.staffId)
            #expect(try await RosterSeat.find(theirsID, on: app.db)?.staffID == mine.staffId)
            let shifts = try await api(app, .GET, "/api/v1/my-shifts", token: token).json([RosterSeatDTO].self)
            #expect(shifts.contains { $0.id == theirsID } && !shifts.contains { $0.id == mineID })
            #expect(shifts.allSatisfy { $0.staffId == mine.staffId })
            let again = try await api(app, .POST, "/api/v1/swaps/\(swap.id)/approve", token: admin)
            #expect(again.status == .unprocessableEntity)
            #expect(try again.json(ErrorBody.self).error.fields.map(\.field) == ["status"])
            #expect(try await RosterWorld.auditCount("roster_swap", on: app.db) == 2)
        }
    }

    @Test("a person's secret feed is valid iCalendar, can be made anew and revoked", arguments: Lane.all)
    func feed(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, _) = try await Self.pair(app, world)
            var browser = Browser(app)
            _ = try await browser.signIn("nguoi_xin")
            // when
            let made = try await browser.post("/my-shifts/feed", form: [:])
            // then
            #expect(made.status == .ok)
            let url = try #require(made.text.firstMatch(of: /value="(https?:[^"]+\.ics)"/)?.1)
            let path = String(try #require(url.firstMatch(of: /\/my-shifts\/[A-Za-z0-9_-]{43}\.ics/)?.0))
            #expect(try await ShiftFeed.query(on: app.db).count() == 1)
            #expect(
                try await ShiftFeed.query(on: app.db).first()?.tokenHash.contains(path.dropFirst(11).dropLast(4))
                    == false
            )
            let file = try await app.testing().sendRequest(.GET, path)
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            let text = file.text
            let lines = text.components(separatedBy: "\r\n")
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            let mine = world.seats.filter { $0.staffId == seat.staffId }
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == mine.count)
            #expect(lines.contains("DTSTART:" + ICSWriter.utc(seat.startsAt)))
            #expect(lines.contains("UID:\(try #require(seat.id).uuidString.lowercased())@antoan"))
            #expect(lines.contains { $0.hasPrefix("DTSTAMP:") && $0.hasSuffix("Z") })

            // when: made anew, the old address stops working; revoked, the new one too
            let again = try await browser.post("/my-shifts/feed", form: [:])
            let newPath = String(try #require(again.text.firstMatch(of: /\/my-shifts\/[A-Za-z0-9_-]{43}\.ics/)?.0))
            #expect(newPath != path)
            #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, newPath).status == .ok)
            #expect(try await ShiftFeed.query(on: app.db).count() == 1)
            #expect(try await browser.post("/my-shifts/feed/revoke", form: [:]).status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, newPath).status == .notFound)
            #expect(try await ShiftFeed.query(on: app.db).count() == 0)
            #expect(try await app.testing().sendRequest(.GET, "/my-shifts/not-a-token.ics").status == .notFound)
        }
    }

    @Test(
        "the security officer links a unit's account to its staff record; other units' are refused",
        arguments: Lane.all
    )
    func link(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            let (unitA, areaA) = (world.province.unitA, world.province.communeA)
            let officer = try #require(world.seats.first { $0.role == "officer" })
            let user = try await RosterWorld.account(app, "x", role: .dutyOfficer, unit: unitA, area: areaA)
            let userB = try await RosterWorld.account(
                app,
                "y",
                role: .dutyOfficer,
                unit: world.province.unitB,
                area: world.province.communeB
            )
            try await RosterWorld.account(app, "antt_a", role: .unitSecurityOfficer, unit: unitA, area: areaA)
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let path = "/units/\(unitA.id)/duty-accounts"
            // when: another unit's account, another unit's staff member
            let foreignUser = try await browser.post(
                path,
                form: ["staff_id": "\(officer.staffId)", "user_id": "\(try userB.requireID())"]
            )
            let foreignStaff = try await browser.post(
                path,
                form: ["staff_id": "\(world.province.staffB.id)", "user_id": "\(try user.requireID())"]
            )
            // then
            #expect(foreignUser.status == .unprocessableEntity && foreignUser.text.contains(#"id="user_id""#))
            #expect(foreignStaff.status == .unprocessableEntity)
            #expect(try await StaffMember.query(on: app.db).filter(\.$userID != nil).count() == 0)
            // when: this unit's account and staff member
            let audited = try await RosterWorld.auditCount("staff", on: app.db)
            let linked = try await browser.post(
                path,
                form: ["staff_id": "\(officer.staffId)", "user_id": "\(try user.requireID())"]
            )
            // then
            #expect(linked.status == .seeOther)
            #expect(try await StaffMember.query(on: app.db).filter(\.$userID == user.requireID()).count() == 1)
            #expect(try await RosterWorld.auditCount("staff", on: app.db) == audited + 1)
            var holder = Browser(app)
            _ = try await holder.signIn("x")
            let mine = try await holder.get("/my-shifts")
            #expect(mine.text.contains("/roster-seats/\(try #require(officer.id).uuidString.lowercased())"))
            // another unit's officer cannot link into unit A
            try await RosterWorld.account(
                app,
                "antt_b",
                role: .unitSecurityOfficer,
                unit: world.province.unitB,
                area: world.province.communeB
            )
            var other = Browser(app)
            _ = try await other.signIn("antt_b")
            let crossed = try await other.post(path, form: ["staff_id": "\(officer.staffId)", "user_id": ""])
            #expect(crossed.status == .notFound)
            #expect(try await StaffMember.query(on: app.db).filter(\.$userID == user.requireID()).count() == 1)
        }
    }

    @Test("an account linked to no staff record is told so, and authorities have no shifts page", arguments: Lane.all)
    func unlinked(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            try await RosterWorld.account(
                app,
                "moi",
                role: .teamMember,
                unit: world.unitA,
                area: world.communeA,
                language: "en"
            )
            var browser = Browser(app)
            _ = try await browser.signIn("moi")
            let page = try await browser.get("/my-shifts")
            #expect(page.status == .ok && page.text.contains("not linked to a staff record"))
            #expect(try await browser.post("/my-shifts/feed", form: [:]).status == .notFound)
            try await Fixtures.user(
                "cong_an",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.province.path)!),
                on: app.db
            )
            var authority = Browser(app)
            _ = try await authority.signIn("cong_an")
            #expect(try await authority.get("/my-shifts").status == .forbidden)
        }
    }
}
