import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// "Xin đổi ca" never leads to a dead end: the seat page offers exactly what the swap service accepts, and a seat
/// that cannot be swapped says why and whom to call instead of showing a form that can only be refused.
@Suite("Swap choices")
struct SwapChoicesTests {
    /// The values a page's select offers, the "none" option left out.
    static func options(_ html: String, _ name: String) -> Set<String> {
        guard let select = html.firstMatch(of: try! Regex(#"(?s)<select[^>]* name="\#(name)"[^>]*>(.*?)</select>"#))
        else { return [] }
        let body = String(select.output[1].substring ?? "")
        return Set(body.matches(of: /value="([^"]*)"/).map { String($0.output.1) }.filter { !$0.isEmpty })
    }

    static func swapForm(_ seat: UUID) -> String { #"action="/roster-seats/\#(seat.uuidString.lowercased())/swap""# }

    @Test("the seat page offers exactly the colleagues and the seats that the service accepts", arguments: Lane.all)
    func exactChoices(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: an officer's seat on a published roster, its holder and the unit's security officer signed in
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, _) = try await RosterSwapsTests.pair(app, world)
            let seatID = try #require(seat.id)
            let asker = try #require(try await User.find(username: "nguoi_xin", on: app.db))
            let token = try await Fixtures.token(for: asker, app: app)
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            var browser = Browser(app)
            _ = try await browser.signIn("nguoi_xin")
            // when
            let page = try await browser.get("/roster-seats/\(seatID)")
            let offeredPeople = Self.options(page.text, "to_staff_id")
            let offeredSeats = Self.options(page.text, "other_seat_id")
            // then: each colleague and each seat is accepted by the service exactly when the page offers it
            func accepted(_ json: String) async throws -> Bool {
                let response = try await api(
                    app,
                    .POST,
                    "/api/v1/roster-seats/\(seatID)/swaps",
                    token: token,
                    json: json
                )
                guard response.status == .created else { return false }
                // Rejected again at once, so that the seat is free for the next try.
                let swap = try response.json(RosterSwapDTO.self)
                #expect(try await officer.post("/swaps/\(swap.id)/reject", form: [:]).status == .seeOther)
                return true
            }
            var acceptedPeople: Set<String> = []
            for person in world.leaders + world.officers where person != seat.staffId {
                if try await accepted(#"{"to_staff_id":"\#(person)"}"#) {
                    acceptedPeople.insert(person.uuidString)
                }
            }
            var acceptedSeats: Set<String> = []
            for other in world.seats where other.staffId != seat.staffId {
                let otherID = try #require(other.id)
                if try await accepted(#"{"to_staff_id":"\#(other.staffId)","other_seat_id":"\#(otherID)"}"#) {
                    acceptedSeats.insert(otherID.uuidString)
                }
            }
            #expect(!acceptedPeople.isEmpty && !acceptedSeats.isEmpty)
            #expect(offeredPeople == acceptedPeople)
            #expect(offeredSeats == acceptedSeats)
            // the seat's shift-mates, whom the old page offered, are not among them
            let mates = world.seats.filter { $0.startsAt == seat.startsAt && $0.staffId != seat.staffId }
            #expect(!mates.isEmpty && mates.allSatisfy { !offeredPeople.contains($0.staffId.uuidString) })
        }
    }

    @Test("a checked-in seat shows no form but why, and the leader on duty to call", arguments: Lane.all)
    func checkedIn(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: at 18:30 on 1 February the night officer has checked in; the day leader is on duty
            clock.set(RosterWorld.now)
            let world = try await RosterWorld.make(app, publish: true)
            let night = try #require(world.seat("gate", "N", "officer", on: "2027-02-01"))
            let leaderSeat = try #require(world.seat("hq", "D", "leader", on: "2027-02-01"))
            let leader = try #require(try await StaffMember.find(leaderSeat.staffId, on: app.db))
            leader.phone = "0912 000 111"
            try await leader.persist(on: app.db)
            try await RosterWorld.account(
                app,
                "truc_dem",
                role: .dutyOfficer,
                unit: world.province.unitA,
                area: world.province.communeA,
                staff: night.staffId
            )
            clock.set(VietnamTime.instant(SolarDate(year: 2027, month: 2, day: 1)!, minutes: 18 * 60 + 30))
            var browser = Browser(app)
            _ = try await browser.signIn("truc_dem")
            let token = try await Fixtures.token(
                for: try #require(try await User.find(username: "truc_dem", on: app.db)),
                app: app
            )
            #expect(try await api(app, .POST, "/api/v1/duty/check-in", token: token).status == .created)
            // when
            let page = try await browser.get("/roster-seats/\(try #require(night.id))")
            // then
            #expect(page.status == .ok)
            #expect(!page.text.contains(Self.swapForm(try #require(night.id))))
            #expect(page.text.contains("Không đổi được ca này: ca này đã nhận ca, không đổi được nữa."), "\(page.text)")
            #expect(page.text.contains("hãy gọi lãnh đạo trực <strong>\(leaderSeat.staffName)</strong>"))
            #expect(page.text.contains(#"href="tel:0912000111""#))
            // and the shifts page offers "Xin đổi ca" on the guard's later shifts, not on this one
            let mine = try await browser.get("/my-shifts")
            let later = try #require(world.seats.first { $0.staffId == night.staffId && $0.startsAt > night.startsAt })
            #expect(!mine.text.contains("/roster-seats/\(try #require(night.id).uuidString.lowercased())"))
            #expect(mine.text.contains("/roster-seats/\(try #require(later.id).uuidString.lowercased())"))
        }
    }

    @Test("a seat nobody could take, or already asked about, shows no form but why", arguments: Lane.all)
    func nobody(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: an officer's seat, and a second one whose request is pending
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, free) = try await RosterSwapsTests.pair(app, world)
            let seatID = try #require(seat.id)
            var browser = Browser(app)
            _ = try await browser.signIn("nguoi_xin")
            let asked = try await browser.post("/roster-seats/\(seatID)/swap", form: ["to_staff_id": "\(free)"])
            #expect(asked.status == .seeOther)
            // when
            let pending = try await browser.get("/roster-seats/\(seatID)")
            // then
            #expect(!pending.text.contains(Self.swapForm(seatID)))
            #expect(pending.text.contains("ca này đã có yêu cầu đổi ca đang chờ duyệt"))
            let mine = try await browser.get("/my-shifts")
            #expect(mine.text.contains("Đã xin đổi ca, đang chờ duyệt."))
            #expect(!mine.text.contains("/roster-seats/\(seatID.uuidString.lowercased())"))

            // given: another of the holder's seats, and everyone else gone from the unit
            let other = try #require(world.seats.first { $0.staffId == seat.staffId && $0.id != seat.id })
            for member in try await StaffMember.query(on: app.db).filter(\.$id != seat.staffId).all() {
                member.status = "left"
                try await member.persist(on: app.db)
            }
            // when
            let alone = try await browser.get("/roster-seats/\(try #require(other.id))")
            // then
            #expect(!alone.text.contains(Self.swapForm(try #require(other.id))))
            #expect(alone.text.contains("Không có đồng nghiệp nào nhận được ca này"), "\(alone.text)")
            #expect(alone.text.contains("báo cán bộ phụ trách ANTT của đơn vị"))
        }
    }

    @Test("a refused request shows the error summary at the top, linking to the field", arguments: Lane.all)
    func refusedSummary(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: the seat's own shift-mate, whom the rules refuse
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, _) = try await RosterSwapsTests.pair(app, world)
            let seatID = try #require(seat.id)
            let mate = try #require(
                world.seats.first { $0.startsAt == seat.startsAt && $0.staffId != seat.staffId }?.staffId
            )
            var browser = Browser(app)
            _ = try await browser.signIn("nguoi_xin")
            // when
            let refused = try await browser.post("/roster-seats/\(seatID)/swap", form: ["to_staff_id": "\(mate)"])
            // then
            #expect(refused.status == .unprocessableEntity)
            let top = try #require(refused.text.components(separatedBy: "<h2").first)
            #expect(top.contains(#"class="error-summary" role="alert""#), "\(refused.text)")
            #expect(top.contains(##"href="#to_staff_id">Nhường cho: "##))
            #expect(try await RosterSwap.query(on: app.db).count() == 0)
        }
    }
}
