import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The incident pages as a guard, a unit head and a police officer use them: the report form with photos from a
/// phone, the incident page with its timeline, acknowledgement and steps, the list and the biên bản.
@Suite("Incident pages")
struct IncidentPagesTests {
    /// The GPS latitude's values in the test photo: they must not survive unless the reporter keeps them.
    static let latitude: [UInt8] = [
        0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0, 45, 0, 0, 0, 1, 0x0B, 0xAD, 0xCA, 0xFE, 0, 0, 0, 100,
    ]

    /// A JPEG whose EXIF holds the orientation and a GPS latitude (big-endian TIFF), then a tiny scan.
    static func jpeg() -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        var tiff: [UInt8] = Array("MM".utf8) + u16(42) + u32(8)
        tiff += u16(2)
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(6) + u16(0)
        tiff += u16(0x8825) + u16(4) + u32(1) + u32(38)
        tiff += u32(0)
        tiff += u16(1)
        tiff += u16(0x0002) + u16(5) + u32(3) + u32(56)
        tiff += u32(0)
        tiff += latitude
        let exif = Array("Exif".utf8) + [0, 0] + tiff
        return [0xFF, 0xD8, 0xFF, 0xE1] + u16(exif.count + 2) + exif
            + [0xFF, 0xDB] + u16(4) + [1, 2]
            + [0xFF, 0xDA] + u16(4) + [3, 4] + [9, 9, 9] + [0xFF, 0xD9]
    }

    /// Posts the report form as a phone's browser does: multipart, with the CSRF token and the files.
    static func postReport(
        _ browser: inout Browser,
        unit: UUID,
        fields: [String: String],
        files: [(name: String, type: String, bytes: [UInt8])]
    ) async throws -> TestingHTTPResponse {
        if browser.cookies[CSRFCookieMiddleware.cookie] == nil { _ = try await browser.get(SiteURL.login.path) }
        let nonce = try #require(browser.cookies[CSRFCookieMiddleware.cookie])
        var all = fields
        all["_csrf"] = SecretToken.hmac(nonce, secret: Lane.testSecret)
        let boundary = "----antoan-test-boundary"
        var body = ByteBuffer()
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: \(file.type)\r\n\r\n"
            )
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await browser.send(
            .POST,
            SiteURL.incidentNew(unit: unit).path,
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body
        )
    }

    static let theft = [
        "kind": "theft", "severity": "high", "place": "Nhà xe", "description": "Mất xe đạp điện của khách",
        "occurred_at": "",
    ]

    static func signedIn(_ app: Application, _ name: String) async throws -> Browser {
        var browser = Browser(app)
        let response = try await browser.signIn(name)
        #expect(response.status == .seeOther, "\(response.text)")
        return browser
    }

    @Test(
        "a guard reports with a photo from the phone form: the photo keeps no GPS and shows on the page",
        arguments: Lane.all
    )
    func reportWithPhoto(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await IncidentsTests.world(app, clock: clock)
            var guardBrowser = try await Self.signedIn(app, "bv_a")
            let form = try await guardBrowser.get(SiteURL.incidentNew(unit: world.unitA).path)
            #expect(form.status == .ok)
            #expect(form.text.contains("Trộm cắp tài sản") && form.text.contains(#"capture="environment""#))
            #expect(form.text.contains(#"accept="image/*""#) && form.text.contains("multipart/form-data"))
            // when
            let posted = try await Self.postReport(
                &guardBrowser,
                unit: world.unitA,
                fields: Self.theft,
                files: [("IMG_0001.jpg", "image/jpeg", Self.jpeg())]
            )
            // then
            #expect(posted.status == .seeOther, "\(posted.text)")
            let location = try #require(posted.headers.first(name: .location))
            let page = try await guardBrowser.get(location)
            #expect(page.text.contains("Mất xe đạp điện của khách") && page.text.contains("Trần Văn Gác"))
            let photo = try #require(try await IncidentPhoto.query(on: app.db).first())
            #expect(photo.contentType == "image/jpeg")
            let stored = [UInt8](photo.bytes)
            #expect(stored.count == Self.jpeg().count)
            #expect(!stored.contains(0xCA) && !stored.contains(0xFE))
            let photoURL = SiteURL.incidentPhoto(photo.incidentID, photo: try photo.requireID()).path
            #expect(page.text.contains(photoURL))
            let served = try await guardBrowser.get(photoURL)
            #expect(served.status == .ok && served.headers.contentType?.description == "image/jpeg")
            #expect([UInt8](served.body.readableBytesView) == stored)
            // The guard may read the incident but not handle it: no acknowledgement or step form.
            #expect(!page.text.contains(SiteURL.incidentStep(photo.incidentID).path))
            // Another unit's head gets 404 for the page and the photo.
            var other = try await Self.signedIn(app, "tt_b")
            #expect(try await other.get(location).status == .notFound)
            #expect(try await other.get(photoURL).status == .notFound)
        }
    }

    @Test("a reporter who keeps the location keeps the photo as taken", arguments: Lane.all)
    func keepLocation(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await IncidentsTests.world(app, clock: clock)
            var browser = try await Self.signedIn(app, "bv_a")
            var fields = Self.theft
            fields["keep_location"] = "on"
            let posted = try await Self.postReport(
                &browser,
                unit: world.unitA,
                fields: fields,
                files: [("a.jpg", "image/jpeg", Self.jpeg())]
            )
            #expect(posted.status == .seeOther, "\(posted.text)")
            let photo = try #require(try await IncidentPhoto.query(on: app.db).first())
            #expect([UInt8](photo.bytes) == Self.jpeg())
        }
    }

    @Test(
        "a file that is not an image, a missing kind or a future time: 422 beside the field, nothing written",
        arguments: Lane.all
    )
    func refusedReports(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await IncidentsTests.world(app, clock: clock)
            var browser = try await Self.signedIn(app, "bv_a")
            var fields = Self.theft
            fields["kind"] = ""
            fields["occurred_at"] = IncidentTime.local(IncidentsTests.start.addingTimeInterval(86_400))
            // when
            let response = try await Self.postReport(
                &browser,
                unit: world.unitA,
                fields: fields,
                files: [("virus.jpg", "image/jpeg", Array("MZ this is not a photo".utf8))]
            )
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("tệp thứ 1 không phải ảnh JPEG, PNG hoặc HEIC"))
            #expect(response.text.contains("không được ở thời điểm tương lai"))
            #expect(
                response.text.contains(#"id="incident-kind-error""#) || response.text.contains("bắt buộc phải nhập")
            )
            #expect(response.text.contains("Mất xe đạp điện của khách"))
            #expect(try await Incident.query(on: app.db).count() == 0)
            #expect(try await IncidentPhoto.query(on: app.db).count() == 0)
            // Another unit's form is 404, and so is posting to it.
            #expect(try await browser.get(SiteURL.incidentNew(unit: world.unitB).path).status == .notFound)
            let foreign = try await Self.postReport(&browser, unit: world.unitB, fields: Self.theft, files: [])
            #expect(foreign.status == .notFound)
            #expect(try await Incident.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "the head acknowledges and walks the steps on the page; the biên bản has the national heading and signatures",
        arguments: Lane.all
    )
    func handleOnThePage(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await IncidentsTests.world(app, clock: clock)
            let id = try await IncidentsTests.report(app, world)
            var head = try await Self.signedIn(app, "tt_a")
            let path = SiteURL.incident(id).path
            let before = try await head.get(path)
            #expect(before.text.contains("Chưa ai xác nhận") && before.text.contains(#"id="acknowledge""#))
            // when
            let acknowledged = try await head.post(SiteURL.incidentAcknowledge(id).path, form: [:])
            let skipped = try await head.post(SiteURL.incidentStep(id).path, form: ["stage": "police_notified"])
            let stepped = try await head.post(
                SiteURL.incidentStep(id).path,
                form: ["stage": "police_notified", "skip_reason": "Kẻ gian đã bỏ trốn", "note": "Đã báo Công an xã"]
            )
            let closed = try await head.post(
                SiteURL.incidentStep(id).path,
                form: [
                    "stage": "closed", "skip_reason": "Không bắt được người",
                    "qualification": "administrative_violation",
                    "detected_promptly": "on",
                ]
            )
            // then
            #expect(acknowledged.status == .seeOther && stepped.status == .seeOther && closed.status == .seeOther)
            #expect(skipped.status == .unprocessableEntity)
            #expect(skipped.text.contains("cần lý do bỏ qua"))
            let after = try await head.get(path)
            #expect(after.text.contains("Đã xác nhận — Lê Thị Thủ Trưởng"))
            #expect(after.text.contains("Bỏ qua bước: Đã bảo vệ hiện trường"))
            #expect(after.text.contains("Lý do: Kẻ gian đã bỏ trốn"))
            #expect(after.text.contains("Vi phạm hành chính"))
            #expect(!after.text.contains(#"id="acknowledge""#))
            let minutes = try await head.get(SiteURL.incidentMinutes(id).path)
            #expect(minutes.status == .ok)
            for words in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN SỰ VIỆC", "SỞ TƯ PHÁP",
                "Xã Hòa An, ngày 30 tháng 11 năm 2026", "NGƯỜI LẬP BIÊN BẢN", "ĐẠI DIỆN ĐƠN VỊ", "25.000.000 đồng",
                #"data-action="print""#,
            ] {
                #expect(minutes.text.contains(words), "\(words)")
            }
            var other = try await Self.signedIn(app, "ca_xb")
            #expect(try await other.get(SiteURL.incidentMinutes(id).path).status == .notFound)
            #expect(try await other.post(SiteURL.incidentAcknowledge(id).path, form: [:]).status == .notFound)
        }
    }

    @Test("the province police's list: filters, counts by kind, open and unacknowledged first", arguments: Lane.all)
    func lists(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: an older theft, closed; then a newer fire, unacknowledged
            let world = try await IncidentsTests.world(app, clock: clock)
            let theft = try await IncidentsTests.report(app, world, severity: "low")
            let close = try await api(
                app,
                .POST,
                "/api/v1/incidents/\(theft)/steps",
                token: world.token("tt_a"),
                json: #"{"stage":"closed","skip_reason":"Tìm thấy xe","qualification":"none"}"#
            )
            #expect(close.status == .ok, "\(close.text)")
            clock.advance(by: 600)
            let fire = try await api(
                app,
                .POST,
                "/api/v1/incidents",
                token: world.token("ca_xa"),
                json:
                    #"{"unit_id":"\#(world.unitA)","kind":"fire_explosion","severity":"critical","place":"Kho lưu trữ","description":"Chập điện gây cháy"}"#
            )
            #expect(fire.status == .created, "\(fire.text)")
            var police = try await Self.signedIn(app, "ca_tinh")
            // when
            let all = try await police.get(SiteURL.incidents.path)
            let fires = try await police.get(SiteURL.incidents.path + "?kind=fire_explosion")
            let open = try await api(app, .GET, "/api/v1/incidents?state=open", token: world.token("ca_tinh"))
                .json(IncidentListDTO.self)
            let bad = try await police.get(SiteURL.incidents.path + "?kind=ufo")
            // then
            #expect(all.status == .ok)
            #expect(all.text.contains("Cháy, nổ: 1") && all.text.contains("Trộm cắp tài sản: 1"))
            let firePosition = try #require(all.text.range(of: "Kho lưu trữ")).lowerBound
            let theftPosition = try #require(all.text.range(of: "Cổng chính")).lowerBound
            #expect(firePosition < theftPosition)
            #expect(all.text.contains(#"class="unacknowledged""#))
            // The list is a live region: the live-page script redraws it when an incident of the scope changes.
            #expect(all.text.contains(#"data-live="incident.reported incident.acknowledged"#))
            #expect(fires.text.contains("Kho lưu trữ") && !fires.text.contains("Cổng chính"))
            #expect(open.total == 1 && open.incidents.first?.kind == "fire_explosion")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("chỉ nhận"))
            // The unit's own people see their list with a report button; another unit's head sees nothing.
            var guardBrowser = try await Self.signedIn(app, "bv_a")
            let mine = try await guardBrowser.get(SiteURL.incidents.path)
            #expect(mine.text.contains(SiteURL.incidentNew(unit: world.unitA).path))
            var otherHead = try await Self.signedIn(app, "tt_b")
            let theirs = try await otherHead.get(SiteURL.incidents.path)
            #expect(!theirs.text.contains("Kho lưu trữ") && theirs.text.contains("Không có vụ việc nào."))
        }
    }

    @Test(
        "the guard's home has the report card; a HEIC photo is offered as a file; a guard may not acknowledge",
        arguments: Lane.all
    )
    func homeCardHEICAndGuardAcknowledgement(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await IncidentsTests.world(app, clock: clock)
            var guardBrowser = try await Self.signedIn(app, "bv_a")
            let home = try await guardBrowser.get(SiteURL.home.path)
            #expect(home.text.contains(SiteURL.incidentNew(unit: world.unitA).path))
            #expect(home.text.contains("Không có vụ việc nào."))
            // when: a phone's HEIC, its location kept (the file is stored as it came)
            let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
            var fields = Self.theft
            fields["keep_location"] = "on"
            let posted = try await Self.postReport(
                &guardBrowser,
                unit: world.unitA,
                fields: fields,
                files: [("IMG_0002.HEIC", "image/heic", heic)]
            )
            // then
            #expect(posted.status == .seeOther, "\(posted.text)")
            let location = try #require(posted.headers.first(name: .location))
            let page = try await guardBrowser.get(location)
            #expect(page.text.contains("Ảnh 1 (HEIC, tải về)") && !page.text.contains("<img"))
            let photo = try #require(try await IncidentPhoto.query(on: app.db).first())
            #expect(photo.contentType == "image/heic" && [UInt8](photo.bytes) == heic)
            let after = try await guardBrowser.get(SiteURL.home.path)
            #expect(after.text.contains("1 vụ việc"))
            let refused = try await guardBrowser.post(SiteURL.incidentAcknowledge(photo.incidentID).path, form: [:])
            #expect(refused.status == .forbidden)
            #expect(try await IncidentEvent.query(on: app.db).count() == 1)
        }
    }
}
