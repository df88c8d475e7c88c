import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Check-in, the duty log book and the two-sided handover, on both databases, through the pages a guard uses
/// on a phone and through the API.
@Suite("Duty watch")
struct DutyWatchTests {
    /// Unit A of the test province with nine guards (three leaders), each signing in as themselves, two
    /// 12-hour shifts a day and a published roster from 1 February 2027.
    struct Watch {
        var world: OrganisationTests.Province
        var clock: TestClock
        var officerToken: String

        /// The username of whoever holds the seat of `role` on `shift` of `date`.
        func holder(_ app: Application, _ date: String, _ shift: String, _ role: String) async throws -> String {
            let seat = try await RosterSeat.query(on: app.db).filter(\.$date == date).filter(\.$shift == shift)
                .filter(\.$role == role).first()
            let staff = try await StaffMember.find(try #require(seat).staffID, on: app.db)
            let user = try await User.find(try #require(staff?.userID), on: app.db)
            return try #require(user).username
        }

        /// A guard with no seat on any of `shifts` of `date`.
        func notOn(_ app: Application, _ date: String, _ shifts: [String]) async throws -> String {
            let seated = Set(
                try await RosterSeat.query(on: app.db).filter(\.$date == date).filter(\.$shift ~~ shifts).all()
                    .map(\.staffID)
            )
            let free = try await StaffMember.query(on: app.db).filter(\.$userID != nil).sort(\.$nameFolded).all()
                .first { !seated.contains($0.id!) }
            let user = try await User.find(try #require(free?.userID), on: app.db)
            return try #require(user).username
        }

        func token(_ app: Application, _ username: String) async throws -> String {
            let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
            return try await Fixtures.token(for: user, app: app)
        }
    }

    /// 2027-02-02 at `hour`:`minute` in Vietnam.
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        VietnamTime.instant(SolarDate(year: 2027, month: 2, day: day)!, minutes: hour * 60 + minute)
    }

    static func watch(_ app: Application, clock: TestClock) async throws -> Watch {
        clock.set(at(1, 6))
        let world = try await OrganisationTests.province(app)
        let area = AreaPath(world.communeA.path)!
        for index in 1...9 {
            _ = try await Fixtures.user(
                "bv\(index)",
                role: .dutyOfficer,
                scope: .unit(world.unitA.id, in: area),
                on: app.db
            )
            let response = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json:
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"Nguyễn Văn Bảo \#(index)","position":"Bảo vệ","is_leader":\#(index <= 3),"account":"bv\#(index)"}"#
            )
            #expect(response.status == .created, "\(response.text)")
        }
        let setup = try await api(
            app,
            .PUT,
            "/api/v1/units/\(world.unitA.id)/duty-setup",
            token: world.adminToken,
            json: DutyTests.twoShifts
        )
        #expect(setup.status == .ok, "\(setup.text)")
        let roster = try await api(
            app,
            .POST,
            "/api/v1/units/\(world.unitA.id)/rosters",
            token: world.adminToken,
            json: #"{"start_date":"2027-02-01","days":4,"seed":3}"#
        ).json(RosterDTO.self)
        let published = try await api(app, .POST, "/api/v1/rosters/\(roster.id)/publish", token: world.adminToken)
        #expect(published.status == .ok, "\(published.text)")
        let officer = try await Fixtures.user(
            "antt_a",
            role: .unitSecurityOfficer,
            scope: .unit(world.unitA.id, in: area),
            on: app.db
        )
        return Watch(world: world, clock: clock, officerToken: try await Fixtures.token(for: officer, app: app))
    }

    @Test(
        "a guard checks in on the phone page, writes the log book, corrects an entry and hands over to the next shift",
        arguments: Lane.all
    )
    func shiftOnThePhonePage(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let watch = try await Self.watch(app, clock: clock)
            let dayOfficer = try await watch.holder(app, "2027-02-02", "D", "officer")
            let dayLeader = try await watch.holder(app, "2027-02-02", "D", "leader")
            let nightOfficer = try await watch.holder(app, "2027-02-02", "N", "officer")

            // 07:05: the day officer checks in, on time.
            clock.set(Self.at(2, 7, 5))
            var guardPhone = Browser(app)
            _ = try await guardPhone.signIn(dayOfficer)
            let before = try await guardPhone.get("/duty")
            #expect(before.status == .ok)
            #expect(before.body.string.contains("Nhận ca"))
            #expect(before.body.string.contains("02/02/2027 (26/12 âm)"))
            let checkedIn = try await guardPhone.post("/duty/check-in", form: [:])
            #expect(checkedIn.status == .seeOther)
            // 07:20: the leader checks in late.
            clock.set(Self.at(2, 7, 20))
            var leaderPhone = Browser(app)
            _ = try await leaderPhone.signIn(dayLeader)
            _ = try await leaderPhone.post("/duty/check-in", form: [:])
            let checkIns = try await DutyCheckIn.query(on: app.db).sort(\.$checkedInAt).all()
            #expect(checkIns.map(\.status) == ["on_time", "late"])
            let page = try await guardPhone.get("/duty").body.string
            #expect(page.contains("Nhận ca lúc 07:05"))
            #expect(page.contains("đã nhận ca, muộn"))

            // A second check-in to the same shift is refused, and nothing is written.
            let again = try await guardPhone.post("/duty/check-in", form: [:])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("bạn đã nhận ca này lúc 02/02/2027 07:05"))
            #expect(try await DutyCheckIn.query(on: app.db).count() == 2)

            // The log book: a note, an item to follow up, a correction of the note as a new entry.
            _ = try await guardPhone.post("/duty/log", form: ["text": "Tuần tra khu nhà A, bình thường."])
            _ = try await guardPhone.post(
                "/duty/log",
                form: ["text": "Camera cổng sau mất tín hiệu.", "follow_up": "on"]
            )
            let note = try #require(try await DutyLogEntry.query(on: app.db).filter(\.$kind == "note").first())
            let corrected = try await guardPhone.post(
                "/duty/log",
                form: [
                    "kind": "correction", "refers_to": try note.requireID().uuidString.lowercased(),
                    "text": "Tuần tra khu nhà A và B, bình thường.",
                ]
            )
            #expect(corrected.status == .seeOther)
            let entries = try await DutyLogEntry.query(on: app.db).all()
            #expect(entries.count == 3)
            #expect(try await DutyLogEntry.find(note.id, on: app.db)?.text == "Tuần tra khu nhà A, bình thường.")
            let book = try await guardPhone.get("/duty").body.string
            #expect(book.contains(#"<p class="struck">Tuần tra khu nhà A, bình thường.</p>"#))
            #expect(book.contains("Camera cổng sau mất tín hiệu."))
            // An empty entry names its field.
            let empty = try await guardPhone.post("/duty/log", form: ["text": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("bắt buộc phải nhập"))
            #expect(try await DutyLogEntry.query(on: app.db).count() == 3)

            // 18:30: the day officer hands over; the open camera item goes with it.
            clock.set(Self.at(2, 18, 30))
            let handed = try await guardPhone.post(
                "/duty/handover",
                form: ["notes": "Ca ngày bình thường, bàn giao đủ chìa khóa."]
            )
            #expect(handed.status == .seeOther)
            let handover = try #require(try await DutyHandover.query(on: app.db).first())
            #expect(handover.openItemIDs.count == 1)
            #expect(handover.incomingShift == "N" && handover.incomingDate == "2027-02-02")

            // Someone not on the night shift cannot take it over; nothing changes.
            let bystander = try await watch.notOn(app, "2027-02-02", ["D", "N"])
            var stranger = Browser(app)
            _ = try await stranger.signIn(bystander)
            let refused = try await stranger.post("/duty/handovers/\(try handover.requireID())/receive", form: [:])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("chỉ người trực ca kế tiếp"))
            #expect(try await DutyHandover.find(handover.id, on: app.db)?.receivedAt == nil)

            // 18:55: the night officer sees the handover and the carried-over item, and confirms.
            clock.set(Self.at(2, 18, 55))
            var nightPhone = Browser(app)
            _ = try await nightPhone.signIn(nightOfficer)
            let nightPage = try await nightPhone.get("/duty").body.string
            #expect(nightPage.contains("Bàn giao từ ca trước"))
            #expect(nightPage.contains("Ca ngày bình thường, bàn giao đủ chìa khóa."))
            #expect(nightPage.contains("Camera cổng sau mất tín hiệu."))
            let received = try await nightPhone.post("/duty/handovers/\(try handover.requireID())/receive", form: [:])
            #expect(received.status == .seeOther)
            #expect(try await DutyHandover.find(handover.id, on: app.db)?.receivedAt == Self.at(2, 18, 55))

            // The unit's security officer reads the book of the day, as it prints.
            let printed = try await api(
                app,
                .GET,
                "/units/\(watch.world.unitA.id)/duty-log?from=02/02/2027&to=02/02/2027",
                token: watch.officerToken
            )
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            #expect(printed.body.string.contains("Camera cổng sau mất tín hiệu."))
            #expect(printed.body.string.contains("Ca ngày bình thường, bàn giao đủ chìa khóa."))
        }
    }

    /// The fields an API error names, with their messages.
    static func fields(_ response: TestingHTTPResponse) throws -> [String: String] {
        let body = try response.json(ErrorBody.self)
        return Dictionary(body.error.fields.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    @Test(
        "off-roster check-in, writing before check-in, bad entries, early or repeated handovers, a wrong taker: refused",
        arguments: Lane.all
    )
    func refusals(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let watch = try await Self.watch(app, clock: clock)
            let dayOfficer = try await watch.token(app, try await watch.holder(app, "2027-02-02", "D", "officer"))
            let bystander = try await watch.token(app, try await watch.notOn(app, "2027-02-02", ["D", "N"]))
            clock.set(Self.at(2, 10))

            // An account linked to no one, and a guard with no shift now.
            let unlinked = try await api(app, .POST, "/api/v1/duty/check-in", token: watch.officerToken)
            #expect(unlinked.status == .unprocessableEntity)
            #expect(try Self.fields(unlinked)["staff"] == "tài khoản này chưa gắn với cán bộ nào của đơn vị")
            let offRoster = try await api(app, .POST, "/api/v1/duty/check-in", token: bystander)
            #expect(offRoster.status == .unprocessableEntity)
            #expect(try Self.fields(offRoster)["seat"]?.contains("không có ca trực") == true)
            #expect(try await DutyCheckIn.query(on: app.db).count() == 0)

            // The book needs a check-in first; then the check-in at 10:00 is late.
            let early = try await api(app, .POST, "/api/v1/duty/log", token: dayOfficer, json: #"{"text":"Mở cổng"}"#)
            #expect(early.status == .unprocessableEntity)
            #expect(try Self.fields(early)["seat"] != nil)
            let checkIn = try await api(app, .POST, "/api/v1/duty/check-in", token: dayOfficer)
            #expect(checkIn.status == .created)
            #expect(try checkIn.json(CheckInDTO.self).status == "late")

            // Bad entries name their field; nothing is written.
            let badKind = try await api(
                app,
                .POST,
                "/api/v1/duty/log",
                token: dayOfficer,
                json: #"{"kind":"edit","text":"x"}"#
            )
            #expect(try Self.fields(badKind)["kind"] != nil)
            let long = try await api(
                app,
                .POST,
                "/api/v1/duty/log",
                token: dayOfficer,
                json: #"{"text":"\#(String(repeating: "a", count: 2_001))"}"#
            )
            #expect(try Self.fields(long)["text"] == "dài quá 2000 ký tự")
            let note = try await api(app, .POST, "/api/v1/duty/log", token: dayOfficer, json: #"{"text":"Mở cổng"}"#)
            #expect(note.status == .created)
            let noteID = try note.json(LogEntryDTO.self).id
            let closeNote = try await api(
                app,
                .POST,
                "/api/v1/duty/log",
                token: dayOfficer,
                json: #"{"kind":"close","text":"xong","refers_to":"\#(noteID)"}"#
            )
            #expect(try Self.fields(closeNote)["refers_to"]?.contains("không phải việc đang theo dõi") == true)
            let unknown = try await api(
                app,
                .POST,
                "/api/v1/duty/log",
                token: dayOfficer,
                json: #"{"kind":"correction","text":"x","refers_to":"\#(UUID())"}"#
            )
            #expect(try Self.fields(unknown)["refers_to"] != nil)
            #expect(try await DutyLogEntry.query(on: app.db).count() == 1)

            // A handover before the shift's last hour, then a second one, are refused.
            let tooEarly = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: dayOfficer,
                json: #"{"notes":"Bình thường"}"#
            )
            #expect(try Self.fields(tooEarly)["seat"]?.contains("giờ cuối của ca") == true)
            clock.set(Self.at(2, 18, 30))
            let handed = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: dayOfficer,
                json: #"{"notes":"Bình thường"}"#
            )
            #expect(handed.status == .created)
            let handover = try handed.json(HandoverDTO.self)
            let twice = try await api(
                app,
                .POST,
                "/api/v1/duty/handover",
                token: dayOfficer,
                json: #"{"notes":"Lần nữa"}"#
            )
            #expect(try Self.fields(twice)["seat"]?.contains("đã được bàn giao") == true)
            #expect(try await DutyHandover.query(on: app.db).count() == 1)
            // The outgoing officer cannot confirm their own handover.
            let ownTakeover = try await api(
                app,
                .POST,
                "/api/v1/duty/handovers/\(handover.id)/receive",
                token: dayOfficer
            )
            #expect(try Self.fields(ownTakeover)["staff"]?.contains("chỉ người trực ca kế tiếp") == true)
            #expect(try await DutyHandover.find(handover.id, on: app.db)?.receivedAt == nil)

            // Scopes: the commune's authority reads the unit's book; the other commune's gets 404.
            let authorityA = try await DutyTests.authority(app, "cong_an_xa_a", over: watch.world.communeA)
            let authorityB = try await DutyTests.authority(app, "cong_an_xa_b", over: watch.world.communeB)
            let path = "/api/v1/units/\(watch.world.unitA.id)/duty-log?from=2027-02-02&to=02/02/2027"
            let read = try await api(app, .GET, path, token: authorityA)
            #expect(read.status == .ok)
            let book = try read.json(LogBookDTO.self)
            #expect(book.entries.map(\.text) == ["Mở cổng"] && book.handovers.map(\.notes) == ["Bình thường"])
            #expect(try await api(app, .GET, path, token: authorityB).status == .notFound)
            let badPeriod = try await api(
                app,
                .GET,
                "/api/v1/units/\(watch.world.unitA.id)/duty-log?from=31/02/2027",
                token: authorityA
            )
            #expect(try Self.fields(badPeriod)["from"] != nil)

            // 19:20: nobody of the night shift (a leader and, state secrets adding one at night, two officers)
            // has checked in; oversight names them, for unit A only, with the day leader who never checked in:
            // the shift under way and the one just before it are listed, no older one.
            clock.set(Self.at(2, 19, 20))
            let covers = try await api(app, .GET, "/api/v1/duty/oversight", token: authorityA).json([UnitCoverDTO].self)
            #expect(covers.map(\.unitId) == [watch.world.unitA.id])
            #expect(covers.first?.notCheckedIn.map(\.shift) == ["D", "N", "N", "N"])
            // Next morning at 07:20 the day shift is under way and the night just before it is listed; the
            // previous day's day leader is not.
            clock.set(Self.at(3, 7, 20))
            let morning = try await api(app, .GET, "/api/v1/duty/oversight", token: authorityA)
                .json([UnitCoverDTO].self)
            #expect(morning.first?.notCheckedIn.contains { $0.startsAt == Self.at(2, 7) } == false)
        }
    }
}
