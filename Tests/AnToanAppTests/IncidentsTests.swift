import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Incident reports over the API, the escalation up the chain with an injected clock, acknowledgements and the
/// response step by step, on both databases; another unit's or area's accounts get 404.
@Suite("Incidents")
struct IncidentsTests {
    /// The test province with a police body over commune A reporting to the province's police, and the accounts
    /// of unit A (a guard, its head, its security officer), unit B's head, and police officers of commune A,
    /// commune B and the province.
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
        let provincePolice = try await api(
            app,
            .POST,
            "/api/v1/bodies",
            token: province.adminToken,
            json: #"{"code":"CA-T","name":"Công an tỉnh Sơn Hà","kind":"police","area_id":"\#(province.province.id)"}"#
        ).json(BodyIDOnly.self)
        let communePolice = try await api(
            app,
            .POST,
            "/api/v1/bodies",
            token: province.adminToken,
            json:
                #"{"code":"CA-HA","name":"Công an xã Hòa An","kind":"police","area_id":"\#(province.communeA.id)","reports_to_id":"\#(provincePolice.id)"}"#
        )
        #expect(communePolice.status == .created, "\(communePolice.text)")
        let areaA = AreaPath(province.communeA.path)!
        let areaB = AreaPath(province.communeB.path)!
        let accounts: [(String, Role, Scope, String)] = [
            ("bv_a", .dutyOfficer, .unit(province.unitA.id, in: areaA), "Trần Văn Gác"),
            ("tt_a", .unitHead, .unit(province.unitA.id, in: areaA), "Lê Thị Thủ Trưởng"),
            ("antt_a", .unitSecurityOfficer, .unit(province.unitA.id, in: areaA), "Phạm An Ninh"),
            ("tt_b", .unitHead, .unit(province.unitB.id, in: areaB), "Đỗ Văn Bê"),
            ("ca_xa", .authorityOfficer, .area(areaA), "Hoàng Công An Xã"),
            ("ca_xb", .authorityOfficer, .area(areaB), "Vũ Công An Phường"),
            ("ca_tinh", .authorityLeader, .area(AreaPath(province.province.path)!), "Ngô Công An Tỉnh"),
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

    struct BodyIDOnly: Decodable { var id: UUID }

    /// Reports a theft at unit A's main gate as the guard; returns its id.
    static func report(
        _ app: Application,
        _ world: World,
        severity: String = "critical",
        as name: String = "bv_a"
    ) async throws -> UUID {
        let response = try await api(
            app,
            .POST,
            "/api/v1/incidents",
            token: world.token(name),
            json:
                #"{"unit_id":"\#(world.unitA)","kind":"theft","severity":"\#(severity)","place":"Cổng chính","description":"Mất một xe máy Honda trong bãi xe","people_involved":"Anh Nguyễn Văn Khách","damage_vnd":25000000}"#
        )
        #expect(response.status == .created, "\(response.text)")
        return try response.json(IncidentDTO.self).id
    }

    static func count<M: Model>(_ type: M.Type, _ app: Application) async throws -> Int {
        try await M.query(on: app.db).count()
    }

    @Test(
        "a guard reports a theft: the unit's head and security officer and the commune police are told",
        arguments: Lane.all
    )
    func reportReachesLeaders(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let audit = try await Self.count(AuditEntry.self, app)
            // when
            let id = try await Self.report(app, world)
            // then
            let incident = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("tt_a"))
                .json(IncidentDTO.self)
            #expect(incident.kind == "theft" && incident.criteria == ["6.3.đ"])
            #expect(incident.reportedBy == "Trần Văn Gác" && incident.damageVnd == 25_000_000)
            #expect(incident.timeline.map(\.kind) == ["reported"])
            #expect(try await Self.count(Incident.self, app) == 1)
            #expect(try await Self.count(AuditEntry.self, app) == audit + 1)
            let told = Set(try await IncidentAddressee.query(on: app.db).all().map(\.accountID))
            #expect(told == Set(["tt_a", "antt_a", "ca_xa"].compactMap { world.ids[$0] }))
            let inbox = try await InboxNotification.query(on: app.db).filter(\.$entityID == id).all()
            #expect(Set(inbox.map(\.accountID)) == told && inbox.allSatisfy(\.needsAcknowledgement))
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db)
            #expect(events.filter { $0.type == .incidentReported && $0.unitID == world.unitA }.count == 1)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == JobKind.incidentEscalation.rawValue).all()
            #expect(jobs.count == 1 && jobs.first?.runAt == Self.start.addingTimeInterval(300))
        }
    }

    @Test(
        "unacknowledged, a critical incident goes to the province police after 5 minutes and not before",
        arguments: Lane.all
    )
    func escalatesAfterDelay(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            // when: 4 minutes 59 later
            _ = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(299))
            // then: nothing moved
            let before = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("ca_tinh"))
                .json(IncidentDTO.self)
            #expect(before.escalationLevel == 0 && !before.timeline.map(\.kind).contains("escalated"))
            #expect(try await IncidentAddressee.query(on: app.db).count() == 3)
            // when: 5 minutes 1 later
            _ = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(301))
            // then: the province police is told, and the escalation is on the timeline
            let after = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("ca_tinh"))
                .json(IncidentDTO.self)
            #expect(after.escalationLevel == 1)
            let escalation = after.timeline.first { $0.kind == "escalated" }
            #expect(escalation?.by == "Công an tỉnh Sơn Hà")
            let tinh = try #require(world.ids["ca_tinh"])
            #expect(try await IncidentAddressee.query(on: app.db).filter(\.$accountID == tinh).count() == 1)
            #expect(try await InboxNotification.query(on: app.db).filter(\.$accountID == tinh).count() == 1)
            // The chain ends at the province: nothing more, however long it waits.
            _ = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(3_600))
            #expect(try await IncidentEvent.query(on: app.db).filter(\.$kind == "escalated").count() == 1)
        }
    }

    @Test(
        "a supervising body nobody signs in for is passed over: the province police is told at once",
        arguments: Lane.all
    )
    func bodyWithoutAccounts(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the commune police's only account is switched off
            let world = try await Self.world(app, clock: clock)
            let commune = try #require(try await User.find(world.ids["ca_xa"], on: app.db))
            commune.isActive = false
            try await commune.persist(on: app.db)
            // when
            let id = try await Self.report(app, world)
            // then
            let told = Set(try await IncidentAddressee.query(on: app.db).all().map(\.accountID))
            #expect(told == Set(["tt_a", "antt_a", "ca_tinh"].compactMap { world.ids[$0] }))
            let incident = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("ca_tinh"))
                .json(IncidentDTO.self)
            #expect(incident.escalationLevel == 1)
            // Nothing is above the province: no escalation later.
            _ = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(3_600))
            #expect(try await IncidentEvent.query(on: app.db).filter(\.$kind == "escalated").count() == 0)
        }
    }

    @Test(
        "acknowledged in time, an incident does not escalate; a second acknowledgement changes nothing",
        arguments: Lane.all
    )
    func acknowledgementStopsEscalation(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            clock.advance(by: 120)
            // when
            let first = try await api(app, .POST, "/api/v1/incidents/\(id)/acknowledge", token: world.token("tt_a"))
            let audit = try await Self.count(AuditEntry.self, app)
            let second = try await api(app, .POST, "/api/v1/incidents/\(id)/acknowledge", token: world.token("tt_a"))
            _ = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(3_600))
            // then
            #expect(first.status == .ok && second.status == .ok)
            #expect(try first.json(IncidentAcknowledgementDTO.self).alreadyAcknowledged == false)
            #expect(try second.json(IncidentAcknowledgementDTO.self).alreadyAcknowledged == true)
            #expect(try await Self.count(AuditEntry.self, app) == audit)
            let incident = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("tt_a"))
                .json(IncidentDTO.self)
            #expect(incident.timeline.map(\.kind) == ["reported", "acknowledged"])
            #expect(incident.timeline.last?.by == "Lê Thị Thủ Trưởng")
            #expect(incident.escalationLevel == 0 && incident.acknowledgedAt == Self.start.addingTimeInterval(120))
            let head = try #require(world.ids["tt_a"])
            let inbox = try await InboxNotification.query(on: app.db).filter(\.$accountID == head).all()
            #expect(inbox.count == 1 && inbox.first?.acknowledgedAt != nil)
        }
    }

    @Test(
        "the province's police acknowledges an incident before the escalation has told it, and it counts",
        arguments: Lane.all
    )
    func acknowledgementByOneNotYetTold(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: a report that has reached the unit and the commune, not yet the province
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            let province = try #require(world.ids["ca_tinh"])
            #expect(try await IncidentAddressee.query(on: app.db).filter(\.$accountID == province).count() == 0)
            // when
            let ack = try await api(app, .POST, "/api/v1/incidents/\(id)/acknowledge", token: world.token("ca_tinh"))
            // then
            #expect(ack.status == .ok)
            #expect(try ack.json(IncidentAcknowledgementDTO.self).alreadyAcknowledged == false)
            let addressee = try await IncidentAddressee.query(on: app.db).filter(\.$accountID == province).all()
            #expect(addressee.count == 1 && addressee.first?.acknowledgedAt != nil)
            let incident = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token("tt_a"))
                .json(IncidentDTO.self)
            #expect(incident.timeline.map(\.kind) == ["reported", "acknowledged"])
            #expect(incident.timeline.last?.by == "Ngô Công An Tỉnh" && incident.acknowledgedAt != nil)
        }
    }

    @Test(
        "another unit's head and an authority of another area get 404 for everything of the incident",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            let step = #"{"stage":"responding"}"#
            for name in ["tt_b", "ca_xb"] {
                // when
                let show = try await api(app, .GET, "/api/v1/incidents/\(id)", token: world.token(name))
                let ack = try await api(app, .POST, "/api/v1/incidents/\(id)/acknowledge", token: world.token(name))
                let stepped = try await api(
                    app,
                    .POST,
                    "/api/v1/incidents/\(id)/steps",
                    token: world.token(name),
                    json: step
                )
                let list = try await api(app, .GET, "/api/v1/incidents", token: world.token(name))
                    .json(IncidentListDTO.self)
                // then
                #expect(show.status == .notFound && ack.status == .notFound && stepped.status == .notFound, "\(name)")
                #expect(list.total == 0 && list.incidents.isEmpty, "\(name)")
            }
            // Nor may they report on unit A.
            let report = try await api(
                app,
                .POST,
                "/api/v1/incidents",
                token: world.token("tt_b"),
                json: #"{"unit_id":"\#(world.unitA)","kind":"theft","severity":"low","place":"Cổng","description":"x"}"#
            )
            #expect(report.status == .notFound)
            #expect(try await IncidentEvent.query(on: app.db).count() == 1)
            #expect(try await IncidentAddressee.query(on: app.db).filter(\.$acknowledgedAt != nil).count() == 0)
            // The province's police sees it on its list.
            let province = try await api(app, .GET, "/api/v1/incidents", token: world.token("ca_tinh"))
                .json(IncidentListDTO.self)
            #expect(province.incidents.map(\.id) == [id])
        }
    }

    @Test(
        "bad reports are refused naming the field, in Vietnamese or English, and nothing is written",
        arguments: Lane.all
    )
    func badReports(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let unit = world.unitA
            let future = ISO8601DateFormatter().string(from: Self.start.addingTimeInterval(3_600))
            let long = String(repeating: "a", count: IncidentLimits.description + 1)
            let cases: [(String, String)] = [
                (#"{"unit_id":"\#(unit)","severity":"low","place":"Cổng","description":"x"}"#, "kind"),
                (#"{"unit_id":"\#(unit)","kind":"ufo","severity":"low","place":"Cổng","description":"x"}"#, "kind"),
                (
                    #"{"unit_id":"\#(unit)","kind":"theft","severity":"low","place":"Cổng","description":"x","occurred_at":"\#(future)"}"#,
                    "occurred_at"
                ),
                (
                    #"{"unit_id":"\#(unit)","kind":"theft","severity":"low","place":"Cổng","description":"\#(long)"}"#,
                    "description"
                ),
                (#"{"unit_id":"\#(unit)","kind":"theft","severity":"low","description":"x"}"#, "place"),
                (
                    #"{"unit_id":"\#(unit)","kind":"theft","severity":"low","place":"Cổng","description":"x","damage_vnd":-5}"#,
                    "damage_vnd"
                ),
            ]
            for (json, field) in cases {
                // when
                let response = try await api(app, .POST, "/api/v1/incidents", token: world.token("bv_a"), json: json)
                // then
                #expect(response.status == .unprocessableEntity, "\(field): \(response.text)")
                let body = try response.json(ErrorBody.self)
                #expect(body.error.fields.map(\.field).contains(field), "\(field): \(response.text)")
            }
            let english = try await app.testing().sendRequest(
                .POST,
                "/api/v1/incidents",
                headers: [
                    "Authorization": "Bearer \(world.token("bv_a"))", "Content-Type": "application/json",
                    "Accept-Language": "en",
                ],
                body: ByteBuffer(string: cases[2].0)
            )
            let message = try english.json(ErrorBody.self).error.fields.first?.message
            #expect(message == "cannot be in the future")
            #expect(try await Self.count(Incident.self, app) == 0)
            #expect(try await Job.query(on: app.db).filter(\.$kind == JobKind.incidentEscalation.rawValue).count() == 0)
        }
    }

    @Test(
        "the response goes step by step; a skip needs a reason and shows; closing records the outcome",
        arguments: Lane.all
    )
    func responseSteps(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            func step(_ json: String, as name: String = "tt_a") async throws -> TestingHTTPResponse {
                try await api(app, .POST, "/api/v1/incidents/\(id)/steps", token: world.token(name), json: json)
            }
            func refusedField(_ response: TestingHTTPResponse) throws -> [String] {
                #expect(response.status == .unprocessableEntity, "\(response.text)")
                return try response.json(ErrorBody.self).error.fields.map(\.field)
            }
            // when / then: a guard may report but not record steps
            #expect(try await step(#"{"stage":"responding"}"#, as: "bv_a").status == .forbidden)
            #expect(try await step(#"{"stage":"responding","note":"Tổ tự quản có mặt"}"#).status == .ok)
            // passing over a step without a reason, or going back
            #expect(try refusedField(try await step(#"{"stage":"police_notified"}"#)) == ["skip_reason"])
            #expect(try refusedField(try await step(#"{"stage":"responding"}"#)) == ["stage"])
            let skipped = try await step(
                #"{"stage":"police_notified","skip_reason":"Hiện trường ở bãi xe công cộng","note":"Đã gọi 113"}"#,
                as: "ca_xa"
            )
            #expect(skipped.status == .ok, "\(skipped.text)")
            // closing needs the qualification, and a crime needs its severity
            let closeBare = #"{"stage":"closed","skip_reason":"Công an xã thụ lý"}"#
            #expect(try refusedField(try await step(closeBare)) == ["qualification"])
            let crime = #"{"stage":"closed","skip_reason":"Công an xã thụ lý","qualification":"crime"}"#
            #expect(try refusedField(try await step(crime)) == ["crime_severity"])
            let closed = try await step(
                #"{"stage":"closed","skip_reason":"Công an xã thụ lý","qualification":"crime","crime_severity":"less_serious","detected_promptly":true,"damage_limited":true,"reported_to_authority_at":"2026-11-30T00:40:00Z"}"#
            )
            #expect(closed.status == .ok, "\(closed.text)")
            let incident = try closed.json(IncidentDTO.self)
            #expect(incident.stage == "closed")
            #expect(
                incident.timeline.map { "\($0.kind):\($0.stage ?? "")" } == [
                    "reported:reported", "step:responding", "skipped:scene_secured", "step:police_notified",
                    "skipped:handed_over", "skipped:under_investigation", "step:closed",
                ]
            )
            #expect(incident.timeline[2].note == "Hiện trường ở bãi xe công cộng")
            #expect(incident.timeline[3].by == "Hoàng Công An Xã")
            #expect(incident.outcome?.crimeSeverity == "less_serious" && incident.outcome?.detectedPromptly == true)
            #expect(
                incident.outcome?.reportedToAuthorityAt == ISO8601DateFormatter().date(from: "2026-11-30T00:40:00Z")
            )
            // nothing after closing
            #expect(try refusedField(try await step(#"{"stage":"closed"}"#)) == ["stage"])
            #expect(try await IncidentEvent.query(on: app.db).count() == 7)
        }
    }

    @Test(
        "the same acknowledgement and the same step sent four times at once are each recorded once",
        arguments: Lane.concurrent
    )
    func atOnce(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let id = try await Self.report(app, world)
            let token = world.token("tt_a")
            // when
            let acknowledgements = try await ConcurrentWritesTests.atOnce(
                (0..<4).map { _ in { try await api(app, .POST, "/api/v1/incidents/\(id)/acknowledge", token: token) } }
            )
            let steps = try await ConcurrentWritesTests.atOnce(
                (0..<4).map { _ in
                    {
                        try await api(
                            app,
                            .POST,
                            "/api/v1/incidents/\(id)/steps",
                            token: token,
                            json: #"{"stage":"responding"}"#
                        )
                    }
                }
            )
            // then
            #expect(acknowledgements.allSatisfy { $0 == .ok }, "\(acknowledgements)")
            #expect(steps.filter { $0 == .ok }.count == 1 && steps.filter { $0 == .unprocessableEntity }.count == 3)
            let kinds = try await IncidentEvent.query(on: app.db).filter(\.$incidentID == id).all().map(\.kind)
            #expect(kinds.filter { $0 == "acknowledged" }.count == 1 && kinds.filter { $0 == "step" }.count == 1)
            #expect(try await IncidentAddressee.query(on: app.db).filter(\.$acknowledgedAt != nil).count() == 1)
        }
    }

    @Test(
        "a site of the unit names the place, with the reporter's words beside it; another unit's site is refused",
        arguments: Lane.all
    )
    func siteAndPlace(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            func site(_ unit: UUID, _ code: String, _ name: String) async throws -> UUID {
                let response = try await api(
                    app,
                    .POST,
                    "/api/v1/units/\(unit)/sites",
                    token: world.province.adminToken,
                    json: #"{"code":"\#(code)","name":"\#(name)","kind":"gate"}"#
                )
                #expect(response.status == .created, "\(response.text)")
                return try response.json(BodyIDOnly.self).id
            }
            let gate = try await site(world.unitA, "CONG-1", "Cổng số 1")
            let foreign = try await site(world.unitB, "CONG-B", "Cổng nhà máy")
            // when
            let report = { (siteID: UUID) in
                try await api(
                    app,
                    .POST,
                    "/api/v1/incidents",
                    token: world.token("bv_a"),
                    json:
                        #"{"unit_id":"\#(world.unitA)","site_id":"\#(siteID)","place":"cạnh nhà xe","kind":"intrusion","severity":"medium","description":"Người lạ trèo rào"}"#
                )
            }
            let made = try await report(gate)
            let refused = try await report(foreign)
            // then
            #expect(made.status == .created, "\(made.text)")
            let incident = try made.json(IncidentDTO.self)
            #expect(incident.place == "Cổng số 1 — cạnh nhà xe" && incident.siteId == gate)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(ErrorBody.self).error.fields.map(\.field) == ["site"])
            #expect(try await Incident.query(on: app.db).count() == 1)
        }
    }
}
