import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The upkeep pages on both databases, as a browser uses them: a guard's check of an extinguisher on a phone (a
/// failed point and a photo, multipart) that becomes a corrective action; the due list; the action marked done; the
/// intervals' form refusing a longer interval than the law allows; the PC02 record and the fire equipment book;
/// another unit's item, action and photo 404.
@Suite("Equipment upkeep pages")
struct EquipmentUpkeepPagesTests {
    static func browser(_ app: Application, _ name: String) async throws -> Browser {
        var browser = Browser(app)
        let response = try await browser.signIn(name)
        #expect(response.status == .seeOther, "\(response.text)")
        return browser
    }

    /// Posts the check form as a phone's browser does: multipart, with the CSRF token and a photo.
    static func postCheck(
        _ browser: inout Browser,
        item: UUID,
        fields: [String: String],
        photo: [UInt8]?
    ) async throws -> TestingHTTPResponse {
        if browser.cookies[CSRFCookieMiddleware.cookie] == nil { _ = try await browser.get(SiteURL.login.path) }
        let nonce = try #require(browser.cookies[CSRFCookieMiddleware.cookie])
        var all = fields
        all["_csrf"] = SecretToken.hmac(nonce, secret: Lane.testSecret)
        let boundary = "----antoan-upkeep-boundary"
        var body = ByteBuffer()
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let photo {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"binh.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n"
            )
            body.writeBytes(photo)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await browser.send(
            .POST,
            SiteURL.equipmentUpkeep(.check(item)).path,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body
        )
    }

    @Test(
        "a guard checks an extinguisher on a phone: a failed seal with a photo becomes a corrective action, marked done from the due list; another unit's item 404s",
        arguments: Lane.all
    )
    func checkOnAPhone(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentUpkeepTests.world(app, clock: clock)
            var guardA = try await Self.browser(app, "bv_a")
            // when: the check page of the item (its label opens the item, whose page links here)
            let form = try await guardA.get(SiteURL.equipmentUpkeep(.check(world.extinguisherA)).path)
            let foreign = try await guardA.get(SiteURL.equipmentUpkeep(.check(world.extinguisherB)).path)
            // then: the extinguisher's checklist, each point passed unless changed, a photo from the camera
            #expect(form.status == .ok, "\(form.text)")
            for point in ["Đúng vị trí", "Không bị che khuất, dễ thấy", "Chốt, niêm phong còn nguyên", "Không hư hỏng"]
            {
                #expect(form.text.contains(point), "\(point)")
            }
            #expect(form.text.contains(#"name="point_seal""#) && form.text.contains(#"capture="environment""#))
            #expect(form.text.contains("multipart/form-data") && form.text.contains("Bình bột tầng 2"))
            #expect(foreign.status == .notFound)
            // when: the seal fails, with a photo; and a post to the other unit's item
            let before = try await EquipmentCheck.query(on: app.db).count()
            let foreignPost = try await Self.postCheck(
                &guardA,
                item: world.extinguisherB,
                fields: ["upkeep": "check", "point_seal": "fail"],
                photo: nil
            )
            #expect(foreignPost.status == .notFound)
            #expect(try await EquipmentCheck.query(on: app.db).count() == before)
            let posted = try await Self.postCheck(
                &guardA,
                item: world.extinguisherA,
                fields: [
                    "upkeep": "check", "point_in_place": "pass", "point_visible": "pass", "point_seal": "fail",
                    "point_gauge": "pass", "point_no_damage": "pass", "note": "Mất chốt an toàn", "owner_staff_id": "",
                    "deadline": "",
                ],
                photo: IncidentPagesTests.jpeg()
            )
            // then
            #expect(posted.status == .seeOther, "\(posted.text)")
            let check = try #require(try await EquipmentCheck.query(on: app.db).first())
            #expect(!check.passed && check.failedKeys == ["seal"] && check.hasPhoto)
            #expect(try await EquipmentCheckPhoto.query(on: app.db).count() == 1)
            let action = try #require(try await CorrectiveAction.query(on: app.db).first())
            #expect(action.ownerName == "Phạm An Ninh" && action.deadline == world.today.adding(days: 7))
            let after = try await guardA.get(SiteURL.equipmentUpkeep(.check(world.extinguisherA)).path)
            #expect(
                after.text.contains("Không đạt: Chốt, niêm phong còn nguyên") && after.text.contains("Cần khắc phục")
            )
            let photo = try await guardA.get(SiteURL.equipmentUpkeep(.photo(try check.requireID())).path)
            #expect(photo.status == .ok && photo.headers.contentType?.subType == "jpeg")
            var officerB = try await Self.browser(app, "antt_b")
            #expect(
                try await officerB.get(SiteURL.equipmentUpkeep(.photo(try check.requireID())).path).status == .notFound
            )
            // when: the security officer opens the due list and marks the action done, first without a note
            var officer = try await Self.browser(app, "antt_a")
            let list = try await officer.get(SiteURL.equipmentUpkeep(.list).path + "?window=all")
            #expect(list.status == .ok && list.text.contains("Mất chốt an toàn") && list.text.contains("Dùi cui số 1"))
            let doneURL = SiteURL.equipmentUpkeep(.actionDone(try action.requireID())).path
            let empty = try await officer.post(doneURL, form: ["done_note": ""])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("bắt buộc"), "\(empty.text)")
            let crossed = try await officerB.post(doneURL, form: ["done_note": "x"])
            #expect(crossed.status == .notFound)
            let done = try await officer.post(doneURL, form: ["done_note": "Đã thay chốt, kẹp chì"])
            // then
            #expect(done.status == .seeOther)
            let closed = try #require(try await CorrectiveAction.find(try action.requireID(), on: app.db))
            #expect(closed.statusValue == .done && closed.doneNote == "Đã thay chốt, kẹp chì")
            // the guard may check but not change the intervals
            #expect(
                try await guardA.post(SiteURL.equipmentUpkeep(.schedules).path, form: ["kind": "hydrant"]).status
                    == .forbidden
            )
        }
    }

    @Test(
        "the intervals' form refuses a check every 45 days for an extinguisher, naming TCVN 7435-2; the PC02 record and the fire equipment book print",
        arguments: Lane.all
    )
    func schedulesAndPapers(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentUpkeepTests.world(app, clock: clock)
            var officer = try await Self.browser(app, "antt_a")
            _ = try await EquipmentUpkeepTests.check(
                app,
                world,
                world.extinguisherA,
                as: "bv_a",
                json: #"{"failed":["gauge"],"note":"Áp suất thấp"}"#
            )
            // when
            let page = try await officer.get(SiteURL.equipmentUpkeep(.schedules).path)
            let longer = try await officer.post(
                SiteURL.equipmentUpkeep(.schedules).path,
                form: ["kind": "powder_extinguisher", "upkeep": "check", "interval_days": "45"]
            )
            let shorter = try await officer.post(
                SiteURL.equipmentUpkeep(.schedules).path,
                form: ["kind": "powder_extinguisher", "upkeep": "check", "interval_days": "20"]
            )
            // then
            #expect(page.status == .ok && page.text.contains("Bình chữa cháy bột") && page.text.contains("365 ngày"))
            #expect(longer.status == .unprocessableEntity && longer.text.contains("TCVN 7435-2"), "\(longer.text)")
            #expect(shorter.status == .seeOther)
            #expect(try await EquipmentSchedule.query(on: app.db).first()?.intervalDays == 20)
            // the home page's card: nothing overdue, both of the unit's items' checks due in 10 days, one action
            let home = try await officer.get(SiteURL.home.path)
            #expect(home.text.contains("Phương tiện: kiểm tra, bảo quản") && home.text.contains("1 việc"))
            // when: the papers
            let pc02 = try await officer.get(SiteURL.equipmentUpkeep(.pc02).path)
            let book = try await officer.get(SiteURL.equipmentUpkeep(.fireBook).path)
            let badPeriod = try await officer.get(SiteURL.equipmentUpkeep(.pc02).path + "?from=31/02/2026")
            let authorityBook = try await api(
                app,
                .GET,
                SiteURL.equipmentUpkeep(.fireBook).path,
                token: world.token("ca_tinh")
            )
            // then
            #expect(pc02.status == .ok)
            for text in [
                "BIÊN BẢN TỰ KIỂM TRA VỀ PHÒNG CHÁY, CHỮA CHÁY", "Trần Văn Gác", "Hành lang tầng 2",
                "Áp suất (đồng hồ) trong vùng xanh không đạt", "Phạm An Ninh", "NGƯỜI ĐỨNG ĐẦU CƠ SỞ",
            ] {
                #expect(pc02.text.contains(text), "\(text)")
            }
            #expect(book.status == .ok)
            for text in ["SỔ THEO DÕI PHƯƠNG TIỆN PHÒNG CHÁY, CHỮA CHÁY", "MFZ4-001", "4 kg", world.today.dmy] {
                #expect(book.text.contains(text), "\(text)")
            }
            #expect(!book.text.contains("DC-01"), "a baton is not fire equipment")
            #expect(!book.text.contains("MFZ4-900"), "another unit's extinguisher")
            #expect(badPeriod.status == .unprocessableEntity)
            #expect(authorityBook.status == .badRequest)
        }
    }
}
