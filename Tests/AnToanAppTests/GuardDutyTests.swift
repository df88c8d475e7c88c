import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The duty desk as its people use it: the unit head who is the leader on duty, and a guard on a phone.
@Suite("Guard duty")
struct GuardDutyTests {
    /// Makes the account of whoever holds the seat of `role` on `shift` of `date` a unit head; its username.
    static func promoteToHead(
        _ app: Application,
        _ watch: DutyWatchTests.Watch,
        _ date: String,
        _ shift: String
    )
        async throws -> String
    {
        let username = try await watch.holder(app, date, shift, "leader")
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        user.role = Role.unitHead.rawValue
        try await user.persist(on: app.db)
        return username
    }

    @Test(
        "the unit head starred as the leader on duty opens the desk, checks in and signs the log book",
        arguments: Lane.all
    )
    func headOnDuty(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let head = try await Self.promoteToHead(app, watch, "2027-02-02", "D")
            clock.set(DutyWatchTests.at(2, 7, 5))
            var phone = Browser(app)
            _ = try await phone.signIn(head)
            // when
            let desk = try await phone.get("/duty")
            let checkIn = try await phone.post("/duty/check-in", form: [:])
            let signed = try await phone.post("/duty/log", form: ["kind": "note", "text": "Lãnh đạo trực đã kiểm tra"])
            let after = try await phone.get("/duty")
            // then
            #expect(desk.status == .ok)
            #expect(desk.text.contains("Nhận ca"))
            #expect(checkIn.status == .seeOther)
            #expect(signed.status == .seeOther)
            #expect(after.text.contains("Lãnh đạo trực đã kiểm tra"))
            let staff = try #require(
                try await StaffMember.query(on: app.db).join(User.self, on: \StaffMember.$userID == \User.$id)
                    .filter(User.self, \.$username == head).first()
            )
            #expect(try await DutyCheckIn.query(on: app.db).filter(\.$staffID == staff.requireID()).count() == 1)
            #expect(try await DutyLogEntry.query(on: app.db).filter(\.$staffID == staff.requireID()).count() == 1)
        }
    }

    @Test("a unit head with no seat, or with a seat only in another unit, is refused the desk", arguments: Lane.all)
    func headWithoutSeat(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: a head of unit A on its staff but on no roster, and a head of unit B whose account is
            // linked to a seated guard of unit A
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let world = watch.world
            _ = try await Fixtures.user(
                "truong_a",
                role: .unitHead,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let created = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json:
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"Trần Văn Trưởng","position":"Giám đốc","is_leader":true,"account":"truong_a"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let other = try await Fixtures.user(
                "truong_b",
                role: .unitHead,
                scope: .unit(world.unitB.id, in: AreaPath(world.communeB.path)!),
                on: app.db
            )
            let seated = try await watch.holder(app, "2027-02-02", "D", "leader")
            let seatedUser = try #require(try await User.query(on: app.db).filter(\.$username == seated).first())
            let guardRecord = try #require(
                try await StaffMember.query(on: app.db).filter(\.$userID == seatedUser.requireID()).first()
            )
            guardRecord.userID = try other.requireID()
            try await guardRecord.persist(on: app.db)
            clock.set(DutyWatchTests.at(2, 7, 5))
            for username in ["truong_a", "truong_b"] {
                var phone = Browser(app)
                _ = try await phone.signIn(username)
                // when
                let desk = try await phone.get("/duty")
                let checkIn = try await phone.post("/duty/check-in", form: [:])
                // then
                #expect(desk.status == .forbidden, "\(username)")
                #expect(checkIn.status == .forbidden, "\(username)")
            }
            #expect(try await DutyCheckIn.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "the desk names the post and the shift, and its card follows check-in with its own words",
        arguments: Lane.all
    )
    func deskWords(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 7, 5))
            var phone = Browser(app)
            _ = try await phone.signIn(officer)
            // when
            let before = try await phone.get("/duty")
            _ = try await phone.post("/duty/check-in", form: [:])
            let after = try await phone.get("/duty")
            // then
            #expect(before.text.contains("Ca ngày 07:00–19:00 · Trực ban · Cán bộ trực"))
            #expect(!before.text.contains("ca D") && !before.text.contains("chốt hq"))
            #expect(before.text.contains("Chưa nhận ca") && before.text.contains(">Nhận ca</button>"))
            #expect(after.text.contains("Đang trong ca") && !after.text.contains(">Nhận ca</button>"))
            #expect(after.text.contains("Ca sau: Ca đêm 19:00–07:00 · 02/02/2027"))
        }
    }

    @Test(
        "after a shift that was never checked in has ended, the desk offers no check-in it would refuse",
        arguments: Lane.all
    )
    func endedWithoutCheckIn(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the day officer never checked in; the day shift ended at 19:00
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 19, 10))
            var phone = Browser(app)
            _ = try await phone.signIn(officer)
            // when
            let desk = try await phone.get("/duty")
            // then
            #expect(desk.text.contains("Ca đã kết thúc, không nhận ca"))
            #expect(!desk.text.contains(">Nhận ca</button>"))
            #expect(try await phone.post("/duty/check-in", form: [:]).status == .unprocessableEntity)
        }
    }

    @Test("ending a shift more than an hour early asks for a reason, which the log book keeps", arguments: Lane.all)
    func earlyEnd(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 7, 5))
            var phone = Browser(app)
            _ = try await phone.signIn(officer)
            _ = try await phone.post("/duty/check-in", form: [:])
            clock.set(DutyWatchTests.at(2, 12, 30))
            // when
            let desk = try await phone.get("/duty")
            let refused = try await phone.post("/duty/check-out", form: ["reason": "  "])
            let stillOn = try await DutyCheckIn.query(on: app.db).filter(\.$checkedOutAt == nil).count()
            let ended = try await phone.post("/duty/check-out", form: ["reason": "Ốm, đã báo lãnh đạo trực"])
            let after = try await phone.get("/duty")
            // then
            #expect(desk.text.contains("Lý do kết thúc sớm (ca hết lúc 19:00)"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("aria-invalid") || refused.text.contains("field has-error"))
            #expect(stillOn == 1)
            #expect(ended.status == .seeOther)
            #expect(after.text.contains("Đã kết thúc ca lúc 12:30"))
            #expect(
                after.text.contains("Kết thúc ca sớm lúc 12:30 (ca hết lúc 19:00). Lý do: Ốm, đã báo lãnh đạo trực")
            )
            #expect(try await DutyLogEntry.query(on: app.db).count() == 1)
        }
    }

    @Test("through the API, an early end without a reason is refused naming the field", arguments: Lane.all)
    func earlyEndAPI(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let token = try await watch.token(app, try await watch.holder(app, "2027-02-02", "D", "officer"))
            clock.set(DutyWatchTests.at(2, 7, 5))
            _ = try await api(app, .POST, "/api/v1/duty/check-in", token: token)
            clock.set(DutyWatchTests.at(2, 9))
            // when
            let refused = try await api(app, .POST, "/api/v1/duty/check-out", token: token)
            let ended = try await api(
                app,
                .POST,
                "/api/v1/duty/check-out",
                token: token,
                json: #"{"reason":"Về viện"}"#
            )
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("reason"))
            #expect(ended.status == .ok, "\(ended.text)")
            #expect(try await DutyLogEntry.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "a guard's home shows today's shift, the next one and the leader on duty to call, under a menu",
        arguments: Lane.all
    )
    func guardHome(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            let leader = try await watch.holder(app, "2027-02-02", "D", "leader")
            let leaderUser = try #require(try await User.query(on: app.db).filter(\.$username == leader).first())
            let leaderRecord = try #require(
                try await StaffMember.query(on: app.db).filter(\.$userID == leaderUser.requireID()).first()
            )
            leaderRecord.phone = "0912 345 678"
            try await leaderRecord.persist(on: app.db)
            clock.set(DutyWatchTests.at(2, 7, 5))
            var phone = Browser(app)
            _ = try await phone.signIn(officer)
            // when
            let home = try await phone.get("/")
            // then
            let html = home.text
            #expect(html.contains(#"<details class="menu" id="menu"><summary>Danh mục</summary>"#))
            #expect(html.contains("Ca hôm nay") && html.contains("02/02/2027 · Ca ngày 07:00–19:00 · Trực ban"))
            #expect(
                html.contains("Ca tiếp theo") && html.firstMatch(of: /Ca tiếp theo<\/dt><dd>\d\d\/02\/2027 · Ca/) != nil
            )
            #expect(html.contains("Lãnh đạo trực") && html.contains(leaderRecord.fullName))
            #expect(html.contains(#"href="tel:0912345678""#))
            #expect(html.contains(#"href="/duty""#) && html.contains("Mở trang trực ca"))
        }
    }

    @Test(
        "the calendar address can be copied or opened as webcal, and its shifts carry the post and a reminder",
        arguments: Lane.all
    )
    func calendarFeed(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            var phone = Browser(app)
            _ = try await phone.signIn(officer)
            // when
            let made = try await phone.post("/my-shifts/feed", form: [:])
            let path = String(try #require(made.text.firstMatch(of: /\/my-shifts\/[A-Za-z0-9_-]{43}\.ics/)?.0))
            let feed = try await app.testing().sendRequest(.GET, path).text
            // then
            #expect(made.text.contains(#"data-action="copy""#) && made.text.contains(#"readonly="readonly""#))
            #expect(made.text.contains(#"href="webcal://"#))
            let lines = feed.components(separatedBy: "\r\n")
            #expect(lines.contains("LOCATION:Trực ban"))
            #expect(lines.contains("BEGIN:VALARM") && lines.contains("TRIGGER:-PT60M"))
            #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == lines.filter { $0 == "BEGIN:VEVENT" }.count)
        }
    }
}
