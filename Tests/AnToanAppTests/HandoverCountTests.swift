import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The count of a post's equipment at a handover, on both databases, with the clock of the duty roster: a browser
/// submit with the defaults untouched counts everything present; a missing baton raises a lost_equipment incident
/// and a loss report on the spot, whose duties are tracked to done; a count by someone on neither shift is refused.
@Suite("Handover count")
struct HandoverCountTests {
    struct Post {
        var watch: DutyWatchTests.Watch
        var baton: UUID
        var key: UUID
        var rounds: UUID
    }

    /// Unit A's duty roster and three items at its post "hq": a baton, the gate key and 10 cartridges.
    static func post(_ app: Application, clock: TestClock) async throws -> Post {
        let watch = try await DutyWatchTests.watch(app, clock: clock)
        let officer = try #require(try await User.query(on: app.db).filter(\.$username == "antt_a").first())
        let principal = Principal(
            id: try officer.requireID(),
            username: "antt_a",
            displayName: officer.displayName,
            role: .unitSecurityOfficer,
            scope: .unit(watch.world.unitA.id, in: AreaPath(watch.world.communeA.path)!),
            language: nil,
            sessionID: nil
        )
        let unit = watch.world.unitA.id
        return Post(
            watch: watch,
            baton: try await EquipmentCustodyTests.item(
                app,
                principal,
                unit,
                kind: "electric_baton",
                serial: "DC-07",
                post: "hq"
            ),
            key: try await EquipmentCustodyTests.item(app, principal, unit, kind: "key", serial: "K-01", post: "hq"),
            rounds: try await EquipmentCustodyTests.item(
                app,
                principal,
                unit,
                kind: "cartridges",
                quantity: 10,
                post: "hq"
            )
        )
    }

    static func checkIn(_ app: Application, _ post: Post, clock: TestClock) async throws -> String {
        let dayOfficer = try await post.watch.holder(app, "2027-02-02", "D", "officer")
        clock.set(DutyWatchTests.at(2, 7, 5))
        let token = try await post.watch.token(app, dayOfficer)
        let checkedIn = try await api(app, .POST, "/api/v1/duty/check-in", token: token)
        #expect(checkedIn.status == .created, "\(checkedIn.text)")
        return token
    }

    static func counts(_ post: Post, batonThere: Bool, rounds: Int) -> String {
        #"[{"item_id":"\#(post.baton)","present":\#(batonThere)},{"item_id":"\#(post.key)"},"#
            + #"{"item_id":"\#(post.rounds)","quantity":\#(rounds)}]"#
    }

    static func written(_ app: Application) async throws -> [Int] {
        [
            try await EquipmentCount.query(on: app.db).count(),
            try await Incident.query(on: app.db).count(),
            try await EquipmentLossReport.query(on: app.db).count(),
            try await DutyHandover.query(on: app.db).count(),
        ]
    }

    @Test(
        "the handover form lists the post's items checked; submitted untouched, everything is present and nothing is raised",
        arguments: Lane.all
    )
    func untouchedForm(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let post = try await Self.post(app, clock: clock)
            let dayOfficer = try await post.watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 7, 5))
            var phone = Browser(app)
            _ = try await phone.signIn(dayOfficer)
            _ = try await phone.post("/duty/check-in", form: [:])
            clock.set(DutyWatchTests.at(2, 18, 30))
            // when
            let page = try await phone.get("/duty").body.string
            let form = try #require(HTMLForms.forms(page).first { $0.action == "/duty/handover" })
            let handed = try await phone.post(
                "/duty/handover",
                form: form.submission { _ in "Ca ngày bình thường." }
            )
            // then
            #expect(page.contains("Kiểm đếm phương tiện của chốt"))
            #expect(page.contains("Dùi cui điện số DC-07"))
            #expect(handed.status == .seeOther, "\(handed.body.string)")
            let count = try #require(try await EquipmentCount.query(on: app.db).first())
            #expect(count.side == "outgoing" && count.missing == 0 && count.lineValues.count == 3)
            #expect(try await Incident.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "a handover with a missing baton raises a lost_equipment incident and a loss report at once; a count by someone on neither shift is refused; the duties are tracked to done",
        arguments: Lane.all
    )
    func missingBaton(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the day officer on duty, in the last hour of the shift
            let post = try await Self.post(app, clock: clock)
            let token = try await Self.checkIn(app, post, clock: clock)
            clock.set(DutyWatchTests.at(2, 18, 30))
            // when: no count, and a negative quantity
            let none = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: token,
                json: #"{"notes":"Bình thường"}"#
            )
            let negative = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: token,
                json: #"{"notes":"Bình thường","counts":\#(Self.counts(post, batonThere: true, rounds: -2))}"#
            )
            // then
            #expect(
                try none.status == .unprocessableEntity && (try DutyWatchTests.fields(none)).keys.contains("counts")
            )
            #expect(negative.status == .unprocessableEntity, "\(negative.text)")
            #expect(try DutyWatchTests.fields(negative).keys.contains("counts.2.quantity"))
            #expect(try await Self.written(app) == [0, 0, 0, 0])
            // when: the baton is missing and two cartridges short
            let handed = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: token,
                json: #"{"notes":"Thiếu dùi cui","counts":\#(Self.counts(post, batonThere: false, rounds: 8))}"#
            )
            // then: the incident and two loss reports, in the handover's transaction; the items keep their status
            #expect(handed.status == .created, "\(handed.text)")
            #expect(try await Self.written(app) == [1, 1, 2, 1])
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.kind == "lost_equipment" && incident.reportedAt == DutyWatchTests.at(2, 18, 30))
            #expect(incident.description.contains("Dùi cui điện số DC-07"), "\(incident.description)")
            #expect(incident.description.contains("thiếu 2 viên"), "\(incident.description)")
            #expect(try await EquipmentItem.find(post.baton, on: app.db)?.status == "in_store")
            // when: someone on neither shift counts at the receiving end
            let handover = try #require(try await DutyHandover.query(on: app.db).first())
            let receive = "/api/v1/duty/handovers/\(try handover.requireID())/receive"
            let bystander = try await post.watch.notOn(app, "2027-02-02", ["D", "N"])
            let stranger = try await api(
                app,
                .POST,
                receive,
                token: try await post.watch.token(app, bystander),
                json: #"{"counts":\#(Self.counts(post, batonThere: true, rounds: 10))}"#
            )
            // then
            #expect(
                try stranger.status == .unprocessableEntity
                    && (try DutyWatchTests.fields(stranger)).keys.contains("staff")
            )
            #expect(try await Self.written(app) == [1, 1, 2, 1])
            // when: the night officer confirms the same shortfall: already reported, nothing raised twice
            clock.set(DutyWatchTests.at(2, 18, 55))
            let night = try await post.watch.holder(app, "2027-02-02", "N", "officer")
            var nightPhone = Browser(app)
            _ = try await nightPhone.signIn(night)
            let desk = try await nightPhone.get("/duty").body.string
            #expect(desk.contains("Ca trước kiểm đếm thiếu: Dùi cui điện số DC-07"), "\(desk)")
            #expect(desk.contains("(thiếu 2 viên)"))
            let received = try await api(
                app,
                .POST,
                receive,
                token: try await post.watch.token(app, night),
                json: #"{"counts":\#(Self.counts(post, batonThere: false, rounds: 8))}"#
            )
            #expect(received.status == .ok, "\(received.text)")
            #expect(try await Self.written(app) == [2, 1, 2, 1])
            // when: the officer marks the duties of TT 46/2014 Điều 8.4
            let open = try await api(
                app,
                .GET,
                "/api/v1/equipment/loss-reports?open=true",
                token: post.watch.officerToken
            )
            #expect(open.text.contains(#""count":2"#), "\(open.text)")
            let report = try #require(
                try await EquipmentLossReport.query(on: app.db).filter(\.$itemID == post.baton).first()
            )
            let base = "/api/v1/equipment/loss-reports/\(try report.requireID())"
            let head = try await api(app, .POST, base + "/head", token: post.watch.officerToken)
            let again = try await api(app, .POST, base + "/head", token: post.watch.officerToken)
            let police = try await api(
                app,
                .POST,
                base + "/police",
                token: post.watch.officerToken,
                json: #"{"number":"15/BC-BV","date":"02/02/2027"}"#
            )
            // then
            #expect(head.status == .ok && again.status == .unprocessableEntity)
            #expect(police.status == .ok, "\(police.text)")
            let done = try #require(try await EquipmentLossReport.find(report.id, on: app.db))
            #expect(done.headToldAt == DutyWatchTests.at(2, 18, 55) && done.closedAt != nil)
            #expect(done.policeReportNumber == "15/BC-BV" && done.policeReportOn == "2027-02-02")
            let still = try await api(
                app,
                .GET,
                "/api/v1/equipment/loss-reports?open=true",
                token: post.watch.officerToken
            )
            #expect(still.text.contains(#""count":1"#), "\(still.text)")
        }
    }
}
