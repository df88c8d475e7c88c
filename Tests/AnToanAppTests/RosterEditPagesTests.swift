import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Hand edits of seats: re-checked, refused with the broken rule (Vietnamese, or English when asked), audited.
@Suite("Roster seat edits")
struct RosterEditPagesTests {
    @Test("an edit that breaks a hard rule is refused beside the field and nothing is written", arguments: Lane.all)
    func refused(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: false)
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: world.province.unitA,
                area: world.province.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let seats = world.seats
            let auditBefore = try await RosterWorld.auditCount("roster_seat", on: app.db)
            func refuse(_ seat: RosterSeatDTO, _ staff: UUID, _ text: String) async throws {
                let seatID = try #require(seat.id)
                let response = try await browser.post("/roster-seats/\(seatID)", form: ["staff_id": "\(staff)"])
                #expect(response.status == .unprocessableEntity, "\(text)")
                #expect(response.text.contains(#"id="staff_id""#) && response.text.contains(text), "\(text)")
                #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == seat.staffId)
            }

            // an officer of the headquarters' day shift put on the gate's day shift the same day: overlap
            let gate = try #require(world.seat("gate", "D", "officer"))
            let hq = try #require(world.seat("hq", "D", "officer", on: gate.day.date))
            try await refuse(gate, hq.staffId, "người này đã trực một ca trùng giờ")

            // someone whose night shift ends when this day shift starts: no rest
            let (day, tired) = try #require(world.restless())
            try await refuse(day, tired, "người này không đủ thời gian nghỉ giữa hai ca")

            // an officer free all around a leader's seat is still no leader
            let leaderSeat = try #require(seats.first { $0.role == "leader" })
            let free = try #require(world.freeOfficer(around: leaderSeat))
            try await refuse(leaderSeat, free, "người này không phải lãnh đạo")

            // someone on leave
            let member = try #require(try await StaffMember.find(free, on: app.db))
            member.status = "on_leave"
            try await member.persist(on: app.db)
            let officerSeat = try #require(
                seats.first { $0.role == "officer" && world.near($0, free, hours: 24).isEmpty }
            )
            try await refuse(officerSeat, free, "người này đang nghỉ phép")

            // in English over the API
            let english = try await app.testing().sendRequest(
                .PUT,
                "/api/v1/roster-seats/\(try #require(officerSeat.id))",
                headers: [
                    "Authorization": "Bearer \(world.province.adminToken)", "Content-Type": "application/json",
                    "Accept-Language": "en",
                ],
                body: ByteBuffer(string: #"{"staff_id":"\#(free)"}"#)
            )
            #expect(english.status == .unprocessableEntity)
            let error = try english.json(ErrorBody.self).error
            #expect(error.fields.map(\.field) == ["staff_id"])
            #expect(error.fields.first?.message.contains("this person is on leave or away") == true)
            // someone of another unit
            let foreign = try await api(
                app,
                .PUT,
                "/api/v1/roster-seats/\(try #require(officerSeat.id))",
                token: world.province.adminToken,
                json: #"{"staff_id":"\#(world.province.staffB.id)"}"#
            )
            #expect(foreign.status == .unprocessableEntity)

            // then: nothing was written
            #expect(try await RosterWorld.auditCount("roster_seat", on: app.db) == auditBefore)
            #expect(
                try await RosterSeat.query(on: app.db).filter(\.$staffID == free).count()
                    == seats.filter { $0.staffId == free }.count
            )
        }
    }

    @Test("an edit that breaks nothing is saved, audited, and the report refreshed", arguments: Lane.all)
    func accepted(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: world.province.unitA,
                area: world.province.communeA,
                language: "en"
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let (seat, free) = try #require(world.freePair())
            let seatID = try #require(seat.id)
            let form = try await browser.get("/roster-seats/\(seatID)")
            #expect(form.status == .ok && form.text.contains("Put another person here"))
            // when
            let saved = try await browser.post("/roster-seats/\(seatID)", form: ["staff_id": "\(free)"])
            // then
            #expect(saved.status == .seeOther)
            #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == free)
            #expect(try await RosterWorld.auditCount("roster_seat", on: app.db) == 1)
            let roster = try #require(try await Roster.find(world.roster.id, on: app.db))
            let report = try JSONDecoder().decode(RosterReport.self, from: Data(roster.report.utf8))
            let before = world.seats.filter { $0.staffId == free }.count
            #expect(report.load.first { $0.staff == free.uuidString }?.total == before + 1)
            #expect(roster.hardViolations == 0)
            let page = try await browser.get("/rosters/\(world.roster.id)")
            #expect(page.text.contains("Swap requests") && page.text.contains("Open seats"))
        }
    }
}
