import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Goods and vehicles at the gate on both databases: a release note approved by a staff member the unit names
/// (never its drafter), let out once and only once approved, with nothing written by a refusal; the vehicle log by
/// plate; another unit's or province's notes and vehicles 404 on every route; the sổ xuất–nhập in print; the purge
/// of carriers' and drivers' data past the retention.
@Suite("Gate goods and vehicles")
struct GateGoodsTests {
    struct World {
        var gate: GateTests.World
        /// Staff of unit A named approvers: Nguyễn Văn Đức (the head's account) and Phạm An Ninh (the officer's).
        var approvers: [UUID]

        var unitA: UUID { gate.unitA }
        func token(_ name: String) -> String { gate.token(name) }
    }

    /// Gate's world, the head of unit B, and unit A's approvers named by its head on the approvers' page.
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
        let duc = try #require(try await StaffMember.find(gate.province.ducA.id, on: app.db))
        duc.userID = gate.ids["tt_a"]
        try await duc.save(on: app.db)
        let officer = try await api(
            app,
            .POST,
            "/api/v1/staff",
            token: gate.province.adminToken,
            json: #"{"unit_id":"\#(gate.unitA)","full_name":"Phạm An Ninh","position":"Cán bộ an ninh"}"#
        ).json(StaffDTO.self)
        let member = try #require(try await StaffMember.find(officer.id, on: app.db))
        member.userID = gate.ids["antt_a"]
        try await member.save(on: app.db)
        var head = Browser(app)
        _ = try await head.signIn("tt_a")
        for staff in [duc, member] {
            let added = try await head.post(
                SiteURL.gateGoods(.approvers).path,
                form: ["staff_id": try staff.requireID().uuidString]
            )
            #expect(added.status == .seeOther, "\(added.text)")
        }
        return World(gate: gate, approvers: [try duc.requireID(), officer.id])
    }

    struct NoteBody: Decodable {
        struct Item: Decodable {
            var description: String
            var quantity: String
            var unit: String?
        }
        var id: UUID
        var carrierName: String?
        var vehiclePlate: String?
        var items: [Item]
        var status: String
        var statusText: String
        var decidedBy: String?
        var releasedBy: String?
    }

    static let note =
        #"{"carrier_name":"Phạm Văn Chở","carrier_document":"079190001111","vehicle_plate":"51c-678.90","#
        + #""items":[{"description":"Máy tính xách tay Dell","quantity":2,"unit":"chiếc"},"#
        + #"{"description":"Dây cáp","quantity":2.5,"unit":"mét"}],"reason":"Mang đi bảo hành"}"#

    static func draft(
        _ app: Application,
        _ world: World,
        as name: String = "antt_a",
        json: String = note
    )
        async throws -> TestingHTTPResponse
    {
        try await api(app, .POST, "/api/v1/gate/release-notes", token: world.token(name), json: json)
    }

    static func post(
        _ app: Application,
        _ world: World,
        _ path: String,
        as name: String,
        json: String? = nil
    )
        async throws -> TestingHTTPResponse
    {
        try await api(app, .POST, path, token: world.token(name), json: json)
    }

    /// What a refused write would have left behind.
    static func written(_ app: Application) async throws -> [Int] {
        [
            try await AuditEntry.query(on: app.db).count(),
            try await Outbox.events(after: 0, limit: 10_000, on: app.db).count,
            try await ReleaseNote.query(on: app.db).filter(\.$status == "released").count(),
            try await VehiclePass.query(on: app.db).count(),
        ]
    }

    @Test(
        "a note drafted by one approver is approved by another, let out once; self-approval and release before approval are refused, writing nothing",
        arguments: Lane.all
    )
    func approvalFlow(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let drafted = try await Self.draft(app, world)
            #expect(drafted.status == .created, "\(drafted.text)")
            let note = try drafted.json(NoteBody.self)
            #expect(note.status == "pending" && note.statusText == "Chờ duyệt")
            #expect(note.vehiclePlate == "51C-678.90" && note.items.map(\.quantity) == ["2", "2,5"])
            let told = try await InboxNotification.query(on: app.db).filter(\.$entityID == note.id).all()
            #expect(told.map(\.accountID) == [world.gate.ids["tt_a"]!], "the other approver is told, not the drafter")
            let base = "/api/v1/gate/release-notes/\(note.id)"
            // when: the drafter approves their own note, a guard who is no approver approves, the gate lets it out
            let before = try await Self.written(app)
            let own = try await Self.post(app, world, base + "/approve", as: "antt_a")
            let guardApproves = try await Self.post(app, world, base + "/approve", as: "bv_a")
            let early = try await Self.post(app, world, base + "/release", as: "bv_a")
            // then
            #expect(own.status == .unprocessableEntity && own.text.contains("không được tự duyệt"), "\(own.text)")
            #expect(try own.json(ErrorBody.self).error.fields.map(\.field) == ["note"])
            #expect(guardApproves.status == .forbidden)
            #expect(early.status == .unprocessableEntity && early.text.contains("phiếu chưa được duyệt"))
            #expect(try early.json(ErrorBody.self).error.fields.map(\.field) == ["note"])
            #expect(try await Self.written(app) == before, "nothing written")
            // the other approver approves; the drafter is told; the gate lets it out once
            let approved = try await Self.post(app, world, base + "/approve", as: "tt_a")
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json(NoteBody.self).decidedBy == "Nguyễn Văn Đức")
            #expect(
                try await InboxNotification.query(on: app.db).filter(\.$accountID == world.gate.ids["antt_a"]!).count()
                    == 1
            )
            #expect(try await Self.post(app, world, base + "/approve", as: "tt_a").status == .unprocessableEntity)
            let released = try await Self.post(app, world, base + "/release", as: "bv_a")
            #expect(released.status == .ok, "\(released.text)")
            let out = try released.json(NoteBody.self)
            #expect(out.status == "released" && out.statusText == "Đã ra cổng" && out.releasedBy == "Trần Văn Gác")
            let afterRelease = try await Self.written(app)
            let twice = try await Self.post(app, world, base + "/release", as: "le_tan_a")
            #expect(twice.status == .unprocessableEntity && twice.text.contains("đã ra cổng lúc"), "\(twice.text)")
            #expect(try await Self.written(app) == afterRelease)
            // a refusal needs its reason; a refused note cannot go out
            let second = try await Self.draft(app, world, as: "le_tan_a").json(NoteBody.self)
            let secondBase = "/api/v1/gate/release-notes/\(second.id)"
            let noReason = try await Self.post(app, world, secondBase + "/refuse", as: "antt_a", json: "{}")
            #expect(try noReason.json(ErrorBody.self).error.fields.map(\.field) == ["refusal_reason"])
            let refused = try await Self.post(
                app,
                world,
                secondBase + "/refuse",
                as: "antt_a",
                json: #"{"refusal_reason":"Tài sản cố định, cần biên bản bàn giao"}"#
            )
            #expect(try refused.json(NoteBody.self).statusText == "Từ chối")
            let refusedOut = try await Self.post(app, world, secondBase + "/release", as: "bv_a")
            #expect(refusedOut.status == .unprocessableEntity && refusedOut.text.contains("đã bị từ chối"))
            #expect(try await ReleaseNote.query(on: app.db).filter(\.$status == "released").count() == 1)
        }
    }

    @Test("bad input to a note is a 422 naming each field, and writes nothing", arguments: Lane.all)
    func badNote(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let cases: [(String, [String])] = [
                (#"{"items":[],"reason":"x"}"#, ["carrier_name", "items"]),
                (
                    #"{"carrier_name":"A","items":[{"description":"Bàn","quantity":0},{"quantity":1}],"reason":"x"}"#,
                    ["items.0", "items.1"]
                ),
                (
                    #"{"carrier_name":"A","items":[{"description":"Bàn"}],"reason":"x","expected_date":"01/01/2020"}"#,
                    ["expected_date"]
                ),
                (
                    #"{"carrier_name":"A","vehicle_plate":"--","items":[{"description":"Bàn"}]}"#,
                    ["vehicle_plate", "reason"]
                ),
                (#"{"carrier_name":"A","items":[],"colour":"đỏ"}"#, ["colour"]),
            ]
            for (json, fields) in cases {
                // when
                let response = try await Self.draft(app, world, json: json)
                // then
                #expect(response.status == .unprocessableEntity, "\(json): \(response.text)")
                #expect(
                    Set(try response.json(ErrorBody.self).error.fields.map(\.field)) == Set(fields),
                    "\(json) \(response.text)"
                )
            }
            #expect(try await ReleaseNote.query(on: app.db).count() == 0)
        }
    }

    struct VehicleBody: Decodable {
        var id: UUID
        var plate: String?
        var kind: String
        var inside: Bool
    }

    struct InsideVehicles: Decodable {
        var count: Int
        var vehicles: [VehicleBody]
    }

    @Test(
        "a vehicle checks in by plate once until it is out; a vehicle not inside cannot check out",
        arguments: Lane.all
    )
    func vehicles(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            func checkIn(_ json: String, as name: String = "bv_a") async throws -> TestingHTTPResponse {
                try await Self.post(
                    app,
                    world,
                    "/api/v1/gate/vehicles",
                    as: name,
                    json: #"{"unit_id":"\#(world.unitA)",\#(json)}"#
                )
            }
            // when
            let first = try await checkIn(#""plate":"51a-123.45","driver_name":"Lê Văn Lái","kind":"xe_tai""#)
            // then
            #expect(first.status == .created, "\(first.text)")
            let car = try first.json(VehicleBody.self)
            #expect(car.plate == "51A-123.45" && car.kind == "xe_tai" && car.inside)
            let before = try await Self.written(app)
            let again = try await checkIn(#""plate":"51A 123 45","driver_name":"Lê Văn Lái""#)
            #expect(again.status == .unprocessableEntity && again.text.contains("đang ở trong đơn vị"), "\(again.text)")
            #expect(try again.json(ErrorBody.self).error.fields.map(\.field) == ["plate"])
            let bad = try await checkIn(#""plate":"!!","kind":"tau","driver_name":"""#)
            #expect(Set(try bad.json(ErrorBody.self).error.fields.map(\.field)) == ["plate", "kind", "driver_name"])
            #expect(try await Self.written(app) == before)
            let inside = try await api(app, .GET, "/api/v1/gate/vehicles", token: world.token("le_tan_a"))
                .json(InsideVehicles.self)
            #expect(inside.count == 1 && inside.vehicles.first?.plate == "51A-123.45")
            // out, out again refused naming the vehicle, in again
            let path = "/api/v1/gate/vehicles/\(car.id)/check-out"
            #expect(try await Self.post(app, world, path, as: "le_tan_a").json(VehicleBody.self).inside == false)
            let outAgain = try await Self.post(app, world, path, as: "bv_a")
            #expect(outAgain.status == .unprocessableEntity && outAgain.text.contains("xe không còn ở trong đơn vị"))
            #expect(try outAgain.json(ErrorBody.self).error.fields.map(\.field) == ["vehicle"])
            #expect(try await checkIn(#""plate":"51A12345","driver_name":"Lê Văn Lái""#).status == .created)
            // with a visitor inside the unit; another unit's visit is refused
            let visit = try await GateTests.checkIn(app, world.gate, json: GateTests.visitor).json(
                GateTests.VisitBody.self
            )
            let withVisit = try await checkIn(
                #""plate":"29B1-555.66","driver_name":"Hoàng Thị Khách","visit_id":"\#(visit.id)""#
            )
            #expect(withVisit.status == .created, "\(withVisit.text)")
            let unknownVisit = try await checkIn(#""plate":"30K-1","driver_name":"A","visit_id":"\#(UUID())""#)
            #expect(try unknownVisit.json(ErrorBody.self).error.fields.map(\.field) == ["visit_id"])
        }
    }
}
