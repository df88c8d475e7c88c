import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Custody of equipment over the API on both databases: a baton issued to a trained guard with the head's approval,
/// handed over, received by the holder's own account and returned damaged; each custody rule refused naming its
/// field with nothing written; another unit's or province's issues 404; the overdue flag and its job; two issues of
/// one item sent at once.
@Suite("Equipment custody")
struct EquipmentCustodyTests {
    struct World {
        var gate: GateTests.World
        /// Trần Văn Gác, a guard of unit A signing in as bv_a, trained for support tools until 2030.
        var holder: UUID
        var baton: UUID
        var radio: UUID
        /// 10 spare cartridges, counted.
        var rounds: UUID
        var officer: Principal

        var unitA: UUID { gate.unitA }
        var clock: TestClock { gate.clock }
        func token(_ name: String) -> String { gate.token(name) }
    }

    static func world(_ app: Application, clock: TestClock) async throws -> World {
        var gate = try await GateTests.world(app, clock: clock)
        let areaB = AreaPath(gate.province.communeB.path)!
        let headB = try await Fixtures.user(
            "tt_b",
            role: .unitHead,
            scope: .unit(gate.unitB, in: areaB),
            displayName: "Đặng Thủ Trưởng Bê",
            on: app.db
        )
        gate.tokens["tt_b"] = try await Fixtures.token(for: headB, app: app)
        let holder = try await staff(app, gate, "Trần Văn Gác", account: gate.ids["bv_a"])
        let certified = try await api(
            app,
            .POST,
            "/api/v1/equipment/certificates",
            token: gate.token("antt_a"),
            json:
                #"{"staff_id":"\#(holder)","category":"support_tool","number":"CN-01/2025","issuer":"Phòng PC06 Công an tỉnh","issued_on":"01/01/2025","valid_until":"31/12/2030"}"#
        )
        #expect(certified.status == .created, "\(certified.text)")
        let officer = Principal(
            id: gate.ids["antt_a"]!,
            username: "antt_a",
            displayName: "Phạm An Ninh",
            role: .unitSecurityOfficer,
            scope: .unit(gate.unitA, in: AreaPath(gate.province.communeA.path)!),
            language: nil,
            sessionID: nil
        )
        let baton = try await item(app, officer, gate.unitA, kind: "electric_baton", serial: "DC-01")
        let radio = try await item(app, officer, gate.unitA, kind: "radio", serial: "BD-01")
        let rounds = try await item(app, officer, gate.unitA, kind: "cartridges", quantity: 10)
        return World(gate: gate, holder: holder, baton: baton, radio: radio, rounds: rounds, officer: officer)
    }

    static func staff(
        _ app: Application,
        _ gate: GateTests.World,
        _ name: String,
        account: UUID? = nil
    ) async throws
        -> UUID
    {
        let created = try await api(
            app,
            .POST,
            "/api/v1/staff",
            token: gate.province.adminToken,
            json: #"{"unit_id":"\#(gate.unitA)","full_name":"\#(name)","position":"Bảo vệ"}"#
        ).json(StaffDTO.self)
        if let account {
            let member = try #require(try await StaffMember.find(created.id, on: app.db))
            member.userID = account
            try await member.save(on: app.db)
        }
        return created.id
    }

    static func item(
        _ app: Application,
        _ officer: Principal,
        _ unit: UUID,
        kind: String,
        serial: String? = nil,
        quantity: Int? = nil,
        post: String? = nil
    ) async throws -> UUID {
        let input = EquipmentInput(unitID: unit, kind: kind, serial: serial, post: post, quantity: quantity)
        return try await EquipmentRegistry.create(input, by: officer, on: app).requireID()
    }

    struct CustodyBody: Decodable {
        var id: UUID
        var status: String
        var statusText: String
        var overdue: Bool
        var holderName: String
        var quantity: Int
        var decidedBy: String?
        var returnCondition: String?
    }

    struct ListBody: Decodable {
        var count: Int
        var overdue: Int
        var custodies: [CustodyBody]
    }

    static func request(
        _ app: Application,
        _ world: World,
        as name: String = "antt_a",
        item: UUID,
        staff: UUID? = nil,
        quantity: Int? = nil,
        due: TimeInterval = 8 * 3_600
    ) async throws -> TestingHTTPResponse {
        let dueText = ISO8601DateFormatter().string(from: world.clock.now().addingTimeInterval(due))
        var json =
            #"{"item_id":"\#(item)","staff_id":"\#(staff ?? world.holder)","reason":"Tuần tra ca đêm","#
            + #""expected_return_at":"\#(dueText)""#
        if let quantity { json += #","quantity":\#(quantity)"# }
        return try await api(app, .POST, "/api/v1/equipment/custody", token: world.token(name), json: json + "}")
    }

    static func post(
        _ app: Application,
        _ world: World,
        _ path: String,
        as name: String,
        json: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await api(app, .POST, path, token: world.token(name), json: json)
    }

    /// Issues `item` all the way: requested, approved by the head if needed, handed over, received by the holder.
    static func issue(
        _ app: Application,
        _ world: World,
        item: UUID,
        due: TimeInterval = 8 * 3_600
    ) async throws
        -> UUID
    {
        let custody = try await request(app, world, item: item, due: due).json(CustodyBody.self)
        let base = "/api/v1/equipment/custody/\(custody.id)"
        if custody.status == "pending" {
            #expect(try await post(app, world, base + "/approve", as: "tt_a").status == .ok)
        }
        #expect(try await post(app, world, base + "/hand", as: "antt_a").status == .ok)
        let received = try await post(app, world, base + "/receive", as: "bv_a")
        #expect(received.status == .ok, "\(received.text)")
        return custody.id
    }

    /// What a refused write would have left behind.
    static func written(_ app: Application) async throws -> [Int] {
        [
            try await AuditEntry.query(on: app.db).count(),
            try await Outbox.events(after: 0, limit: 10_000, on: app.db).count,
            try await EquipmentCustody.query(on: app.db).count(),
            try await EquipmentCertificate.query(on: app.db).count(),
            try await InboxNotification.query(on: app.db).count(),
        ]
    }

    static func fields(_ response: TestingHTTPResponse) throws -> [String] {
        try response.json(ErrorBody.self).error.fields.map(\.field)
    }

    @Test(
        "a baton is issued with the head's approval, handed over, received by the holder and returned damaged; each step by the wrong side is refused",
        arguments: Lane.all
    )
    func issueAndReturn(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            // when: the security officer asks for the baton for the guard
            let requested = try await Self.request(app, world, item: world.baton)
            // then: it waits for the head, who is told
            #expect(requested.status == .created, "\(requested.text)")
            let custody = try requested.json(CustodyBody.self)
            #expect(custody.status == "pending" && custody.statusText == "Chờ thủ trưởng duyệt")
            let told = try await InboxNotification.query(on: app.db).filter(\.$entityID == custody.id).all()
            #expect(told.map(\.accountID) == [world.gate.ids["tt_a"]!])
            let base = "/api/v1/equipment/custody/\(custody.id)"
            // when: handed over before approval, approved by the officer (not a head)
            let before = try await Self.written(app)
            let early = try await Self.post(app, world, base + "/hand", as: "antt_a")
            let officerApproves = try await Self.post(app, world, base + "/approve", as: "antt_a")
            // then
            #expect(early.status == .unprocessableEntity && early.text.contains("chưa được thủ trưởng duyệt"))
            #expect(try Self.fields(early) == ["custody"])
            #expect(officerApproves.status == .forbidden)
            #expect(try await Self.written(app) == before)
            // when: the head approves, the officer hands it over
            let approved = try await Self.post(app, world, base + "/approve", as: "tt_a").json(CustodyBody.self)
            #expect(approved.status == "approved" && approved.decidedBy == "Lê Thị Thủ Trưởng")
            #expect(try await Self.post(app, world, base + "/hand", as: "antt_a").status == .ok)
            // then: only the holder confirms receipt
            let notHolder = try await Self.post(app, world, base + "/receive", as: "antt_a")
            #expect(try notHolder.status == .unprocessableEntity && (try Self.fields(notHolder)) == ["staff"])
            #expect(try await EquipmentItem.find(world.baton, on: app.db)?.status == "in_store")
            let received = try await Self.post(app, world, base + "/receive", as: "bv_a").json(CustodyBody.self)
            #expect(received.status == "issued")
            let out = try #require(try await EquipmentItem.find(world.baton, on: app.db))
            #expect(out.status == "issued" && out.holderStaffID == world.holder)
            // who holds what: the unit's list, the holder's own, and the person's
            let list = try await api(app, .GET, "/api/v1/equipment/custody", token: world.token("antt_a"))
                .json(ListBody.self)
            #expect(list.count == 1 && list.custodies.first?.holderName == "Trần Văn Gác" && list.overdue == 0)
            let own = try await api(app, .GET, "/api/v1/equipment/custody", token: world.token("bv_a")).json(
                ListBody.self
            )
            #expect(own.count == 1)
            let person = try await api(
                app,
                .GET,
                "/api/v1/equipment/custody?staff=\(world.holder)",
                token: world.token("tt_a")
            ).json(ListBody.self)
            #expect(person.count == 1)
            let other = try await api(app, .GET, "/api/v1/equipment/custody", token: world.token("le_tan_a"))
                .json(ListBody.self)
            #expect(other.count == 0, "a receptionist with no staff record sees nothing")
            // when: returned damaged
            let returned = try await Self.post(
                app,
                world,
                base + "/return",
                as: "antt_a",
                json: #"{"condition":"damaged","note":"Gãy đầu tiếp điện"}"#
            )
            // then: the item goes under repair, nobody holds it
            #expect(returned.status == .ok, "\(returned.text)")
            #expect(try returned.json(CustodyBody.self).returnCondition == "damaged")
            let back = try #require(try await EquipmentItem.find(world.baton, on: app.db))
            #expect(back.status == "under_repair" && back.holderStaffID == nil)
            // when: returned a second time
            let after = try await Self.written(app)
            let twice = try await Self.post(app, world, base + "/return", as: "antt_a", json: #"{"condition":"good"}"#)
            // then
            #expect(twice.status == .unprocessableEntity && twice.text.contains("đã trả lúc"), "\(twice.text)")
            #expect(try Self.fields(twice) == ["custody"])
            #expect(try await Self.written(app) == after)
            #expect(try await EquipmentItem.find(world.baton, on: app.db)?.status == "under_repair")
        }
    }

    @Test(
        "an item already out, lost or under repair, a holder without a valid certificate, self-approval, a bad quantity or return time: refused naming the field, nothing written",
        arguments: Lane.all
    )
    func rules(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let radioIssue = try await Self.issue(app, world, item: world.radio)
            #expect(try await EquipmentCustody.find(radioIssue, on: app.db)?.status == "issued")
            let lost = try await Self.item(app, world.officer, world.unitA, kind: "rubber_baton", serial: "CS-02")
            let lostItem = try #require(try await EquipmentItem.find(lost, on: app.db))
            lostItem.status = EquipmentStatus.lost.rawValue
            try await lostItem.save(on: app.db)
            let repaired = try await Self.item(app, world.officer, world.unitA, kind: "rubber_baton", serial: "CS-03")
            try await EquipmentRegistry.setStatus(repaired, to: "under_repair", by: world.officer, on: app)
            let untrained = world.gate.province.ducA.id
            let expired = try await Self.staff(app, world.gate, "Lê Văn Hết Hạn")
            let onlyRubber = try await Self.staff(app, world.gate, "Vũ Văn Cao Su")
            for (staff, kind, until) in [(expired, "", "31/12/2025"), (onlyRubber, "rubber_baton", "")] {
                let added = try await api(
                    app,
                    .POST,
                    "/api/v1/equipment/certificates",
                    token: world.token("antt_a"),
                    json:
                        #"{"staff_id":"\#(staff)","category":"support_tool","kind":"\#(kind)","number":"CN-9","issuer":"PC06","issued_on":"01/01/2024","valid_until":"\#(until)"}"#
                )
                #expect(added.status == .created, "\(added.text)")
            }
            // the head asks for the baton and would approve it themselves
            let headRequest = try await Self.request(app, world, as: "tt_a", item: world.baton)
            let headCustody = try headRequest.json(CustodyBody.self)
            let before = try await Self.written(app)
            // when
            let selfApproval = try await Self.post(
                app,
                world,
                "/api/v1/equipment/custody/\(headCustody.id)/approve",
                as: "tt_a"
            )
            let cases: [(String, TestingHTTPResponse, String)] = [
                ("item", try await Self.request(app, world, item: world.radio), "đang cấp phát"),
                ("item", try await Self.request(app, world, item: world.baton), "đã có đề nghị cấp"),
                ("item", try await Self.request(app, world, item: lost), "bị mất"),
                ("item", try await Self.request(app, world, item: repaired), "đang sửa chữa"),
                (
                    "staff", try await Self.request(app, world, item: world.rounds, staff: untrained),
                    "không có chứng nhận huấn luyện"
                ),
                (
                    "staff", try await Self.request(app, world, item: world.rounds, staff: expired),
                    "không có chứng nhận huấn luyện"
                ),
                (
                    "staff",
                    try await Self.request(
                        app,
                        world,
                        item: try await Self.item(
                            app,
                            world.officer,
                            world.unitA,
                            kind: "electric_baton",
                            serial: "DC-9"
                        ),
                        staff: onlyRubber
                    ),
                    "không có chứng nhận huấn luyện"
                ),
                (
                    "quantity", try await Self.request(app, world, item: world.rounds, quantity: 11),
                    "vượt số còn trong kho"
                ),
                ("quantity", try await Self.request(app, world, item: world.rounds, quantity: -1), "phải lớn hơn 0"),
                ("quantity", try await Self.request(app, world, item: world.rounds, quantity: 0), "phải lớn hơn 0"),
                (
                    "expected_return_at", try await Self.request(app, world, item: world.rounds, due: -3_600),
                    "phải sau lúc này"
                ),
            ]
            // then
            #expect(selfApproval.status == .unprocessableEntity && selfApproval.text.contains("không được tự duyệt"))
            #expect(try Self.fields(selfApproval) == ["custody"])
            for (field, response, words) in cases {
                #expect(response.status == .unprocessableEntity, "\(field): \(response.text)")
                #expect(try Self.fields(response).contains(field), "\(field): \(response.text)")
                #expect(response.text.contains(words), "\(field): \(response.text)")
            }
            // The item made for the kind-specific case wrote its own audit entry and event: two rows each.
            var expected = before
            expected[0] += 1
            expected[1] += 1
            #expect(try await Self.written(app) == expected)
            // A certificate whose end precedes its start names valid_until.
            let backwards = try await api(
                app,
                .POST,
                "/api/v1/equipment/certificates",
                token: world.token("antt_a"),
                json:
                    #"{"staff_id":"\#(untrained)","category":"weapon","number":"CN-X","issuer":"PC06","issued_on":"01/06/2026","valid_until":"01/01/2026"}"#
            )
            #expect(try backwards.status == .unprocessableEntity && (try Self.fields(backwards)) == ["valid_until"])
            #expect(try await Self.written(app) == expected)
            // A quantity within the stock is accepted.
            let stock = try await Self.request(app, world, item: world.rounds, quantity: 4)
            #expect(try stock.status == .created && (try stock.json(CustodyBody.self).quantity) == 4)
        }
    }

    @Test(
        "another unit's head, a unit's receptionist of another unit and another province's police get 404",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let custody = try await Self.request(app, world, item: world.baton).json(CustodyBody.self)
            let base = "/api/v1/equipment/custody/\(custody.id)"
            let certificate = try #require(try await EquipmentCertificate.query(on: app.db).first())
            let before = try await Self.written(app)
            // when
            let reads = [
                try await api(app, .GET, base, token: world.token("le_tan_b")),
                try await api(app, .GET, base, token: world.token("tt_b")),
                try await api(app, .GET, base, token: world.token("ca_khac")),
            ]
            let writes = [
                try await Self.post(app, world, base + "/approve", as: "tt_b"),
                try await Self.post(app, world, base + "/refuse", as: "tt_b", json: #"{"refusal_reason":"Không"}"#),
                try await Self.post(app, world, base + "/hand", as: "tt_b"),
                try await Self.post(app, world, base + "/receive", as: "tt_b"),
                try await Self.post(app, world, base + "/return", as: "tt_b", json: #"{"condition":"good"}"#),
                try await Self.request(app, world, as: "tt_b", item: world.radio),
                try await api(
                    app,
                    .DELETE,
                    "/api/v1/equipment/certificates/\(try certificate.requireID())",
                    token: world.token("tt_b")
                ),
            ]
            // then
            for response in reads + writes {
                #expect(response.status == .notFound, "\(response.text)")
            }
            #expect(try await Self.written(app) == before)
            let province = try await api(app, .GET, base, token: world.token("ca_tinh"))
            #expect(province.status == .ok, "the province's police see the units of their area")
            for name in ["tt_b", "ca_khac"] {
                let list = try await api(app, .GET, "/api/v1/equipment/custody", token: world.token(name))
                #expect(try list.json(ListBody.self).count == 0)
                let certificates = try await api(app, .GET, "/api/v1/equipment/certificates", token: world.token(name))
                #expect(certificates.text.contains(#""count":0"#) || certificates.status == .forbidden)
            }
        }
    }

    @Test(
        "an item out past its expected return is flagged on the lists and told once to the custodians and head by the job",
        arguments: Lane.all
    )
    func overdue(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the radio is out for two hours
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.issue(app, world, item: world.radio, due: 2 * 3_600)
            let path = "/api/v1/equipment/custody/\(id)"
            #expect(try await api(app, .GET, path, token: world.token("bv_a")).json(CustodyBody.self).overdue == false)
            _ = try await JobRunner.runDue(app, now: clock.now())
            // when: three hours pass
            clock.advance(by: 3 * 3_600)
            // then: flagged on the holder's view and on the unit's list
            #expect(try await api(app, .GET, path, token: world.token("bv_a")).json(CustodyBody.self).overdue)
            let list = try await api(app, .GET, "/api/v1/equipment/custody", token: world.token("tt_a"))
                .json(ListBody.self)
            #expect(list.overdue == 1)
            // the province's police see the unit among those with items out too long; another province does not
            struct Oversight: Decodable {
                struct Out: Decodable {
                    var unitId: UUID
                    var items: Int
                }
                var outTooLong: [Out]
            }
            let oversight = "/api/v1/equipment/upkeep/oversight"
            let province = try await api(app, .GET, oversight, token: world.token("ca_tinh")).json(Oversight.self)
            #expect(province.outTooLong.map(\.unitId) == [world.gate.unitA] && province.outTooLong.first?.items == 1)
            let other = try await api(app, .GET, oversight, token: world.token("ca_khac")).json(Oversight.self)
            #expect(other.outTooLong.isEmpty)
            // when: the job runs
            _ = try await JobRunner.runDue(app, now: clock.now())
            _ = try await JobRunner.runDue(app, now: clock.now().addingTimeInterval(15 * 60))
            // then: the head and the security officer are told once
            let told = try await InboxNotification.query(on: app.db).filter(\.$entityID == id).all()
            let accounts = Set(told.map(\.accountID))
            #expect(accounts.contains(world.gate.ids["tt_a"]!) && accounts.contains(world.gate.ids["antt_a"]!))
            #expect(try await EquipmentCustody.find(id, on: app.db)?.overdueNotifiedAt != nil)
            _ = try await JobRunner.runDue(app, now: clock.now().addingTimeInterval(30 * 60))
            #expect(try await InboxNotification.query(on: app.db).filter(\.$entityID == id).count() == told.count)
        }
    }

    @Test(
        "two issues of one item sent at once: exactly one is recorded, the other names item",
        arguments: Lane.concurrent
    )
    func doubleIssue(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            // when
            let statuses = try await ConcurrentWritesTests.atOnce(
                (1...3).map { _ in { try await Self.request(app, world, item: world.radio) } }
            )
            // then
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 2, "\(statuses)")
            #expect(try await EquipmentCustody.query(on: app.db).filter(\.$itemID == world.radio).count() == 1)
        }
    }
}
