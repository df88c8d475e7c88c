import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Custody through the pages as a browser posts them: the request form, the head's approval, the hand-over, the
/// holder's receipt and the return; the certificates page; the loss reports page; the custody book in print; and
/// another scope's 404 on every page route.
@Suite("Equipment custody: pages")
struct EquipmentCustodyPagesTests {
    typealias World = EquipmentCustodyTests.World

    @Test(
        "a baton requested on the page, approved by the head, handed over, received by the guard, returned; the book prints",
        arguments: Lane.all
    )
    func pages(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentCustodyTests.world(app, clock: clock)
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let list = try await officer.get(SiteURL.custody(.list).path)
            #expect(list.status == .ok)
            let form = try #require(HTMLForms.forms(list.text).first { $0.action == SiteURL.custody(.list).path })
            // when: the form with the baton and the guard chosen, the rest as the page offers it
            var values = form.submission { _ in "Tuần tra ca đêm" }
            values["item"] = world.baton.uuidString.lowercased()
            values["staff"] = world.holder.uuidString.lowercased()
            let requested = try await officer.post(form.action, form: values, csrf: false)
            // then
            #expect(requested.status == .seeOther, "\(requested.text)")
            let custody = try #require(try await EquipmentCustody.query(on: app.db).first())
            let id = try custody.requireID()
            #expect(custody.status == "pending" && custody.reason == "Tuần tra ca đêm")
            // the head approves on the page
            var head = Browser(app)
            _ = try await head.signIn("tt_a")
            let pending = try await head.get(SiteURL.custody(.one(id)).path)
            #expect(pending.text.contains("Duyệt cấp phát") && pending.text.contains("Trần Văn Gác"))
            #expect(try await head.post(SiteURL.custody(.approve(id)).path, form: [:]).status == .seeOther)
            #expect(try await officer.post(SiteURL.custody(.hand(id)).path, form: [:]).status == .seeOther)
            var guardPhone = Browser(app)
            _ = try await guardPhone.signIn("bv_a")
            let mine = try await guardPhone.get(SiteURL.custody(.one(id)).path)
            #expect(mine.text.contains("Tôi xác nhận đã nhận"))
            #expect(try await guardPhone.post(SiteURL.custody(.receive(id)).path, form: [:]).status == .seeOther)
            let holding = try await guardPhone.get(SiteURL.custody(.list).path)
            #expect(holding.status == .ok && holding.text.contains("Bạn đang giữ"))
            let person = try await head.get(SiteURL.custody(.person(world.holder)).path)
            #expect(person.status == .ok && person.text.contains("Dùi cui điện số DC-01"))
            // the return as the page offers it: in good condition
            let out = try await officer.get(SiteURL.custody(.one(id)).path)
            let giveBack = try #require(
                HTMLForms.forms(out.text).first { $0.action == SiteURL.custody(.giveBack(id)).path }
            )
            let returned = try await officer.post(giveBack.action, form: giveBack.submission { _ in "" }, csrf: false)
            #expect(returned.status == .seeOther, "\(returned.text)")
            #expect(try await EquipmentItem.find(world.baton, on: app.db)?.status == "in_store")
            let twice = try await officer.post(SiteURL.custody(.giveBack(id)).path, form: ["condition": "good"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("đã trả lúc"))
            // the book of today prints the line with its columns
            let book = try await officer.get(SiteURL.custody(.book).path)
            #expect(book.status == .ok)
            #expect(book.text.contains("SỔ THEO DÕI CẤP PHÁT, SỬ DỤNG CÔNG CỤ HỖ TRỢ"))
            #expect(book.text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            #expect(book.text.contains("Trần Văn Gác") && book.text.contains("Lê Thị Thủ Trưởng"))
            #expect(book.text.contains("DC-01") && book.text.contains("Tốt"))
        }
    }

    @Test(
        "the certificates page adds and removes; an end before the start is refused naming valid_until",
        arguments: Lane.all
    )
    func certificates(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentCustodyTests.world(app, clock: clock)
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let page = try await officer.get(SiteURL.custody(.certificates).path)
            #expect(page.status == .ok && page.text.contains("CN-01/2025"))
            let form = try #require(
                HTMLForms.forms(page.text).first { $0.action == SiteURL.custody(.certificates).path }
            )
            // when: untouched but for its required fields, then with an end before its start
            var values = form.submission { _ in "PC06" }
            let added = try await officer.post(form.action, form: values, csrf: false)
            values["valid_until"] = "01/01/2020"
            let before = try await EquipmentCertificate.query(on: app.db).count()
            let backwards = try await officer.post(form.action, form: values, csrf: false)
            // then
            #expect(added.status == .seeOther, "\(added.text)")
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.text.contains("ngày hết hạn không được trước ngày cấp"))
            #expect(try await EquipmentCertificate.query(on: app.db).count() == before)
            let certificate = try #require(
                try await EquipmentCertificate.query(on: app.db).filter(\.$number == "PC06").first()
            )
            let removed = try await officer.post(
                SiteURL.custody(.certificateRemove(try certificate.requireID())).path,
                form: [:]
            )
            #expect(removed.status == .seeOther)
            #expect(try await EquipmentCertificate.query(on: app.db).count() == before - 1)
            _ = world
        }
    }

    @Test("every custody page of unit A is 404 to unit B's head and another province's police", arguments: Lane.all)
    func foreignScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentCustodyTests.world(app, clock: clock)
            let custody = try await EquipmentCustodyTests.request(app, world, item: world.baton)
                .json(EquipmentCustodyTests.CustodyBody.self)
            let certificate = try #require(try await EquipmentCertificate.query(on: app.db).first())
            let report = EquipmentLossReport()
            report.unitID = world.unitA
            report.areaPath = world.gate.province.communeA.path
            report.itemID = world.baton
            report.itemName = "Dùi cui điện số DC-01"
            report.missing = 1
            report.foundAt = clock.now()
            report.foundByName = "Trần Văn Gác"
            report.createdAt = clock.now()
            try await report.save(on: app.db)
            let reportID = try report.requireID()
            var outsider = Browser(app)
            _ = try await outsider.signIn("tt_b")
            var farPolice = Browser(app)
            _ = try await farPolice.signIn("ca_khac")
            // when / then
            for path in [
                SiteURL.custody(.one(custody.id)).path, SiteURL.custody(.person(world.holder)).path,
            ] {
                #expect(try await outsider.get(path).status == .notFound, "\(path)")
                #expect(try await farPolice.get(path).status == .notFound, "\(path)")
            }
            for path in [
                SiteURL.custody(.approve(custody.id)).path, SiteURL.custody(.refuse(custody.id)).path,
                SiteURL.custody(.hand(custody.id)).path, SiteURL.custody(.receive(custody.id)).path,
                SiteURL.custody(.giveBack(custody.id)).path,
                SiteURL.custody(.certificateRemove(try certificate.requireID())).path,
                SiteURL.custody(.lossHead(reportID)).path, SiteURL.custody(.lossPolice(reportID)).path,
            ] {
                let response = try await outsider.post(path, form: ["refusal_reason": "x", "condition": "good"])
                #expect(response.status == .notFound, "\(path): \(response.status)")
            }
            #expect(try await EquipmentCustody.find(custody.id, on: app.db)?.status == "pending")
            #expect(try await EquipmentLossReport.find(reportID, on: app.db)?.headToldAt == nil)
            // the lists of the outsider show nothing of unit A
            let losses = try await outsider.get(SiteURL.custody(.lossReports).path)
            #expect(losses.status == .ok && !losses.text.contains("DC-01"))
            let held = try await outsider.get(SiteURL.custody(.list).path)
            #expect(held.status == .ok && !held.text.contains("Trần Văn Gác"))
            // the province's police see unit A's loss report
            var province = Browser(app)
            _ = try await province.signIn("ca_tinh")
            let seen = try await province.get(SiteURL.custody(.lossReports).path)
            #expect(seen.status == .ok && seen.text.contains("Dùi cui điện số DC-01"))
        }
    }
}
