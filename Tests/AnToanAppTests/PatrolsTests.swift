import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Patrols (PAT-1..3) on both databases: a unit's security officer sets a route and its checkpoints from the
/// pages; a guard walks a round by opening the checkpoints' links; forged, old, replayed or foreign scans are
/// refused and logged; the deadline job flags a missed checkpoint and tells the unit; offline scans arrive in a
/// batch; another unit's or area's accounts get 404.
@Suite("Patrols")
struct PatrolsTests {
    /// 22:00 on 04/12/2026 in Vietnam.
    static let night = Date(timeIntervalSince1970: 1_796_396_400)

    struct World {
        var org: OrganisationTests.Province
        var clock: TestClock
        var route: UUID
        /// The checkpoints in the route's order.
        var checkpoints: [PatrolCheckpoint]

        var unitA: UUID { org.unitA.id }

        func link(_ index: Int, generation: Int = 1) -> String {
            CheckpointLink.path(checkpoint: checkpoints[index].id!, generation: generation, secret: Lane.testSecret)
        }
    }

    static let names = ["Cổng chính", "Bốt gác phía sau", "Kho vật tư"]

    /// Unit A with its security officer (an_ninh_a), a guard (bao_ve_a), its head (thu_truong_a); unit B's guard
    /// (bao_ve_b); the province's authority; a far authority. The officer sets the route "Tuần tra đêm" from the
    /// pages: every hour from 22:00 to 01:00, in a fixed order, no gap, with the three checkpoints.
    static func world(_ app: Application, clock: TestClock, order: CheckpointOrder = .fixed) async throws -> World {
        clock.set(night.addingTimeInterval(-3_600))
        let org = try await OrganisationTests.province(app)
        let areaA = AreaPath(org.communeA.path)!
        let areaB = AreaPath(org.communeB.path)!
        _ = try await Fixtures.user(
            "an_ninh_a",
            role: .unitSecurityOfficer,
            scope: .unit(org.unitA.id, in: areaA),
            on: app.db
        )
        _ = try await Fixtures.user(
            "bao_ve_a",
            role: .dutyOfficer,
            scope: .unit(org.unitA.id, in: areaA),
            displayName: "Nguyễn Văn Gác",
            on: app.db
        )
        _ = try await Fixtures.user("thu_truong_a", role: .unitHead, scope: .unit(org.unitA.id, in: areaA), on: app.db)
        _ = try await Fixtures.user("bao_ve_b", role: .dutyOfficer, scope: .unit(org.unitB.id, in: areaB), on: app.db)
        _ = try await Fixtures.user(
            "cong_an_tinh",
            role: .authorityOfficer,
            scope: .area(AreaPath(org.province.path)!),
            on: app.db
        )
        _ = try await Fixtures.user(
            "cong_an_xa_khac",
            role: .authorityOfficer,
            scope: .area(Fixtures.otherProvince),
            on: app.db
        )
        var officer = Browser(app)
        _ = try await officer.signIn("an_ninh_a")
        let created = try await officer.post(
            PatrolURL.routeNew(unit: org.unitA.id).path,
            form: [
                "name": "Tuần tra đêm", "order": order.rawValue, "minimum_gap_minutes": "0",
                "schedule_kind": "interval",
                "start": "22:00", "end": "01:00", "every_minutes": "60", "rounds": "3", "window_minutes": "",
            ]
        )
        #expect(created.status == .seeOther, "\(created.text)")
        let route = try #require(try await PatrolRoute.query(on: app.db).first())
        let routeID = try route.requireID()
        for name in names {
            let added = try await officer.post(
                PatrolURL.checkpointAdd(route: routeID).path,
                form: [
                    "name": name, "instructions": "Kiểm tra khóa cửa", "latitude": "", "longitude": "", "radius": "30",
                ]
            )
            #expect(added.status == .seeOther, "\(added.text)")
        }
        let checkpoints = try await PatrolQueries.checkpoints(of: routeID, on: app.db)
        return World(org: org, clock: clock, route: routeID, checkpoints: checkpoints)
    }

    static func guardBrowser(_ app: Application, _ name: String = "bao_ve_a") async throws -> Browser {
        var browser = Browser(app)
        _ = try await browser.signIn(name)
        return browser
    }

    @Test("the security officer sets a route from the pages; its rounds are made; scope holds", arguments: Lane.all)
    func routeFromPages(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            // three rounds tonight (22–23, 23–00, 00–01), each planning the three checkpoints in order; tomorrow's
            // are made too
            #expect(try await PatrolRound.query(on: app.db).count() == 6)
            let rounds = try await PatrolRound.query(on: app.db).filter(\.$day == "2026-12-04").sort(\.$startsAt).all()
            #expect(rounds.count == 3)
            #expect(rounds.first?.startsAt == Self.night)
            #expect(rounds.last?.endsAt == Self.night.addingTimeInterval(3 * 3_600))
            #expect(rounds.allSatisfy { $0.planIDs == world.checkpoints.compactMap(\.id) })
            #expect(rounds.allSatisfy { $0.day == "2026-12-04" })
            // a deadline job per round, none left over from the rounds made again as checkpoints were added
            let jobs = try await Job.query(on: app.db).filter(\.$kind == JobKind.patrolDeadline.rawValue).count()
            #expect(jobs == 6)
            // the route's page names its checkpoints and schedule
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let page = try await officer.get(PatrolURL.route(world.route).path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Bốt gác phía sau") && page.text.contains("Mỗi 60 phút, 22:00–01:00"))
            // the label sheet: a QR image per checkpoint, the unit's name
            let labels = try await officer.get(PatrolURL.labels(route: world.route).path)
            #expect(labels.status == .ok)
            #expect(labels.text.components(separatedBy: "data:image/svg+xml;base64,").count == 4)
            // the province's authority sees it; unit B's guard and a far authority do not
            var authority = try await Self.guardBrowser(app, "cong_an_tinh")
            #expect(try await authority.get(PatrolURL.route(world.route).path).status == .ok)
            var other = try await Self.guardBrowser(app, "bao_ve_b")
            #expect(try await other.get(PatrolURL.route(world.route).path).status == .notFound)
            #expect(try await other.get(PatrolURL.round(rounds[0].id!).path).status == .notFound)
            var far = try await Self.guardBrowser(app, "cong_an_xa_khac")
            #expect(try await far.get(PatrolURL.route(world.route).path).status == .notFound)
            #expect(try await far.get(PatrolURL.round(rounds[0].id!).path).status == .notFound)
            // a guard reads but cannot change the route or print labels
            var guardA = try await Self.guardBrowser(app)
            #expect(try await guardA.get(PatrolURL.route(world.route).path).status == .ok)
            #expect(try await guardA.get(PatrolURL.labels(route: world.route).path).status == .forbidden)
            let edit = try await guardA.post(PatrolURL.checkpointAdd(route: world.route).path, form: ["name": "X"])
            #expect(edit.status == .forbidden)
            #expect(try await PatrolCheckpoint.query(on: app.db).count() == 3)
        }
    }

    @Test(
        "every address of unit A's patrols is 404 to unit B's security officer, page and API, and nothing changes",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            let areaB = AreaPath(world.org.communeB.path)!
            let officerB = try await Fixtures.user(
                "an_ninh_b",
                role: .unitSecurityOfficer,
                scope: .unit(world.org.unitB.id, in: areaB),
                on: app.db
            )
            // unit A's guard scans the first checkpoint and notes something at the last
            clock.set(Self.night.addingTimeInterval(60))
            var guardA = try await Self.guardBrowser(app)
            #expect(try await guardA.get(world.link(0)).status == .ok)
            let noted = try await guardA.post(
                PatrolURL.observe.path,
                form: ["checkpoint": world.checkpoints[2].id!.uuidString, "round": "", "text": "Cửa kho bị cạy"]
            )
            #expect(noted.status == .seeOther, "\(noted.text)")
            let scan = try #require(try await PatrolScan.query(on: app.db).first())
            let round = try #require(scan.roundID)
            let observation = try #require(try await PatrolObservation.query(on: app.db).first())
            let checkpoint = world.checkpoints[1].id!

            var other = try await Self.guardBrowser(app, "an_ninh_b")
            let pages: [String] = [
                PatrolURL.route(world.route).path, PatrolURL.labels(route: world.route).path,
                PatrolURL.round(round).path, PatrolURL.roundExport(round).path,
                PatrolURL.observation(observation.id!).path, PatrolURL.observationPhoto(observation.id!).path,
                PatrolURL.observe.path + "?checkpoint=\(checkpoint)",
            ]
            for path in pages {
                #expect(try await other.get(path).status == .notFound, "GET \(path)")
            }
            let writes: [(String, [String: String])] = [
                (PatrolURL.routeEdit(world.route).path, ["name": "Của B", "schedule_kind": "interval"]),
                (PatrolURL.checkpointAdd(route: world.route).path, ["name": "Điểm lạ"]),
                (PatrolURL.checkpoint(checkpoint).path, ["name": "Đổi tên", "radius": "30"]),
                (PatrolURL.checkpointRemove(checkpoint).path, [:]),
                (PatrolURL.checkpointRenew(checkpoint).path, [:]),
                (PatrolURL.checkpointNFC(checkpoint).path, ["meta_key": "", "file_key": ""]),
                (PatrolURL.scanPosition(scan.id!).path, ["latitude": "21.0285", "longitude": "105.8542"]),
                (PatrolURL.observe.path, ["checkpoint": checkpoint.uuidString, "text": "Ghi lạ"]),
                (PatrolURL.observationIncident(observation.id!).path, ["kind": "theft", "severity": "high"]),
            ]
            for (path, form) in writes {
                #expect(try await other.post(path, form: form).status == .notFound, "POST \(path)")
            }
            let token = try await Fixtures.token(for: officerB, app: app)
            for path in ["/api/v1/patrols/routes/\(world.route)", "/api/v1/patrols/rounds/\(round)"] {
                #expect(try await AnToanAppTests.api(app, .GET, path, token: token).status == .notFound, "GET \(path)")
            }
            let add = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/patrols/routes/\(world.route)/checkpoints",
                token: token,
                json: #"{"name":"Điểm lạ"}"#
            )
            #expect(add.status == .notFound)
            // nothing of unit A changed
            let route = try #require(try await PatrolRoute.find(world.route, on: app.db))
            #expect(route.name == "Tuần tra đêm")
            let after = try await PatrolQueries.checkpoints(of: world.route, on: app.db)
            #expect(after.map(\.name) == Self.names && after.allSatisfy { $0.labelGeneration == 1 })
            #expect(try await PatrolObservation.query(on: app.db).count() == 1)
            #expect(try await PatrolObservation.find(observation.id, on: app.db)?.incidentID == nil)
            #expect(try await PatrolScan.find(scan.id, on: app.db)?.latitude == nil)
        }
    }

    @Test("a checkpoint added while a round is under way, before anyone scanned, is in that round", arguments: Lane.all)
    func addedDuringRound(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            clock.set(Self.night.addingTimeInterval(5 * 60))
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let added = try await officer.post(
                PatrolURL.checkpointAdd(route: world.route).path,
                form: ["name": "Nhà xe", "instructions": "", "latitude": "", "longitude": "", "radius": "30"]
            )
            #expect(added.status == .seeOther)
            let checkpoint = try #require(
                try await PatrolCheckpoint.query(on: app.db).filter(\.$name == "Nhà xe").first()
            )
            var guardA = try await Self.guardBrowser(app)
            let link = CheckpointLink.path(
                checkpoint: try checkpoint.requireID(),
                generation: 1,
                secret: Lane.testSecret
            )
            let page = try await guardA.get(link)
            #expect(page.status == .ok && page.text.contains("Lượt này: 1/4 điểm"), "\(page.text)")
            // tonight's rounds: still three, each with the four checkpoints and one deadline job each
            let rounds = try await PatrolRound.query(on: app.db).filter(\.$day == "2026-12-04").all()
            #expect(rounds.count == 3 && rounds.allSatisfy { $0.planIDs.count == 4 })
            let jobs = try await Job.query(on: app.db).filter(\.$kind == JobKind.patrolDeadline.rawValue).count()
            #expect(jobs == 6)
        }
    }

    @Test(
        "the phone's position after a scan: the distance kept, far from the checkpoint flagged, once, by its guard only",
        arguments: Lane.all
    )
    func scanPosition(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let placed = try await officer.post(
                PatrolURL.checkpoint(world.checkpoints[0].id!).path,
                form: [
                    "name": "Cổng chính", "instructions": "", "latitude": "21.028500", "longitude": "105.854200",
                    "radius": "30",
                ]
            )
            #expect(placed.status == .seeOther, "\(placed.text)")
            clock.set(Self.night.addingTimeInterval(60))
            var guardA = try await Self.guardBrowser(app)
            let page = try await guardA.get(world.link(0))
            #expect(page.text.contains("id=\"scan-position\""))
            let scan = try #require(try await PatrolScan.query(on: app.db).filter(\.$accepted == true).first())
            let url = PatrolURL.scanPosition(try scan.requireID()).path
            // unit B's guard cannot place it; a bad coordinate is refused
            var guardB = try await Self.guardBrowser(app, "bao_ve_b")
            #expect(
                try await guardB.post(url, form: ["latitude": "21.0285", "longitude": "105.8542"]).status == .notFound
            )
            #expect(
                try await guardA.post(url, form: ["latitude": "91", "longitude": "105"]).status == .unprocessableEntity
            )
            // about 111 m north: kept and flagged
            let placedScan = try await guardA.post(url, form: ["latitude": "21.029500", "longitude": "105.854200"])
            #expect(placedScan.status == .ok, "\(placedScan.text)")
            #expect(placedScan.text.contains("Cách điểm 111 m"))
            let stored = try #require(try await PatrolScan.find(scan.id, on: app.db))
            #expect(stored.flagValues == [.outsideRadius] && Int(stored.distance ?? 0) == 111)
            // only once
            #expect(
                try await guardA.post(url, form: ["latitude": "21.0285", "longitude": "105.8542"]).status == .notFound
            )
        }
    }

    @Test(
        "the API: routes and checkpoints by the unit's officer, rounds by day, a guard's app sends offline scans; other scopes get 404",
        arguments: Lane.all
    )
    func api(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            let user = { (name: String) in
                try #require(try await User.query(on: app.db).filter(\.$username == name).first())
            }
            let officer = try await Fixtures.token(for: try await user("an_ninh_a"), app: app)
            let guardA = try await Fixtures.token(for: try await user("bao_ve_a"), app: app)
            let far = try await Fixtures.token(for: try await user("cong_an_xa_khac"), app: app)
            let created = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/patrols/routes",
                token: officer,
                json:
                    #"{"name":"Tuần tra ngày","order":"random","schedule_kind":"rounds","start":"08:00","end":"17:00","rounds":3}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let route = try created.json(PatrolRouteDTO.self)
            #expect(route.unitId == world.unitA && route.checkpoints.isEmpty)
            let added = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/patrols/routes/\(route.id)/checkpoints",
                token: officer,
                json: #"{"name":"Cổng phụ","latitude":21.0285,"longitude":105.8542}"#
            )
            #expect(added.status == .created, "\(added.text)")
            #expect(try added.json(PatrolCheckpointDTO.self).link.hasPrefix("http://127.0.0.1:8080/p/"))
            let bad = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/patrols/routes",
                token: officer,
                json: #"{"name":"X","order":"fixed","schedule_kind":"rounds","start":"08:00","end":"08:05","rounds":3}"#
            )
            #expect(bad.status == .unprocessableEntity && bad.text.contains("rounds"))
            let rounds = try await AnToanAppTests.api(app, .GET, "/api/v1/patrols/rounds?day=04/12/2026", token: guardA)
            #expect(try rounds.json(PatrolRoundListDTO.self).rounds.count == 3)
            #expect(
                try await AnToanAppTests.api(app, .GET, "/api/v1/patrols/routes/\(world.route)", token: far).status
                    == .notFound
            )
            #expect(
                try await AnToanAppTests.api(app, .GET, "/api/v1/patrols/rounds", token: far).text.contains(
                    #""rounds":[]"#
                )
            )
            // the guard's app sends a scan kept offline
            clock.set(Self.night.addingTimeInterval(600))
            let at = ISO8601DateFormatter().string(from: Self.night.addingTimeInterval(300))
            let now = ISO8601DateFormatter().string(from: Self.night.addingTimeInterval(600))
            let sent = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/patrols/scans",
                token: guardA,
                json:
                    #"{"device":"app1","sent_at":"\#(now)","scans":[{"token":"\#(world.link(0).dropFirst(3))","sequence":7,"scanned_at":"\#(at)"}]}"#
            )
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(try sent.json(PatrolBatchDTO.self).results.map(\.status) == ["accepted"])
            let round = try await AnToanAppTests.api(app, .GET, "/api/v1/patrols/rounds?day=2026-12-04", token: guardA)
            let first = try #require(try round.json(PatrolRoundListDTO.self).rounds.first)
            let detail = try await AnToanAppTests.api(app, .GET, "/api/v1/patrols/rounds/\(first.id)", token: guardA)
            #expect(try detail.json(PatrolRoundDTO.self).checkpoints.map(\.state) == ["on_time", "pending", "pending"])
        }
    }

    @Test("a route or checkpoint with bad values is refused field by field, nothing written", arguments: Lane.all)
    func badRoute(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let response = try await officer.post(
                PatrolURL.routeNew(unit: world.unitA).path,
                form: [
                    "name": "", "order": "zigzag", "minimum_gap_minutes": "500", "schedule_kind": "interval",
                    "start": "25:00", "end": "05:00", "every_minutes": "5",
                ]
            )
            #expect(response.status == .unprocessableEntity)
            for words in ["Tên tuyến", "chỉ nhận: fixed, free, random", "cần giờ dạng HH:mm", "từ 0 đến 120 phút"] {
                #expect(response.text.contains(words), "\(words)")
            }
            let nfc = try await officer.post(
                PatrolURL.checkpointNFC(world.checkpoints[0].id!).path,
                form: ["meta_key": "1234", "file_key": "00000000000000000000000000000000"]
            )
            #expect(nfc.status == .unprocessableEntity)
            #expect(nfc.text.contains("cần đúng 32 chữ số hex"))
            #expect(try await PatrolRoute.query(on: app.db).count() == 1)
            #expect(try await PatrolCheckpoint.find(world.checkpoints[0].id, on: app.db)?.nfcMetaKey == nil)
            // another unit's guard cannot add to unit A's route: 404
            var other = try await Self.guardBrowser(app, "bao_ve_b")
            let foreign = try await other.post(PatrolURL.routeNew(unit: world.unitA).path, form: ["name": "X"])
            #expect(foreign.status == .forbidden || foreign.status == .notFound)
        }
    }

    @Test(
        "a guard walks a round by opening the links: each scan recorded with the server's time, the round complete",
        arguments: Lane.all
    )
    func walkRound(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var guardA = try await Self.guardBrowser(app)
            clock.set(Self.night.addingTimeInterval(5 * 60))
            for index in 0..<3 {
                let page = try await guardA.get(world.link(index))
                #expect(page.status == .ok, "\(page.text)")
                #expect(page.text.contains("Đã ghi nhận: \(Self.names[index])"))
                #expect(page.text.contains("Lượt này: \(index + 1)/3 điểm"))
                if index < 2 { #expect(page.text.contains("Điểm tiếp theo: \(Self.names[index + 1])")) }
                clock.advance(by: 4 * 60)
            }
            let round = try #require(try await PatrolRound.query(on: app.db).sort(\.$startsAt).first())
            #expect(round.statusValue == .complete && round.doneCount == 3)
            let scans = try await PatrolScan.query(on: app.db).filter(\.$accepted == true).sort(\.$at).all()
            let times: [Date] = [300, 540, 780].map { Self.night.addingTimeInterval($0) }
            #expect(scans.map(\.at) == times)
            #expect(scans.allSatisfy { $0.userName == "Nguyễn Văn Gác" && $0.flags.isEmpty })
            // each scan audited, each published
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "patrol_scan").count() == 3)
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db).filter { $0.type == .patrolScanned }
            #expect(events.count == 3 && events.allSatisfy { $0.unitID == world.unitA })
            // the round's report and the sổ tuần tra show it; the XLSX downloads
            let report = try await guardA.get(PatrolURL.round(try round.requireID()).path)
            #expect(report.text.contains("Hoàn thành") && report.text.contains("22:05"))
            let book = try await guardA.get(PatrolURL.book.path + "?day=2026-12-04")
            #expect(book.status == .ok && book.text.contains("SỔ TUẦN TRA") && book.text.contains("Nguyễn Văn Gác"))
            let sheet = try await guardA.get(PatrolURL.roundExport(try round.requireID()).path)
            #expect(sheet.status == .ok)
            #expect(sheet.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            // the same checkpoint again is accepted but flagged as a repeat
            let again = try await guardA.get(world.link(0))
            #expect(again.text.contains(PatrolScanFlag.repeated.nameVi))
        }
    }

    @Test(
        "forged, altered, old-label, foreign and out-of-round scans are refused, and each attempt is kept",
        arguments: Lane.all
    )
    func refusedScans(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var guardA = try await Self.guardBrowser(app)
            // signed out: to the sign-in page, then back to the link
            var stranger = Browser(app)
            let signedOut = try await stranger.get(world.link(0))
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            // no round due at noon
            clock.set(Self.night.addingTimeInterval(-10 * 3_600))
            let noon = try await guardA.get(world.link(0))
            #expect(noon.status == .conflict && noon.text.contains("Không có lượt tuần tra nào đang đến hạn"))
            clock.set(Self.night.addingTimeInterval(60))
            // an altered MAC, another checkpoint's id with this MAC, a made-up token
            let link = world.link(0)
            var altered = link
            let last = altered.removeLast()
            altered.append(last == "A" ? "B" : "A")
            #expect(try await guardA.get(altered).status == .notFound)
            let parts = link.dropFirst(3).split(separator: ".")
            let other = world.link(1).dropFirst(3).split(separator: ".")
            #expect(try await guardA.get("/p/\(other[0]).\(parts[1]).\(parts[2])").status == .notFound)
            #expect(try await guardA.get("/p/hello").status == .notFound)
            // unit B's guard on unit A's checkpoint
            var guardB = try await Self.guardBrowser(app, "bao_ve_b")
            #expect(try await guardB.get(link).status == .notFound)
            // new labels: the old link is worthless, the new one counts
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let renewed = try await officer.post(PatrolURL.checkpointRenew(world.checkpoints[0].id!).path, form: [:])
            #expect(renewed.status == .seeOther)
            let old = try await guardA.get(link)
            #expect(old.status == .gone && old.text.contains("Tem đã cũ"))
            #expect(try await guardA.get(world.link(0, generation: 2)).status == .ok)
            // every refused attempt is kept with who, and none counted
            let refused = try await PatrolScan.query(on: app.db).filter(\.$accepted == false).all()
            #expect(refused.count == 6)
            #expect(
                Set(refused.compactMap(\.refusal))
                    == ["no_round_due", "forged", "other_unit", "old_label"]
            )
            let round = try #require(try await PatrolRound.query(on: app.db).sort(\.$startsAt).first())
            #expect(round.doneCount == 1)
        }
    }

    @Test("a missed checkpoint is flagged at the round's deadline and the unit told", arguments: Lane.all)
    func missedCheckpoint(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var guardA = try await Self.guardBrowser(app)
            clock.set(Self.night.addingTimeInterval(10 * 60))
            #expect(try await guardA.get(world.link(0)).status == .ok)
            clock.set(Self.night.addingTimeInterval(20 * 60))
            #expect(try await guardA.get(world.link(2)).status == .ok)
            // before the deadline nothing is judged
            _ = try await JobRunner.runDue(app, now: Self.night.addingTimeInterval(3_599))
            let round = try #require(try await PatrolRound.query(on: app.db).sort(\.$startsAt).first())
            #expect(round.judgedAt == nil)
            // a second after it: the round is incomplete, Bốt gác phía sau missed, the unit's leaders told
            _ = try await JobRunner.runDue(app, now: Self.night.addingTimeInterval(3_601))
            let judged = try #require(try await PatrolRound.find(round.id, on: app.db))
            #expect(judged.statusValue == .incomplete && judged.missedCount == 1 && judged.doneCount == 2)
            let told = try await InboxNotification.query(on: app.db).filter(\.$entity == PatrolService.roundEntity)
                .all()
            #expect(!told.isEmpty)
            #expect(told.allSatisfy { $0.titleVi.contains("bỏ sót Bốt gác phía sau") })
            let head = try #require(try await User.query(on: app.db).filter(\.$username == "thu_truong_a").first())
            #expect(told.contains { $0.accountID == head.id })
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db).filter {
                $0.type == .patrolRoundMissed
            }
            #expect(events.count == 1)
            // the report shows it missed
            let report = try await guardA.get(PatrolURL.round(try round.requireID()).path)
            #expect(report.text.contains("Bỏ sót") && report.text.contains("Thiếu điểm"))
            // judging again changes nothing
            _ = try await JobRunner.runDue(app, now: Self.night.addingTimeInterval(3_700))
            #expect(
                try await InboxNotification.query(on: app.db).filter(\.$entity == PatrolService.roundEntity).count()
                    == told.count
            )
        }
    }

    @Test(
        "offline scans arrive in a batch: judged on the phone's time corrected, flagged for its clock, duplicates and future times refused",
        arguments: Lane.all
    )
    func offlineBatch(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var guardA = try await Self.guardBrowser(app)
            clock.set(Self.night.addingTimeInterval(40 * 60))
            // the phone's clock is 10 minutes behind: it says 22:30 when the server says 22:40
            let phone = { (seconds: Double) in
                ISO8601DateFormatter().string(from: Self.night.addingTimeInterval(seconds - 600))
            }
            let token = { (index: Int) in String(world.link(index).dropFirst(3)) }
            let body = """
                {"device":"phone1","sent_at":"\(phone(40 * 60))","scans":[
                {"token":"\(token(0))","sequence":1,"scanned_at":"\(phone(10 * 60))"},
                {"token":"\(token(1))","sequence":2,"scanned_at":"\(phone(20 * 60))"},
                {"token":"\(token(1))","sequence":2,"scanned_at":"\(phone(20 * 60))"},
                {"token":"\(token(2))","sequence":3,"scanned_at":"\(phone(3 * 3_600))"}]}
                """
            let response = try await Self.sync(&guardA, body)
            #expect(response.status == .ok, "\(response.text)")
            let results = try response.json(PatrolBatchDTO.self).results
            #expect(results.map(\.status) == ["accepted", "accepted", "duplicate", "refused"])
            #expect(results[0].flags == ["clock_skew"])
            let accepted = try await PatrolScan.query(on: app.db).filter(\.$accepted == true).sort(\.$at).all()
            let expected: [Date] = [Self.night.addingTimeInterval(600), Self.night.addingTimeInterval(1_200)]
            #expect(accepted.map(\.at) == expected)
            #expect(accepted.allSatisfy { $0.offline && $0.device == "phone1" })
            #expect(try await PatrolScan.query(on: app.db).filter(\.$refusal == "future").count() == 1)
            // sent again (the answer was lost): nothing new
            let again = try await Self.sync(&guardA, body)
            #expect(
                try again.json(PatrolBatchDTO.self).results.map(\.status) == [
                    "duplicate", "duplicate", "duplicate", "duplicate",
                ]
            )
            #expect(try await PatrolScan.query(on: app.db).count() == 3)
            // a malformed batch: 422 naming the field, nothing written
            let bad = try await Self.sync(
                &guardA,
                #"{"device":"phone1","sent_at":"x","scans":[{"token":"a","scanned_at":"y"}]}"#
            )
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("scans.0.sequence") && bad.text.contains("sent_at"))
            #expect(try await PatrolScan.query(on: app.db).count() == 3)
        }
    }

    static func sync(_ browser: inout Browser, _ json: String) async throws -> TestingHTTPResponse {
        let token = try await browser.get(PatrolURL.sync.path)
        let csrf = try token.json([String: String].self)["csrf"] ?? ""
        var body = json
        body.removeFirst()
        return try await browser.send(
            .POST,
            PatrolURL.sync.path,
            headers: ["Content-Type": "application/json"],
            body: ByteBuffer(string: #"{"_csrf":"\#(csrf)","# + body)
        )
    }

    @Test(
        "an NFC tap is verified with the tag's keys and a replayed counter refused (AN12196's example)",
        arguments: Lane.all
    )
    func nfcTap(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            var officer = try await Self.guardBrowser(app, "an_ninh_a")
            let zero = String(repeating: "0", count: 32)
            let set = try await officer.post(
                PatrolURL.checkpointNFC(world.checkpoints[0].id!).path,
                form: ["meta_key": zero, "file_key": zero, "uid": "04DE5F1EACC040"]
            )
            #expect(set.status == .seeOther)
            // the keys never show again
            #expect(!(try await officer.get(PatrolURL.route(world.route).path).text.contains(zero)))
            clock.set(Self.night.addingTimeInterval(60))
            var guardA = try await Self.guardBrowser(app)
            let tap = world.link(0) + "?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086"
            let first = try await guardA.get(tap)
            #expect(first.status == .ok, "\(first.text)")
            #expect(try await PatrolCheckpoint.find(world.checkpoints[0].id, on: app.db)?.nfcCounter == 61)
            let replay = try await guardA.get(tap)
            #expect(replay.status == .conflict && replay.text.contains("Mã NFC đã được dùng"))
            let wrongMAC = try await guardA.get(
                world.link(0) + "?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337087"
            )
            #expect(wrongMAC.status == .unprocessableEntity)
            let refusals = try await PatrolScan.query(on: app.db).filter(\.$accepted == false).all().compactMap(
                \.refusal
            )
            #expect(refusals.sorted() == ["nfc_invalid", "nfc_replayed"])
            #expect(
                try await PatrolScan.query(on: app.db).filter(\.$method == "nfc").filter(\.$accepted == true).count()
                    == 1
            )
        }
    }

    @Test("an observation at a checkpoint, turned into an incident by the unit's head", arguments: Lane.all)
    func observation(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app, clock: clock)
            clock.set(Self.night.addingTimeInterval(60))
            var guardA = try await Self.guardBrowser(app)
            let form = try await guardA.get(PatrolURL.observe.path + "?checkpoint=\(world.checkpoints[2].id!)")
            #expect(form.status == .ok && form.text.contains("Kho vật tư"))
            let noted = try await guardA.post(
                PatrolURL.observe.path,
                form: ["checkpoint": world.checkpoints[2].id!.uuidString, "round": "", "text": "Cửa kho bị cạy"]
            )
            #expect(noted.status == .seeOther, "\(noted.text)")
            let observation = try #require(try await PatrolObservation.query(on: app.db).first())
            #expect(observation.text == "Cửa kho bị cạy" && observation.userName == "Nguyễn Văn Gác")
            // empty text: refused
            let empty = try await guardA.post(
                PatrolURL.observe.path,
                form: ["checkpoint": world.checkpoints[2].id!.uuidString, "text": ""]
            )
            #expect(empty.status == .unprocessableEntity)
            // unit B's guard cannot read it
            var guardB = try await Self.guardBrowser(app, "bao_ve_b")
            #expect(try await guardB.get(PatrolURL.observation(observation.id!).path).status == .notFound)
            // the head turns it into an incident, once
            var head = try await Self.guardBrowser(app, "thu_truong_a")
            let turned = try await head.post(
                PatrolURL.observationIncident(observation.id!).path,
                form: ["kind": "theft", "severity": "high"]
            )
            #expect(turned.status == .seeOther, "\(turned.text)")
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.description == "Cửa kho bị cạy" && incident.place == "Kho vật tư")
            #expect(try await PatrolObservation.find(observation.id, on: app.db)?.incidentID == incident.id)
            let twice = try await head.post(
                PatrolURL.observationIncident(observation.id!).path,
                form: ["kind": "theft", "severity": "high"]
            )
            #expect(twice.status == .unprocessableEntity)
            #expect(try await Incident.query(on: app.db).count() == 1)
        }
    }
}
