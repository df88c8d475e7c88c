import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Conflicting requests sent at once, on a SQLite file and on PostgreSQL: whatever order they run in, what is
/// left afterwards keeps the rule each service checks.
@Suite("Concurrent writes")
struct ConcurrentWritesTests {
    /// Sends every request at once and returns the statuses in the order given.
    static func atOnce(
        _ requests: [@Sendable () async throws -> TestingHTTPResponse]
    ) async throws -> [HTTPStatus] {
        try await withThrowingTaskGroup(of: (Int, HTTPStatus).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try await request().status) }
            }
            var statuses = Array(repeating: HTTPStatus.internalServerError, count: requests.count)
            for try await (index, status) in group { statuses[index] = status }
            return statuses
        }
    }

    @Test(
        "hand edits that each pass but together put one person in two seats at once: one is saved",
        arguments: Lane.concurrent
    )
    func rosterEdits(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: on four days, the gate's and the headquarters' day seats, and an officer free for a day
            // around them; either edit alone passes, both together put the officer in two seats at once
            let world = try await RosterWorld.make(app, publish: false)
            var edits: [(seat: UUID, staff: UUID)] = []
            var groups: [(seats: [UUID], staff: UUID)] = []
            for date in ["2027-02-01", "2027-02-03", "2027-02-05", "2027-02-07"] {
                let gate = try #require(world.seat("gate", "D", "officer", on: date))
                let hq = try #require(world.seat("hq", "D", "officer", on: date))
                let free = try #require(
                    world.officers.first { officer in
                        !groups.contains { $0.staff == officer } && world.near(gate, officer, hours: 24).isEmpty
                            && world.near(hq, officer, hours: 24).isEmpty
                    }
                )
                let ids = [try #require(gate.id), try #require(hq.id)]
                edits += ids.map { ($0, free) }
                groups.append((ids, free))
            }
            let token = world.province.adminToken
            // when: all eight at once
            let statuses = try await Self.atOnce(
                edits.map { edit in
                    {
                        try await api(
                            app,
                            .PUT,
                            "/api/v1/roster-seats/\(edit.seat)",
                            token: token,
                            json: #"{"staff_id":"\#(edit.staff)"}"#
                        )
                    }
                }
            )
            // then: one edit a day is saved, the others refused, and the roster breaks no rule
            #expect(statuses.filter { $0 == .ok }.count == 4, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 4, "\(statuses)")
            for group in groups {
                let held = try await RosterSeat.query(on: app.db).filter(\.$id ~~ group.seats)
                    .filter(\.$staffID == group.staff).count()
                #expect(held == 1)
            }
            #expect(try await Roster.find(world.roster.id, on: app.db)?.hardViolations == 0)
            #expect(try await RosterWorld.auditCount("roster_seat", on: app.db) == 4)
        }
    }

    @Test("an approval and a rejection of one swap sent at once: seats and status agree", arguments: Lane.concurrent)
    func swapDecisions(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a pending request to give a seat to a free colleague
            let world = try await RosterWorld.make(app, publish: true)
            let (seat, free) = try await RosterSwapsTests.pair(app, world)
            let seatID = try #require(seat.id)
            let asker = try #require(try await User.find(username: "nguoi_xin", on: app.db))
            let made = try await api(
                app,
                .POST,
                "/api/v1/roster-seats/\(seatID)/swaps",
                token: try await Fixtures.token(for: asker, app: app),
                json: #"{"to_staff_id":"\#(free)"}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let swapID = try made.json(RosterSwapDTO.self).id
            let token = world.province.adminToken
            // when: two approvals and two rejections at once
            let statuses = try await Self.atOnce(
                ["approve", "reject", "approve", "reject"].map { decision in
                    { try await api(app, .POST, "/api/v1/swaps/\(swapID)/\(decision)", token: token) }
                }
            )
            // then: exactly one decision, and the seat says the same as the request
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            let swap = try #require(try await RosterSwap.find(swapID, on: app.db))
            let holder = try await RosterSeat.find(seatID, on: app.db)?.staffID
            #expect(
                (swap.status == "approved" && holder == free) || (swap.status == "rejected" && holder == seat.staffId),
                "\(swap.status), seat held by \(String(describing: holder))"
            )
            #expect(try await RosterWorld.auditCount("roster_swap", on: app.db) == 2)
        }
    }

    @Test("two drafts over the same days published at once leave one published roster", arguments: Lane.concurrent)
    func publishes(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: two drafts of the same week
            let world = try await RosterWorld.make(app, publish: false)
            let token = world.province.adminToken
            let other = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.province.unitA.id)/rosters",
                token: token,
                json: #"{"start_date":"2027-02-01","days":7,"seed":4}"#
            )
            #expect(other.status == .created, "\(other.text)")
            let drafts = [world.roster.id, try other.json(RosterDTO.self).id]
            // when
            let statuses = try await Self.atOnce(
                drafts.map { id in { try await api(app, .POST, "/api/v1/rosters/\(id)/publish", token: token) } }
            )
            // then: both went through in turn; the later one replaced the earlier, audited
            #expect(statuses == [.ok, .ok])
            let rosters = try await Roster.query(on: app.db).filter(\.$id ~~ drafts).all()
            #expect(rosters.filter { $0.status == "published" }.count == 1)
            #expect(rosters.filter { $0.status == "replaced" }.count == 1)
            let replaced = try #require(rosters.first { $0.status == "replaced" }?.id)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "roster")
                .filter(\.$entityID == replaced.uuidString).filter(\.$action == "update").all()
            #expect(entries.filter { $0.changes.contains("replaced") }.count == 1)
        }
    }

    @Test("renames of one area sent at once leave one current version", arguments: Lane.concurrent)
    func renames(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let province = try await OrganisationTests.province(app)
            let area = province.communeA
            // when
            let statuses = try await Self.atOnce(
                (1...4).map { index in
                    {
                        try await api(
                            app,
                            .POST,
                            "/api/v1/areas/\(area.id)/rename",
                            token: province.adminToken,
                            json: #"{"name":"Xã Hòa An \#(index)","effective_date":"2027-01-01"}"#
                        )
                    }
                }
            )
            // then
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .unprocessableEntity || $0 == .notFound }, "\(statuses)")
            let current = try await Area.query(on: app.db).filter(\.$code == area.code).filter(\.$validTo == nil).all()
            #expect(current.count == 1)
            let periods = try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == province.unitA.id)
                .filter(\.$validTo == nil).all()
            #expect(periods.map(\.areaID) == [try #require(current.first?.id)])
        }
    }

    @Test(
        "units created at once with one code: one is made, the others are told the code is taken",
        arguments: Lane.concurrent
    )
    func unitCodes(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let province = try await OrganisationTests.province(app)
            // when
            let statuses = try await Self.atOnce(
                (1...4).map { index in
                    {
                        try await api(
                            app,
                            .POST,
                            "/api/v1/units",
                            token: province.adminToken,
                            json:
                                #"{"code":"TRUNG","name":"Trường số \#(index)","kind":"school","area_id":"\#(province.communeA.id)","address":"Số \#(index)"}"#
                        )
                    }
                }
            )
            // then
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 3, "\(statuses)")
            #expect(try await OrgUnit.query(on: app.db).filter(\.$code == "TRUNG").count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "unit").count() == 4)
        }
    }
    @Test(
        "bodies, sites and staff sent at once with one code or one account: one is made, the others are refused",
        arguments: Lane.concurrent
    )
    func otherKeys(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let province = try await OrganisationTests.province(app)
            let admin = province.adminToken
            let account = try await Fixtures.user(
                "bv_a",
                role: .dutyOfficer,
                scope: .unit(province.unitA.id, in: AreaPath(province.communeA.path)!),
                on: app.db
            )
            func post(
                _ path: String,
                _ json: @escaping @Sendable (Int) -> String
            )
                -> [@Sendable () async throws
                -> TestingHTTPResponse]
            {
                (1...3).map { index in { try await api(app, .POST, path, token: admin, json: json(index)) } }
            }
            // when
            let bodies = try await Self.atOnce(
                post("/api/v1/bodies") {
                    #"{"code":"CA-X","name":"Công an xã \#($0)","kind":"police","area_id":"\#(province.communeA.id)"}"#
                }
            )
            let sites = try await Self.atOnce(
                post("/api/v1/units/\(province.unitA.id)/sites") {
                    #"{"code":"C1","name":"Cổng \#($0)","kind":"gate"}"#
                }
            )
            let staff = try await Self.atOnce(
                post("/api/v1/staff") {
                    #"{"unit_id":"\#(province.unitA.id)","full_name":"Bảo vệ \#($0)","position":"Bảo vệ","account":"bv_a"}"#
                }
            )
            // then
            for statuses in [bodies, sites, staff] {
                #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == .unprocessableEntity }.count == 2, "\(statuses)")
            }
            #expect(try await SupervisingBody.query(on: app.db).filter(\.$code == "CA-X").count() == 1)
            #expect(try await Site.query(on: app.db).filter(\.$code == "C1").count() == 1)
            #expect(try await StaffMember.query(on: app.db).filter(\.$userID == account.id).count() == 1)
        }
    }

    @Test("a check-in sent several times at once is taken once; the others are told so", arguments: Lane.concurrent)
    func checkIns(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the day officer's shift of 2 February is open
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let token = try await watch.token(app, try await watch.holder(app, "2027-02-02", "D", "officer"))
            clock.set(DutyWatchTests.at(2, 7))
            // when
            let statuses = try await Self.atOnce(
                (1...4).map { _ in { try await api(app, .POST, "/api/v1/duty/check-in", token: token) } }
            )
            // then
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 3, "\(statuses)")
            #expect(try await DutyCheckIn.query(on: app.db).count() == 1)
            #expect(try await RosterWorld.auditCount("duty_checkin", on: app.db) == 1)
        }
    }
}
