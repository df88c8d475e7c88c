import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The equipment registry on both databases: items and counted stocks registered with their permits, every bad
/// field refused by name with nothing written, the status rules, and another unit's or province's items 404 on
/// every page and API address.
@Suite("Equipment registry")
struct EquipmentRegistryTests {
    struct World {
        var gate: GateTests.World
        var unitA: UUID { gate.unitA }
        func token(_ name: String) -> String { gate.token(name) }
    }

    /// Gate's world (unit A's officer antt_a, head tt_a, guard bv_a; the province's police ca_tinh, another
    /// province's ca_khac) and unit B's security officer antt_b.
    static func world(_ app: Application, clock: TestClock) async throws -> World {
        var gate = try await GateTests.world(app, clock: clock)
        let areaB = AreaPath(gate.province.communeB.path)!
        let officerB = try await Fixtures.user(
            "antt_b",
            role: .unitSecurityOfficer,
            scope: .unit(gate.unitB, in: areaB),
            displayName: "Đỗ An Ninh Bê",
            on: app.db
        )
        gate.tokens["antt_b"] = try await Fixtures.token(for: officerB, app: app)
        return World(gate: gate)
    }

    struct ItemBody: Decodable {
        struct Permit: Decodable {
            var id: UUID
            var number: String
            var validUntil: String?
        }
        var id: UUID
        var name: String
        var kindText: String
        var status: String
        var statusText: String
        var quantity: Int
        var belowMinimum: Bool
        var permits: [Permit]?
    }

    struct ListBody: Decodable {
        var total: Int
        var items: [ItemBody]
    }

    static let baton =
        #"{"kind":"rubber_baton","serial":"DC-0001","brand_model":"Tonfa T1","place":"Tủ công cụ hỗ trợ, phòng bảo vệ"}"#
    static let rounds = #"{"kind":"ammunition","quantity":120,"min_stock":200,"measure":"viên","owner":"self_defence"}"#

    static func register(
        _ app: Application,
        _ world: World,
        _ json: String,
        as name: String = "antt_a"
    )
        async throws -> TestingHTTPResponse
    {
        try await api(app, .POST, "/api/v1/equipment", token: world.token(name), json: json)
    }

    /// What a refused write would have left behind.
    static func written(_ app: Application) async throws -> [Int] {
        [
            try await AuditEntry.query(on: app.db).count(),
            try await Outbox.events(after: 0, limit: 10_000, on: app.db).count,
            try await EquipmentItem.query(on: app.db).count(),
            try await EquipmentPermit.query(on: app.db).count(),
        ]
    }

    @Test("an item and a counted stock are registered with a permit, counted after the writes", arguments: Lane.all)
    func register(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            // when
            let baton = try await Self.register(app, world, Self.baton)
            let rounds = try await Self.register(app, world, Self.rounds)
            // then
            #expect(baton.status == .created, "\(baton.text)")
            #expect(rounds.status == .created, "\(rounds.text)")
            let item = try baton.json(ItemBody.self)
            #expect(item.name == "Dùi cui cao su số DC-0001" && item.statusText == "Trong kho")
            let stock = try rounds.json(ItemBody.self)
            #expect(stock.quantity == 120 && stock.belowMinimum, "120 rounds are below the minimum of 200")
            // a use permit
            let permit = try await api(
                app,
                .POST,
                "/api/v1/equipment/\(item.id)/permits",
                token: world.token("antt_a"),
                json: #"{"kind":"use","number":"123/GP-CCHT","issuer":"Phòng Cảnh sát QLHC về TTXH","#
                    + #""issued_on":"01/03/2026","valid_until":"01/03/2031"}"#
            )
            #expect(permit.status == .created, "\(permit.text)")
            let shown = try await api(app, .GET, "/api/v1/equipment/\(item.id)", token: world.token("tt_a"))
            #expect(try shown.json(ItemBody.self).permits?.map(\.validUntil) == ["2031-03-01"])
            #expect(try await EquipmentItem.query(on: app.db).count() == 2)
            #expect(try await EquipmentPermit.query(on: app.db).count() == 1)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity ~~ ["equipment_item", "equipment_permit"])
                    .count() == 3
            )
            // the list, by category, for the unit and for the province's police
            let list = try await api(app, .GET, "/api/v1/equipment?category=support_tool", token: world.token("bv_a"))
            #expect(try list.json(ListBody.self).items.map(\.name) == ["Dùi cui cao su số DC-0001"])
            let area = try await api(app, .GET, "/api/v1/equipment", token: world.token("ca_tinh"))
            #expect(try area.json(ListBody.self).total == 2)
        }
    }

    @Test(
        "a negative quantity, a serial registered twice, an end before the start, an unknown kind: each named, nothing written",
        arguments: Lane.all
    )
    func badInput(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let item = try await Self.register(app, world, Self.baton).json(ItemBody.self)
            let before = try await Self.written(app)
            // when
            let negative = try await Self.register(app, world, #"{"kind":"ammunition","quantity":-5}"#)
            let twice = try await Self.register(app, world, Self.baton)
            let unknown = try await Self.register(app, world, #"{"kind":"cannon","post":"khong-co"}"#)
            let backwards = try await api(
                app,
                .POST,
                "/api/v1/equipment/\(item.id)/permits",
                token: world.token("antt_a"),
                json: #"{"kind":"use","number":"9/GP","issuer":"Công an tỉnh","issued_on":"01/03/2026","#
                    + #""valid_until":"01/02/2026"}"#
            )
            let issuedByHand = try await api(
                app,
                .POST,
                "/api/v1/equipment/\(item.id)/status",
                token: world.token("antt_a"),
                json: #"{"status":"issued"}"#
            )
            // then
            #expect(negative.status == .unprocessableEntity && negative.text.contains("không được là số âm"))
            #expect(try negative.json(ErrorBody.self).error.fields.map(\.field) == ["quantity"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("số hiệu đã có trong sổ"))
            #expect(try twice.json(ErrorBody.self).error.fields.map(\.field) == ["serial"])
            #expect(Set(try unknown.json(ErrorBody.self).error.fields.map(\.field)) == ["kind", "post"])
            #expect(backwards.status == .unprocessableEntity && backwards.text.contains("không được trước ngày cấp"))
            #expect(try backwards.json(ErrorBody.self).error.fields.map(\.field) == ["valid_until"])
            #expect(try issuedByHand.json(ErrorBody.self).error.fields.map(\.field) == ["status"])
            #expect(try await Self.written(app) == before, "nothing written")
            // in English on request
            let english = try await app.testing().sendRequest(
                .POST,
                "/api/v1/equipment",
                headers: [
                    "Authorization": "Bearer \(world.token("antt_a"))", "Content-Type": "application/json",
                    "Accept-Language": "en",
                ],
                body: ByteBuffer(string: #"{"kind":"ammunition","quantity":-5}"#)
            )
            #expect(english.body.string.contains("cannot be negative"), "\(english.body.string)")
        }
    }

    @Test(
        "a unit's items are 404 to another unit and to another province on every page and API address",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let item = try await Self.register(app, world, Self.baton).json(ItemBody.self)
            let permit = try await api(
                app,
                .POST,
                "/api/v1/equipment/\(item.id)/permits",
                token: world.token("antt_a"),
                json: #"{"kind":"use","number":"5/GP","issuer":"Công an tỉnh","issued_on":"01/03/2026"}"#
            ).json(ItemBody.Permit.self)
            let before = try await Self.written(app)
            for outsider in ["antt_b", "ca_khac"] {
                // when / then: the API
                let token = world.token(outsider)
                let reads = [
                    try await api(app, .GET, "/api/v1/equipment/\(item.id)", token: token),
                    try await api(app, .PUT, "/api/v1/equipment/\(item.id)", token: token, json: Self.baton),
                    try await api(
                        app,
                        .POST,
                        "/api/v1/equipment/\(item.id)/status",
                        token: token,
                        json: #"{"status":"under_repair"}"#
                    ),
                    try await api(
                        app,
                        .POST,
                        "/api/v1/equipment/\(item.id)/permits",
                        token: token,
                        json: #"{"kind":"use","number":"1","issuer":"X","issued_on":"01/01/2026"}"#
                    ),
                    try await api(app, .DELETE, "/api/v1/equipment/permits/\(permit.id)", token: token),
                ]
                for response in reads where outsider == "antt_b" {
                    #expect(response.status == .notFound, "\(outsider): \(response.status) \(response.text)")
                }
                #expect(reads[0].status == .notFound, "\(outsider) reads nothing")
                let list = try await api(app, .GET, "/api/v1/equipment", token: token)
                #expect(try list.json(ListBody.self).total == 0, "\(outsider) lists nothing")
            }
            // the pages, to unit B's officer
            var browser = Browser(app)
            _ = try await browser.signIn("antt_b")
            for path in [
                SiteURL.equipment(.item(item.id)).path, SiteURL.equipment(.edit(item.id)).path,
                SiteURL.equipment(.labels).path + "?item=\(item.id)",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound || !page.text.contains("DC-0001"), "\(path): \(page.status)")
            }
            for path in [
                SiteURL.equipment(.edit(item.id)).path, SiteURL.equipment(.status(item.id)).path,
                SiteURL.equipment(.permits(item.id)).path, SiteURL.equipment(.permitRemove(permit.id)).path,
            ] {
                let posted = try await browser.post(path, form: ["status": "under_repair", "kind": "rubber_baton"])
                #expect(posted.status == .notFound, "\(path): \(posted.status)")
            }
            #expect(try await Self.written(app) == before, "nothing written by the outsiders")
        }
    }

    @Test(
        "the pages: a form submitted as a browser does saves, the item page shows words, the labels carry QR codes",
        arguments: Lane.all
    )
    func pages(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let form = try #require(
                HTMLForms.forms(try await browser.get(SiteURL.equipment(.new).path).text).first {
                    $0.action == SiteURL.equipment(.list).path
                }
            )
            var values = form.submission { _ in "" }
            values["kind"] = "powder_extinguisher"
            values["label"] = "Bình bột tầng 2 – hành lang"
            values["capacity"] = "4 kg"
            values["commissioned_on"] = "15/01/2026"
            // when
            let saved = try await browser.post(form.action, form: values, csrf: false)
            // then
            #expect(
                saved.status == .seeOther,
                "\(FormsSubmitTests.errors(saved.text)) \(saved.text.matches(of: /field-error[^>]*>([^<]*)</).map { String($0.output.1) }) \(values)"
            )
            let item = try #require(try await EquipmentItem.query(on: app.db).first())
            #expect(item.kind == "powder_extinguisher" && item.commissionedOn == "2026-01-15" && item.quantity == 1)
            let page = try await browser.get(SiteURL.equipment(.item(try item.requireID())).path)
            #expect(page.text.contains("Bình chữa cháy bột") && page.text.contains("15/01/2026"))
            #expect(page.text.contains("Trong kho") && !page.text.contains("powder_extinguisher"))
            let list = try await browser.get(SiteURL.equipment(.list).path + "?category=fire_equipment&q=hanh%20lang")
            #expect(list.text.contains("Bình bột tầng 2 – hành lang"))
            let labels = try await browser.get(SiteURL.equipment(.labels).path)
            #expect(labels.text.contains("data:image/svg+xml;base64,") && labels.text.contains("Bình bột tầng 2"))
            // a bad count on the form: named beside its field, nothing written
            let before = try await Self.written(app)
            values["kind"] = "ammunition"
            values["quantity"] = "-3"
            values["label"] = ""
            let refused = try await browser.post(form.action, form: values, csrf: false)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("không được là số âm"))
            #expect(try await Self.written(app) == before)
        }
    }

    @Test("quotes and angle brackets typed into every new field come back as text on every page", arguments: Lane.all)
    func markupStaysText(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let typed = #"Bình "A" <b>đỏ</b> & 'x'"#
            let json = String(data: try JSONEncoder().encode(typed), encoding: .utf8) ?? ""
            let created = try await Self.register(
                app,
                world,
                #"{"kind":"powder_extinguisher","label":\#(json),"brand_model":\#(json),"serial":"S-<1>","#
                    + #""capacity":\#(json),"place":\#(json),"notes":\#(json)}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let item = try created.json(ItemBody.self)
            let permit = try await api(
                app,
                .POST,
                "/api/v1/equipment/\(item.id)/permits",
                token: world.token("antt_a"),
                json: #"{"kind":"use","number":\#(json),"issuer":"Công an <tỉnh>","issued_on":"01/03/2026"}"#
            )
            #expect(permit.status == .created, "\(permit.text)")
            let transfer = try await EquipmentTransfersTests.record(
                app,
                world,
                #"{"direction":"receipt","on_day":"02/12/2026","counterpart":\#(json),"document_number":\#(json),"#
                    + #""items":[{"description":\#(json),"quantity":1}],"notes":\#(json)}"#
            )
            #expect(transfer.status == .created, "\(transfer.text)")
            let transferID = try transfer.json(EquipmentTransfersTests.TransferBody.self).id
            // when
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            for path in [
                SiteURL.equipment(.list).path, SiteURL.equipment(.item(item.id)).path,
                SiteURL.equipment(.edit(item.id)).path, SiteURL.equipment(.labels).path,
                SiteURL.equipment(.transfers).path, SiteURL.equipment(.transfer(transferID)).path,
            ] {
                let page = try await browser.get(path)
                // then
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<b>đỏ</b>") && !page.text.contains("S-<1>"), "\(path) lets markup through")
                #expect(page.text.contains("&lt;b&gt;đỏ&lt;/b&gt;") || path.hasSuffix("labels"), "\(path)")
            }
        }
    }
}
