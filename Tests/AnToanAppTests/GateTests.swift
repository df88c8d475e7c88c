import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The gate (GATE-1..4) on both databases: check-in and check-out over the API and the pages, who is inside now,
/// bad input refused naming the field with nothing written, another unit's or area's visits 404, the watchlist's
/// alert (the officers told why, the receptionist only to hold and call), the books in print, the purge past the
/// retention with an injected clock, and the log of reads of visitors' personal data.
@Suite("Gate")
struct GateTests {
    struct World {
        var province: OrganisationTests.Province
        var clock: TestClock
        var tokens: [String: String]
        var ids: [String: UUID]

        var unitA: UUID { province.unitA.id }
        var unitB: UUID { province.unitB.id }

        func token(_ name: String) -> String { tokens[name] ?? "" }
    }

    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func world(_ app: Application, clock: TestClock) async throws -> World {
        clock.set(start)
        let province = try await OrganisationTests.province(app)
        let areaA = AreaPath(province.communeA.path)!
        let areaB = AreaPath(province.communeB.path)!
        let accounts: [(String, Role, Scope, String)] = [
            ("le_tan_a", .gateReceptionist, .unit(province.unitA.id, in: areaA), "Vũ Thị Lễ Tân"),
            ("bv_a", .dutyOfficer, .unit(province.unitA.id, in: areaA), "Trần Văn Gác"),
            ("antt_a", .unitSecurityOfficer, .unit(province.unitA.id, in: areaA), "Phạm An Ninh"),
            ("tt_a", .unitHead, .unit(province.unitA.id, in: areaA), "Lê Thị Thủ Trưởng"),
            ("le_tan_b", .gateReceptionist, .unit(province.unitB.id, in: areaB), "Đỗ Văn Bê"),
            ("ca_tinh", .authorityOfficer, .area(AreaPath(province.province.path)!), "Ngô Công An Tỉnh"),
            ("ca_khac", .authorityOfficer, .area(Fixtures.otherProvince), "Hà Công An Khác"),
        ]
        var tokens: [String: String] = [:]
        var ids: [String: UUID] = [:]
        for (name, role, scope, display) in accounts {
            let user = try await Fixtures.user(name, role: role, scope: scope, displayName: display, on: app.db)
            tokens[name] = try await Fixtures.token(for: user, app: app)
            ids[name] = try user.requireID()
        }
        return World(province: province, clock: clock, tokens: tokens, ids: ids)
    }

    struct VisitBody: Decodable {
        var id: UUID
        var fullName: String
        var documentNumber: String
        var hostName: String?
        var inside: Bool
        var held: Bool
        var instruction: String?
        var overstaying: Bool
    }

    struct InsideBody: Decodable {
        var count: Int
        var overstaying: Int
        var visitors: [VisitBody]
    }

    static func checkIn(
        _ app: Application,
        _ world: World,
        as name: String = "le_tan_a",
        unit: UUID? = nil,
        json: String
    ) async throws -> TestingHTTPResponse {
        try await api(
            app,
            .POST,
            "/api/v1/gate/visits",
            token: world.token(name),
            json: #"{"unit_id":"\#(unit ?? world.unitA)",\#(json)}"#
        )
    }

    static let visitor =
        #""full_name":"Hoàng Thị Khách","document_number":"079 190 001 234","organisation":"Công ty Sông Hồng","#
        + #""host":"van duc","purpose":"Họp về hợp đồng","vehicle_plate":"51f-123.45","badge":"K-01","expected_minutes":60"#

    @Test(
        "a receptionist checks a visitor in and out over the API; the inside list flags overstays",
        arguments: Lane.all
    )
    func checkInAndOut(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            // when
            let response = try await Self.checkIn(app, world, json: Self.visitor)
            // then
            #expect(response.status == .created, "\(response.text)")
            let visit = try response.json(VisitBody.self)
            #expect(visit.documentNumber == "079190001234")
            #expect(visit.hostName == "Nguyễn Văn Đức")
            #expect(visit.inside && !visit.held)
            clock.advance(by: 61 * 60)
            let inside = try await api(app, .GET, "/api/v1/gate/inside", token: world.token("bv_a"))
                .json(InsideBody.self)
            #expect(inside.count == 1 && inside.overstaying == 1)
            #expect(inside.visitors.first?.fullName == "Hoàng Thị Khách")
            // another unit's receptionist and another province's authority see nobody, and 404 on the visit
            let other = try await api(app, .GET, "/api/v1/gate/inside", token: world.token("le_tan_b"))
                .json(InsideBody.self)
            #expect(other.count == 0)
            for name in ["le_tan_b", "ca_khac"] {
                #expect(
                    try await api(app, .GET, "/api/v1/gate/visits/\(visit.id)", token: world.token(name)).status
                        == .notFound
                )
            }
            #expect(
                try await api(app, .POST, "/api/v1/gate/visits/\(visit.id)/check-out", token: world.token("le_tan_b"))
                    .status == .notFound
            )
            #expect(
                try await Self.checkIn(app, world, as: "le_tan_b", json: Self.visitor).status == .notFound,
                "a check-in at another unit"
            )
            #expect(
                try await api(app, .GET, "/api/v1/gate/visits/\(visit.id)", token: world.token("ca_tinh")).status == .ok
            )
            // out, and out again is refused naming the visit
            let out = try await api(
                app,
                .POST,
                "/api/v1/gate/visits/\(visit.id)/check-out",
                token: world.token("le_tan_a")
            )
            #expect(out.status == .ok)
            #expect(try out.json(VisitBody.self).inside == false)
            let again = try await api(
                app,
                .POST,
                "/api/v1/gate/visits/\(visit.id)/check-out",
                token: world.token("le_tan_a")
            )
            #expect(again.status == .unprocessableEntity)
            #expect(try again.json(ErrorBody.self).error.fields.map(\.field) == ["visit"])
            #expect(
                try await api(app, .GET, "/api/v1/gate/inside", token: world.token("bv_a")).json(InsideBody.self).count
                    == 0
            )
            // an administrator sees every unit's gate
            #expect(try await api(app, .GET, "/api/v1/gate/inside", token: world.province.adminToken).status == .ok)
        }
    }

    @Test(
        "bad input is a 422 naming each field in Vietnamese or English, and writes nothing",
        arguments: Lane.all
    )
    func badInput(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let cases: [(String, [String])] = [
                (#""full_name":"A","document_number":"07919000123","purpose":"Họp""#, ["document_number"]),
                (
                    #""full_name":"A","document_type":"cmnd","document_number":"0251234567","purpose":"Họp""#,
                    ["document_number"]
                ),
                (
                    #""full_name":"A","document_type":"passport","document_number":"ABCDEFG","purpose":"Họp""#,
                    ["document_number"]
                ),
                (
                    #""full_name":"A","document_type":"the_xanh","document_number":"1234","purpose":"Họp""#,
                    ["document_type", "document_number"]
                ),
                (#""document_number":"079190001234""#, ["full_name", "purpose"]),
                (#""full_name":"A","document_number":"079190001234","purpose":"Họp","host":"khong co ai""#, ["host"]),
                (
                    #""full_name":"A","document_number":"079190001234","purpose":"Họp","birth_date":"31/02/1990""#,
                    ["birth_date"]
                ),
                (
                    #""full_name":"A","document_number":"079190001234","purpose":"Họp","expected_minutes":0"#,
                    ["expected_minutes"]
                ),
                (#""card_code":"not a card","purpose":"Họp""#, ["card_code", "full_name", "document_number"]),
            ]
            for (json, fields) in cases {
                // when
                let response = try await Self.checkIn(app, world, json: json)
                // then
                #expect(response.status == .unprocessableEntity, "\(json): \(response.text)")
                #expect(Set(try response.json(ErrorBody.self).error.fields.map(\.field)) == Set(fields), "\(json)")
            }
            let english = try await app.testing().sendRequest(
                .POST,
                "/api/v1/gate/visits",
                headers: [
                    "Authorization": "Bearer \(world.token("le_tan_a"))", "Content-Type": "application/json",
                    "Accept-Language": "en",
                ],
                body: ByteBuffer(
                    string: #"{"unit_id":"\#(world.unitA)","full_name":"A","document_number":"123","purpose":"x"}"#
                )
            )
            #expect(english.text.contains("must be exactly 12 digits"))
            let vietnamese = try await Self.checkIn(
                app,
                world,
                json: #""full_name":"A","document_number":"123","purpose":"x""#
            )
            #expect(vietnamese.text.contains("số căn cước phải gồm đúng 12 chữ số"))
            #expect(try await Visit.query(on: app.db).count() == 0)
            // the card's QR code fills the fields a desk scanner left empty
            let card = "079085001234|025123456|Nguyễn Văn Quét|01021985|Nam|Hà Nội|15082021"
            let scanned = try await Self.checkIn(app, world, json: #""card_code":"\#(card)","purpose":"Giao hàng""#)
            #expect(scanned.status == .created, "\(scanned.text)")
            #expect(try scanned.json(VisitBody.self).fullName == "Nguyễn Văn Quét")
            // the same person twice inside, and a badge worn by someone inside, are refused
            let twice = try await Self.checkIn(
                app,
                world,
                json: #""full_name":"Nguyễn Văn Quét","document_number":"079085001234","purpose":"Lần hai""#
            )
            #expect(try twice.json(ErrorBody.self).error.fields.map(\.field) == ["document_number"])
        }
    }

    @Test(
        "a watchlist match alerts the security officer and the guard with the reason; the receptionist sees only hold and call",
        arguments: Lane.all
    )
    func watchlistMatch(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the province's authority lists a person by name and date of birth for the whole area
            let world = try await Self.world(app, clock: clock)
            let entry = try await api(
                app,
                .POST,
                "/api/v1/gate/watchlist",
                token: world.token("ca_tinh"),
                json:
                    #"{"full_name":"Trịnh Văn Nghi","birth_date":"02/03/1980","reason":"Đang bị truy nã về tội lừa đảo"}"#
            )
            #expect(entry.status == .created, "\(entry.text)")
            let noIdentifier = try await api(
                app,
                .POST,
                "/api/v1/gate/watchlist",
                token: world.token("antt_a"),
                json: #"{"full_name":"Trịnh Văn Nghi","reason":"Không rõ"}"#
            )
            #expect(noIdentifier.status == .unprocessableEntity)
            #expect(try noIdentifier.json(ErrorBody.self).error.fields.map(\.field) == ["document_number"])
            #expect(
                try await api(app, .POST, "/api/v1/gate/watchlist", token: world.token("le_tan_a"), json: "{}").status
                    == .forbidden
            )
            // when: he comes to unit A's gate, his name typed without marks
            let response = try await Self.checkIn(
                app,
                world,
                json:
                    #""full_name":"trinh van nghi","document_number":"001080009999","birth_date":"1980-03-02","purpose":"Gặp giám đốc""#
            )
            // then
            #expect(response.status == .created, "\(response.text)")
            let visit = try response.json(VisitBody.self)
            #expect(visit.held)
            #expect(visit.instruction == "Giữ khách và báo cán bộ an ninh")
            #expect(!response.text.contains("truy nã"))
            let told = try await InboxNotification.query(on: app.db).filter(\.$entityID == visit.id).all()
            #expect(Set(told.map(\.accountID)) == [world.ids["antt_a"]!, world.ids["bv_a"]!])
            #expect(told.allSatisfy { $0.titleVi.contains("truy nã") && $0.needsAcknowledgement })
            let alerts = try await Outbox.events(after: 0, limit: 100, on: app.db).filter { $0.type == .gateAlert }
            #expect(Set(alerts.compactMap(\.accountID)) == [world.ids["antt_a"]!, world.ids["bv_a"]!])
            #expect(alerts.allSatisfy { !$0.payload.contains("Nghi") && !$0.payload.contains("truy") })
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let officerPage = try await officer.get(SiteURL.gate(.desk).path).text
            #expect(officerPage.contains("Đang bị truy nã về tội lừa đảo"))
            var receptionist = Browser(app)
            _ = try await receptionist.signIn("le_tan_a")
            let receptionistPage = try await receptionist.get(SiteURL.gate(.desk).path).text
            #expect(receptionistPage.contains("Giữ khách và báo cán bộ an ninh"))
            #expect(!receptionistPage.contains("truy nã"))
            let visitPage = try await receptionist.get(SiteURL.gate(.visit(visit.id)).path).text
            #expect(!visitPage.contains("truy nã") && visitPage.contains("Giữ khách và báo cán bộ an ninh"))
            #expect(
                try await receptionist.post(SiteURL.gate(.clearHold(visit.id)).path, form: [:]).status == .forbidden
            )
            // the officer verifies and lets him in; unit B's gate is not under the commune's... but the province's list
            let cleared = try await officer.post(SiteURL.gate(.clearHold(visit.id)).path, form: [:])
            #expect(cleared.status == .seeOther)
            #expect(try await Visit.find(visit.id, on: app.db)?.held == false)
        }
    }

    @Test(
        "the pages: a check-in form saves as a browser posts it, a bad number is shown beside its field, the books print",
        arguments: Lane.all
    )
    func pages(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            var browser = Browser(app)
            _ = try await browser.signIn("le_tan_a")
            let desk = try await browser.get(SiteURL.gate(.desk).path)
            #expect(desk.status == .ok)
            #expect(desk.text.contains("Nguyễn Văn Đức"), "the host list offers the unit's staff")
            let form = try #require(HTMLForms.forms(desk.text).first { $0.action == SiteURL.gate(.checkIn).path })
            // when: a wrong number
            var values = form.submission { _ in "" }
            values["full_name"] = "Lý Thị Mới"
            values["document_number"] = "12345"
            values["purpose"] = "Nộp hồ sơ"
            values["host"] = "đức"
            let refused = try await browser.post(form.action, form: values, csrf: false)
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("số căn cước phải gồm đúng 12 chữ số"))
            #expect(refused.text.contains("Lý Thị Mới"), "what was typed is kept")
            values["document_number"] = "079190005678"
            let saved = try await browser.post(form.action, form: values, csrf: false)
            #expect(saved.status == .seeOther)
            let visit = try #require(try await Visit.query(on: app.db).first())
            #expect(visit.hostName == "Nguyễn Văn Đức" && visit.expectedMinutes == 120)
            let after = try await browser.get(SiteURL.gate(.desk).path).text
            #expect(after.contains("Lý Thị Mới"))
            // the roll-call and the book print on their own page with the administrative heading
            let rollCall = try await browser.get(SiteURL.gate(.rollCall).path).text
            #expect(rollCall.contains("DANH SÁCH NGƯỜI NGOÀI ĐANG Ở TRONG ĐƠN VỊ") && rollCall.contains("Lý Thị Mới"))
            #expect(rollCall.contains("print.css") && !rollCall.contains("<script>"))
            let book = try await browser.get(SiteURL.gate(.book).path).text
            #expect(book.contains("SỔ THEO DÕI KHÁCH RA VÀO") && book.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            #expect(book.contains("079190005678") && book.contains(VietnamTime.date(Self.start)))
            #expect(try await browser.get(SiteURL.gate(.book).path + "?from=32/01/2026").status == .unprocessableEntity)
            // out through the page; another unit's receptionist gets 404 on the visit
            let id = try visit.requireID()
            #expect(try await browser.post(SiteURL.gate(.checkOut(id)).path, form: [:]).status == .seeOther)
            let twice = try await browser.post(SiteURL.gate(.checkOut(id)).path, form: [:])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("khách không còn ở trong đơn vị"))
            var other = Browser(app)
            _ = try await other.signIn("le_tan_b")
            #expect(try await other.get(SiteURL.gate(.visit(id)).path).status == .notFound)
            #expect(try await other.post(SiteURL.gate(.checkOut(id)).path, form: [:]).status == .notFound)
            // the watchlist page: an entry without identifier is refused beside its field; one with a number saves
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let missing = try await officer.post(
                SiteURL.gate(.watchlist).path,
                form: ["full_name": "X", "reason": "Y"]
            )
            #expect(
                missing.status == .unprocessableEntity
                    && missing.text.contains("cần số giấy tờ, hoặc họ tên cùng ngày sinh")
            )
            let added = try await officer.post(
                SiteURL.gate(.watchlist).path,
                form: ["document_number": "C1234567", "reason": "Gây rối lần trước"]
            )
            #expect(added.status == .seeOther)
            let entry = try #require(try await WatchEntry.query(on: app.db).first())
            var farOfficer = Browser(app)
            _ = try await farOfficer.signIn("ca_khac")
            #expect(try await farOfficer.get(SiteURL.gate(.visit(id)).path).status == .notFound)
            #expect(try await farOfficer.post(SiteURL.gate(.clearHold(id)).path, form: [:]).status == .notFound)
            #expect(
                try await farOfficer.post(SiteURL.gate(.watchRemove(try entry.requireID())).path, form: [:]).status
                    == .notFound
            )
            #expect(
                try await officer.post(SiteURL.gate(.watchRemove(try entry.requireID())).path, form: [:]).status
                    == .seeOther
            )
        }
    }

    @Test(
        "the nightly purge erases visitors' personal data past the unit's retention and keeps the counts",
        arguments: Lane.all
    )
    func purge(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: unit A keeps 30 days (set by its head on the page), unit B the default 90
            let world = try await Self.world(app, clock: clock)
            // The runner's first pass puts the daily purge on the schedule (02:30 in Vietnam).
            try await JobRunner.runDue(app, now: clock.now())
            var head = Browser(app)
            _ = try await head.signIn("tt_a")
            #expect(
                try await head.post(SiteURL.gate(.data).path, form: ["retention_days": "0"]).status
                    == .unprocessableEntity
            )
            #expect(try await head.post(SiteURL.gate(.data).path, form: ["retention_days": "30"]).status == .seeOther)
            let old = try await Self.checkIn(app, world, json: Self.visitor).json(VisitBody.self)
            let oldB = try await Self.checkIn(
                app,
                world,
                as: "le_tan_b",
                unit: world.unitB,
                json: #""full_name":"Bùi Văn Bê","document_number":"079190007777","purpose":"Giao hàng""#
            )
            #expect(oldB.status == .created, "\(oldB.text)")
            clock.advance(by: 31 * 86_400)
            let recent = try await Self.checkIn(
                app,
                world,
                json: #""full_name":"Đinh Thị Mới","document_number":"079190008888","purpose":"Họp""#
            ).json(VisitBody.self)
            // when: the daily job runs
            clock.advance(by: 86_400)
            try await JobRunner.runDue(app, now: clock.now())
            // then
            let purged = try #require(try await Visit.find(old.id, on: app.db))
            #expect(purged.purgedAt != nil)
            #expect(purged.fullName.isEmpty && purged.documentNumber.isEmpty && purged.organisation.isEmpty)
            #expect(purged.vehiclePlate.isEmpty && purged.purpose.isEmpty && purged.birthDate == nil)
            #expect(purged.hostName == "Nguyễn Văn Đức" && purged.badge == "K-01", "what is not personal is kept")
            #expect(try await Visit.find(recent.id, on: app.db)?.fullName == "Đinh Thị Mới")
            #expect(
                try await Visit.query(on: app.db).filter(\.$unitID == world.unitB).first()?.fullName == "Bùi Văn Bê"
            )
            #expect(try await Visit.query(on: app.db).count() == 3, "the counts are kept")
            let everything = try await TipsTests.everyText(app)
            #expect(!everything.contains("Hoàng Thị Khách") && !everything.contains("079190001234"))
            // and past 90 days unit B's too
            clock.advance(by: 60 * 86_400)
            try await VisitorData.purge(app: app, now: clock.now())
            #expect(try await Visit.query(on: app.db).filter(\.$unitID == world.unitB).first()?.fullName == "")
        }
    }

    @Test(
        "every read of visitors' personal data is logged; the unit head reads the log, a receptionist cannot",
        arguments: Lane.all
    )
    func readLog(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let visit = try await Self.checkIn(app, world, json: Self.visitor).json(VisitBody.self)
            // when: the guard reads the visit and the list over the API, the receptionist the visit's page
            _ = try await api(app, .GET, "/api/v1/gate/visits/\(visit.id)", token: world.token("bv_a"))
            _ = try await api(app, .GET, "/api/v1/gate/inside", token: world.token("bv_a"))
            var receptionist = Browser(app)
            _ = try await receptionist.signIn("le_tan_a")
            _ = try await receptionist.get(SiteURL.gate(.visit(visit.id)).path)
            // then
            let reads = try await VisitorDataRead.query(on: app.db).sort(\.$at).all()
            #expect(reads.map(\.what) == ["api_visit", "api_inside", "visit_page"])
            #expect(reads.map(\.readerName) == ["Trần Văn Gác", "Trần Văn Gác", "Vũ Thị Lễ Tân"])
            #expect(reads.allSatisfy { $0.unitID == world.unitA && $0.at == Self.start })
            var head = Browser(app)
            _ = try await head.signIn("tt_a")
            let log = try await head.get(SiteURL.gate(.data).path)
            #expect(log.status == .ok)
            #expect(log.text.contains("Vũ Thị Lễ Tân") && log.text.contains("Xem thông tin một khách"))
            #expect(log.text.contains("90 ngày"))
            #expect(try await receptionist.get(SiteURL.gate(.data).path).status == .forbidden)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            #expect(try await admin.get(SiteURL.gate(.data).path).text.contains("Trần Văn Gác"))
        }
    }

    @Test(
        "a host pre-registers a visitor; the signed link fills the gate's check-in once and shows the visitor a QR",
        arguments: Lane.all
    )
    func invitation(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            var host = Browser(app)
            _ = try await host.signIn("tt_a")
            let past = try await host.post(
                SiteURL.gate(.invitations).path,
                form: ["visitor_name": "Mai Thị Mời", "purpose": "Ký hợp đồng", "expected_date": "01/01/2020"]
            )
            #expect(past.status == .unprocessableEntity && past.text.contains("đã qua"))
            // when
            let made = try await host.post(
                SiteURL.gate(.invitations).path,
                form: [
                    "visitor_name": "Mai Thị Mời", "organisation": "Công ty Hòa Bình", "purpose": "Ký hợp đồng",
                    "expected_date": VietnamTime.date(Self.start),
                ]
            )
            // then
            #expect(made.status == .seeOther)
            let invitation = try #require(try await Invitation.query(on: app.db).first())
            let page = try await host.get(SiteURL.gate(.invitation(try invitation.requireID())).path).text
            let path = InvitationLink.path(try invitation.requireID(), secret: Lane.testSecret)
            #expect(page.contains(path) && page.contains("Mai Thị Mời"))
            // the visitor opens it without an account; a forged one is 404; its QR is a picture
            let visitorView = try await app.testing().sendRequest(.GET, path)
            #expect(visitorView.status == .ok && visitorView.body.string.contains("Mai Thị Mời"))
            #expect(try await app.testing().sendRequest(.GET, path + "x").status == .notFound)
            let qr = try await app.testing().sendRequest(.GET, path + "/qr")
            #expect(qr.status == .ok && qr.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            // the receptionist opens it at the gate: the form is filled; with the number it saves, once
            var receptionist = Browser(app)
            _ = try await receptionist.signIn("le_tan_a")
            let opened = try await receptionist.get(path)
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers.first(name: .location))
            let desk = try await receptionist.get(location).text
            let form = try #require(HTMLForms.forms(desk).first { $0.action == SiteURL.gate(.checkIn).path })
            var values = form.submission { _ in "" }
            #expect(values["full_name"] == "Mai Thị Mời" && values["purpose"] == "Ký hợp đồng")
            values["document_number"] = "079190004444"
            #expect(try await receptionist.post(form.action, form: values, csrf: false).status == .seeOther)
            let visit = try #require(try await Visit.query(on: app.db).first())
            #expect(visit.invitationID == invitation.id && visit.organisation == "Công ty Hòa Bình")
            values["document_number"] = "079190005555"
            let again = try await receptionist.post(form.action, form: values, csrf: false)
            #expect(again.status == .unprocessableEntity && again.text.contains("giấy mời đã dùng"))
            // another unit's receptionist only sees the invitation, not a filled check-in
            var other = Browser(app)
            _ = try await other.signIn("le_tan_b")
            #expect(try await other.get(path).status == .ok)
            #expect(try await other.get(SiteURL.gate(.invitation(try invitation.requireID())).path).status == .notFound)
        }
    }
}
