import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Goods and vehicles through the pages as a browser posts them, the sổ xuất–nhập in print, another scope's 404 on
/// every new route, and the nightly purge of carriers' and drivers' data.
@Suite("Gate goods and vehicles: pages, scopes, purge")
struct GateGoodsPagesTests {
    typealias World = GateGoodsTests.World

    /// A note drafted by the officer and approved by the head, and a vehicle checked in, over the API.
    static func approvedNoteAndVehicle(_ app: Application, _ world: World) async throws -> (UUID, UUID) {
        let note = try await GateGoodsTests.draft(app, world).json(GateGoodsTests.NoteBody.self)
        let approved = try await GateGoodsTests.post(
            app,
            world,
            "/api/v1/gate/release-notes/\(note.id)/approve",
            as: "tt_a"
        )
        #expect(approved.status == .ok, "\(approved.text)")
        let vehicle = try await GateGoodsTests.post(
            app,
            world,
            "/api/v1/gate/vehicles",
            as: "bv_a",
            json: #"{"unit_id":"\#(world.unitA)","plate":"51a-123.45","driver_name":"Lê Văn Lái","purpose":"Chở hàng"}"#
        )
        #expect(vehicle.status == .created, "\(vehicle.text)")
        return (note.id, try vehicle.json(GateGoodsTests.VehicleBody.self).id)
    }

    @Test(
        "the pages: a note drafted as a browser posts it, approved and let out; a vehicle in and out; the book prints",
        arguments: Lane.all
    )
    func pages(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await GateGoodsTests.world(app, clock: clock)
            var receptionist = Browser(app)
            _ = try await receptionist.signIn("le_tan_a")
            let desk = try await receptionist.get(SiteURL.gate(.desk).path).text
            #expect(desk.contains(SiteURL.gateGoods(.notes).path) && desk.contains(SiteURL.gateGoods(.book).path))
            let list = try await receptionist.get(SiteURL.gateGoods(.notes).path)
            #expect(list.status == .ok)
            let form = try #require(HTMLForms.forms(list.text).first { $0.action == SiteURL.gateGoods(.notes).path })
            // when: a quantity that is not a number, then the list as typed
            var values = form.submission { _ in "" }
            #expect(values["expected_date"] == VietnamTime.date(GateTests.start), "today by default")
            values["carrier_name"] = "Phạm Văn Chở"
            values["items"] = "Máy tính xách tay Dell | hai | chiếc"
            values["reason"] = "Mang đi bảo hành"
            let refused = try await receptionist.post(form.action, form: values, csrf: false)
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("dòng 1: số lượng phải là số lớn hơn 0"), "\(refused.text)")
            #expect(refused.text.contains("Phạm Văn Chở"), "what was typed is kept")
            values["items"] = "Máy tính xách tay Dell | 2 | chiếc\nBàn phím"
            let saved = try await receptionist.post(form.action, form: values, csrf: false)
            #expect(saved.status == .seeOther)
            let note = try #require(try await ReleaseNote.query(on: app.db).first())
            let id = try note.requireID()
            #expect(note.items == "Máy tính xách tay Dell | 2 | chiếc\nBàn phím | 1 | ")
            // the gate cannot let it out yet: the note page says why, beside nothing written
            var guardPhone = Browser(app)
            _ = try await guardPhone.signIn("bv_a")
            let early = try await guardPhone.post(SiteURL.gateGoods(.release(id)).path, form: [:])
            #expect(early.status == .unprocessableEntity && early.text.contains("phiếu chưa được duyệt"))
            // the head approves on the note's page; the gate sees it due today and lets it out
            var head = Browser(app)
            _ = try await head.signIn("tt_a")
            let page = try await head.get(SiteURL.gateGoods(.note(id)).path).text
            #expect(page.contains("Chờ duyệt") && page.contains(SiteURL.gateGoods(.approve(id)).path))
            #expect(try await head.post(SiteURL.gateGoods(.approve(id)).path, form: [:]).status == .seeOther)
            let due = try await guardPhone.get(SiteURL.gateGoods(.notes).path).text
            #expect(due.contains("Hàng được ra cổng hôm nay") && due.contains(SiteURL.gateGoods(.release(id)).path))
            #expect(try await guardPhone.post(SiteURL.gateGoods(.release(id)).path, form: [:]).status == .seeOther)
            let twice = try await guardPhone.post(SiteURL.gateGoods(.release(id)).path, form: [:])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("đã ra cổng lúc"))
            // a vehicle in through the page, twice refused beside the plate, then out
            let vehicles = try await guardPhone.get(SiteURL.gateGoods(.vehicles).path)
            let vehicleForm = try #require(
                HTMLForms.forms(vehicles.text).first { $0.action == SiteURL.gateGoods(.vehicles).path }
            )
            var car = vehicleForm.submission { _ in "" }
            car["plate"] = "51c-678.90"
            car["driver_name"] = "Lê Văn Lái"
            #expect(car["kind"] == "o_to")
            #expect(try await guardPhone.post(vehicleForm.action, form: car, csrf: false).status == .seeOther)
            let inAgain = try await guardPhone.post(vehicleForm.action, form: car, csrf: false)
            #expect(
                inAgain.status == .unprocessableEntity && inAgain.text.contains("xe biển số 51C-678.90 đang ở trong")
            )
            let pass = try #require(try await VehiclePass.query(on: app.db).first())
            let outPath = SiteURL.gateGoods(.vehicleCheckOut(try pass.requireID())).path
            #expect(try await guardPhone.post(outPath, form: [:]).status == .seeOther)
            let outAgain = try await guardPhone.post(outPath, form: [:])
            #expect(outAgain.status == .unprocessableEntity && outAgain.text.contains("xe không còn ở trong đơn vị"))
            // the sổ xuất–nhập: its own page with the administrative heading, names not ids, Vietnam's dates
            let book = try await guardPhone.get(SiteURL.gateGoods(.book).path).text
            #expect(book.contains("SỔ THEO DÕI XUẤT – NHẬP") && book.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            #expect(book.contains("Phạm Văn Chở") && book.contains("Máy tính xách tay Dell 2 chiếc; Bàn phím 1"))
            #expect(book.contains("Nguyễn Văn Đức") && book.contains("Trần Văn Gác") && book.contains("51C-678.90"))
            #expect(
                book.contains(VietnamTime.date(GateTests.start)) && book.contains(VietnamTime.time(GateTests.start))
            )
            #expect(!book.contains(id.uuidString.lowercased()) && !book.contains("<script>"))
            #expect(
                try await guardPhone.get(SiteURL.gateGoods(.book).path + "?from=32/01/2026").status
                    == .unprocessableEntity
            )
            let reads = try await VisitorDataRead.query(on: app.db).all().map(\.what)
            #expect(reads.contains("goods_book") && reads.contains("goods_page") && reads.contains("vehicles_page"))
        }
    }

    @Test(
        "another unit's or province's notes and vehicles are 404 on every new route, page and API",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await GateGoodsTests.world(app, clock: clock)
            let (note, vehicle) = try await Self.approvedNoteAndVehicle(app, world)
            let approver = try #require(try await ReleaseApprover.query(on: app.db).first()?.requireID())
            let api = "/api/v1/gate/release-notes/\(note)"
            // when / then: the API
            for name in ["le_tan_b", "tt_b", "ca_khac"] {
                #expect(
                    try await AnToanAppTests.api(app, .GET, api, token: world.token(name)).status == .notFound,
                    "\(name)"
                )
            }
            for (path, name, json) in [
                (api + "/approve", "tt_b", nil), (api + "/refuse", "tt_b", #"{"refusal_reason":"x"}"#),
                (api + "/release", "le_tan_b", nil), ("/api/v1/gate/vehicles/\(vehicle)/check-out", "le_tan_b", nil),
            ] as [(String, String, String?)] {
                #expect(
                    try await GateGoodsTests.post(app, world, path, as: name, json: json).status == .notFound,
                    "\(path)"
                )
            }
            let foreignCheckIn = try await GateGoodsTests.post(
                app,
                world,
                "/api/v1/gate/vehicles",
                as: "le_tan_b",
                json: #"{"unit_id":"\#(world.unitA)","plate":"30A-1","driver_name":"A"}"#
            )
            #expect(foreignCheckIn.status == .notFound)
            let listB = try await AnToanAppTests.api(
                app,
                .GET,
                "/api/v1/gate/release-notes",
                token: world.token("le_tan_b")
            )
            #expect(listB.status == .ok && !listB.text.contains("Phạm Văn Chở"))
            let carsB = try await AnToanAppTests.api(app, .GET, "/api/v1/gate/vehicles", token: world.token("le_tan_b"))
            #expect(carsB.status == .ok && !carsB.text.contains("51A-123.45"))
            // the province's authority reads its area's notes, and decides or lets out nothing
            #expect(try await AnToanAppTests.api(app, .GET, api, token: world.token("ca_tinh")).status == .ok)
            #expect(try await GateGoodsTests.post(app, world, api + "/approve", as: "ca_tinh").status == .forbidden)
            #expect(try await GateGoodsTests.post(app, world, api + "/release", as: "ca_tinh").status == .forbidden)
            // the pages
            var otherGate = Browser(app)
            _ = try await otherGate.signIn("le_tan_b")
            var otherHead = Browser(app)
            _ = try await otherHead.signIn("tt_b")
            #expect(try await otherGate.get(SiteURL.gateGoods(.note(note)).path).status == .notFound)
            #expect(try await otherHead.post(SiteURL.gateGoods(.approve(note)).path, form: [:]).status == .notFound)
            #expect(
                try await otherHead.post(SiteURL.gateGoods(.refuse(note)).path, form: ["refusal_reason": "x"]).status
                    == .notFound
            )
            #expect(try await otherGate.post(SiteURL.gateGoods(.release(note)).path, form: [:]).status == .notFound)
            #expect(
                try await otherGate.post(SiteURL.gateGoods(.vehicleCheckOut(vehicle)).path, form: [:]).status
                    == .notFound
            )
            #expect(
                try await otherGate.post(
                    SiteURL.gateGoods(.vehicles).path,
                    form: ["unit_id": world.unitA.uuidString, "plate": "30A-1", "driver_name": "A"]
                ).status == .notFound
            )
            #expect(
                try await otherHead.post(SiteURL.gateGoods(.approverRemove(approver)).path, form: [:]).status
                    == .notFound
            )
            let foreignStaff = try await otherHead.post(
                SiteURL.gateGoods(.approvers).path,
                form: ["staff_id": world.approvers[0].uuidString]
            )
            #expect(foreignStaff.status == .unprocessableEntity && foreignStaff.text.contains("không tìm thấy"))
            for path in [
                SiteURL.gateGoods(.notes).path, SiteURL.gateGoods(.vehicles).path, SiteURL.gateGoods(.book).path,
            ] {
                let page = try await otherGate.get(path)
                // (the form's label shows "51A-123.45" as its example: the driver's name stands for the vehicle)
                #expect(
                    page.status == .ok && !page.text.contains("Phạm Văn Chở") && !page.text.contains("Lê Văn Lái"),
                    "\(path)"
                )
            }
            #expect(try await ReleaseApprover.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "the nightly purge erases carriers' and drivers' data past the retention and keeps the counts",
        arguments: Lane.all
    )
    func purge(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: a note let out and a vehicle that never checked out, then a recent vehicle 80 days later
            let world = try await GateGoodsTests.world(app, clock: clock)
            let (note, vehicle) = try await Self.approvedNoteAndVehicle(app, world)
            let released = try await GateGoodsTests.post(
                app,
                world,
                "/api/v1/gate/release-notes/\(note)/release",
                as: "bv_a"
            )
            #expect(released.status == .ok)
            clock.advance(by: 80 * 86_400)
            let recent = try await GateGoodsTests.post(
                app,
                world,
                "/api/v1/gate/vehicles",
                as: "bv_a",
                json: #"{"unit_id":"\#(world.unitA)","plate":"29A-999.99","driver_name":"Đinh Văn Mới"}"#
            ).json(GateGoodsTests.VehicleBody.self)
            // when: past the default 90 days
            clock.advance(by: 11 * 86_400)
            try await VisitorData.purge(app: app, now: clock.now())
            // then
            let erased = try #require(try await ReleaseNote.find(note, on: app.db))
            #expect(erased.purgedAt != nil && erased.carrierName.isEmpty && erased.carrierDocument.isEmpty)
            #expect(erased.vehiclePlate.isEmpty && erased.status == "released" && erased.items.contains("Dell"))
            let pass = try #require(try await VehiclePass.find(vehicle, on: app.db))
            #expect(pass.purgedAt != nil && pass.plate.isEmpty && pass.plateKey.isEmpty && pass.driverName.isEmpty)
            #expect(pass.checkedOutAt != nil, "one never out is out by now, for the counts")
            #expect(try await VehiclePass.find(recent.id, on: app.db)?.driverName == "Đinh Văn Mới")
            #expect(try await VehiclePass.query(on: app.db).count() == 2)
            #expect(try await ReleaseNote.query(on: app.db).count() == 1)
            let everything = try await TipsTests.everyText(app)
            #expect(!everything.contains("Phạm Văn Chở") && !everything.contains("079190001111"))
            #expect(!everything.contains("Lê Văn Lái") && !everything.contains("51A-123.45"))
            // the note's page and the API say it was erased
            var head = Browser(app)
            _ = try await head.signIn("tt_a")
            #expect(try await head.get(SiteURL.gateGoods(.note(note)).path).text.contains("đã xóa theo thời hạn lưu"))
        }
    }
}
