import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Triage of tips by the unit or the authority, and situation notes (INC-4, INC-5), on both databases: each
/// route, its scope (another unit's or another area's tip is a 404), its bad input, what the sender then sees.
@Suite("Tips: triage and situation notes")
struct TipTriageTests {
    static func signedIn(_ app: Application, _ user: User) async throws -> Browser {
        var browser = Browser(app)
        let response = try await browser.signIn(user.username)
        #expect(response.status == .seeOther)
        return browser
    }

    static func tipID(_ app: Application) async throws -> UUID {
        try #require(try await Tip.query(on: app.db).sort(\.$receivedAt, .descending).first()?.id)
    }

    @Test(
        "the unit asks, the sender reads the question with the code and answers, the asker is told",
        arguments: Lane.all
    )
    func askAndAnswer(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: an anonymous tip to unit A
            let world = try await TipsTests.world(app)
            let sender = TipSender(app)
            let code = try await TipsTests.send(sender, to: "unit:\(world.unitA)", photos: [PhotoFileTests.jpeg()])
            let id = try await Self.tipID(app)
            var head = try await Self.signedIn(app, world.headA)
            // the head's list and the tip's page, with its photo
            let list = try await head.get(SiteURL.tips(.list).path)
            #expect(list.status == .ok)
            #expect(list.text.contains("người lạ") && list.text.contains("Sở Tư pháp"))
            let page = try await head.get(SiteURL.tips(.tip(id)).path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Người báo tin: ẩn danh"))
            let photoID = try #require(try await TipPhoto.query(on: app.db).first()?.id)
            let photo = try await head.get(SiteURL.tips(.photo(photoID)).path)
            #expect(photo.status == .ok && photo.headers.contentType?.subType == "jpeg")
            // when: a question without text is refused, then asked
            let empty = try await head.post(
                SiteURL.tips(.decide(id)).path,
                form: ["decision": "ask_sender", "text": ""]
            )
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains(#"id="ask-text-error""#))
            let asked = try await head.post(
                SiteURL.tips(.decide(id)).path,
                form: ["decision": "ask_sender", "text": "Nhóm người đó đi xe gì, biển số bao nhiêu?"]
            )
            #expect(asked.status == .seeOther)
            // then: the sender sees the question with the code
            let followed = try await sender.form(SiteURL.tips(.follow).path, ["code": code])
            #expect(followed.text.contains("Cần bạn bổ sung thông tin"))
            #expect(followed.text.contains("biển số bao nhiêu"))
            #expect(!followed.text.contains("Trần Văn Thủ"))
            // and answers it, with a photo
            let answered = try await sender.multipart(
                SiteURL.tips(.answer).path,
                ["code": code, "text": "Xe bán tải màu trắng, biển 99C-123.45"],
                photos: [PhotoFileTests.jpeg()]
            )
            #expect(answered.status == .ok, "\(answered.text)")
            #expect(answered.text.contains("Đã gửi phần bổ sung"))
            let tip = try #require(try await Tip.find(id, on: app.db))
            #expect(tip.statusValue == .received)
            #expect(try await TipPhoto.query(on: app.db).count() == 2)
            let told = try await InboxNotification.query(on: app.db).filter(\.$entity == "tip")
                .filter(\.$accountID == (try world.headA.requireID())).count()
            #expect(told == 2)
            #expect(try await head.get(SiteURL.tips(.tip(id)).path).text.contains("99C-123.45"))
            // an answer with an unknown code writes nothing
            let wrong = try await sender.form(SiteURL.tips(.answer).path, ["code": "AAAA", "text": "x"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await TipMessage.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "another unit's head, and an authority outside the area, get 404 on the tip, its photo and its decision",
        arguments: Lane.all
    )
    func foreignScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            let sender = TipSender(app)
            _ = try await TipsTests.send(sender, to: "unit:\(world.unitA)", photos: [PhotoFileTests.jpeg()])
            let id = try await Self.tipID(app)
            let photoID = try #require(try await TipPhoto.query(on: app.db).first()?.id)
            for user in [world.headB, world.farAuthority] {
                var browser = try await Self.signedIn(app, user)
                #expect(try await browser.get(SiteURL.tips(.tip(id)).path).status == .notFound)
                #expect(try await browser.get(SiteURL.tips(.photo(photoID)).path).status == .notFound)
                let decided = try await browser.post(
                    SiteURL.tips(.decide(id)).path,
                    form: ["decision": "dismiss", "text": "Không phải của chúng tôi"]
                )
                #expect(decided.status == .notFound)
                #expect(!(try await browser.get(SiteURL.tips(.list).path)).text.contains("người lạ"))
                let token = try await Fixtures.token(for: user, app: app)
                #expect(try await api(app, .GET, "/api/v1/tips/\(id)", token: token).status == .notFound)
                let decide = try await api(
                    app,
                    .POST,
                    "/api/v1/tips/\(id)/decide",
                    token: token,
                    json: #"{"decision":"accept_as_note"}"#
                )
                #expect(decide.status == .notFound)
            }
            // a guard may not triage at all
            var guardBrowser = try await Self.signedIn(app, world.guardA)
            #expect(try await guardBrowser.get(SiteURL.tips(.list).path).status == .forbidden)
            #expect(try #require(try await Tip.find(id, on: app.db)).statusValue == .received)
            // a tip that names only an area is the authority's, not a unit's
            _ = try await TipsTests.send(sender, to: "area:\(world.org.communeA.id)")
            let areaTip = try await Self.tipID(app)
            var head = try await Self.signedIn(app, world.headA)
            #expect(try await head.get(SiteURL.tips(.tip(areaTip)).path).status == .notFound)
            var authority = try await Self.signedIn(app, world.authority)
            #expect(try await authority.get(SiteURL.tips(.tip(areaTip)).path).status == .ok)
        }
    }

    @Test(
        "dismissing needs a reason; a decided tip takes no second decision; the sender reads the outcome",
        arguments: Lane.all
    )
    func dismiss(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            let sender = TipSender(app)
            let code = try await TipsTests.send(sender, to: "unit:\(world.unitA)")
            let id = try await Self.tipID(app)
            var head = try await Self.signedIn(app, world.headA)
            let bare = try await head.post(SiteURL.tips(.decide(id)).path, form: ["decision": "dismiss"])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.text.contains(#"id="dismiss-text-error""#))
            #expect(try #require(try await Tip.find(id, on: app.db)).statusValue == .received)
            let done = try await head.post(
                SiteURL.tips(.decide(id)).path,
                form: ["decision": "dismiss", "text": "Đã xác minh: người của đội bảo vệ trực đêm"]
            )
            #expect(done.status == .seeOther)
            let again = try await head.post(SiteURL.tips(.decide(id)).path, form: ["decision": "accept_as_note"])
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains("tin báo này đã được xử lý xong"))
            #expect(try await SituationNote.query(on: app.db).count() == 0)
            let tip = try #require(try await Tip.find(id, on: app.db))
            #expect(tip.statusValue == .dismissed && tip.decidedBy == world.headA.id)
            let followed = try await sender.form(SiteURL.tips(.follow).path, ["code": code])
            #expect(followed.text.contains("Đã xem xét, không xử lý tiếp"))
            // no more answers on a decided tip
            let late = try await sender.form(SiteURL.tips(.answer).path, ["code": code, "text": "Thêm nữa"])
            #expect(late.status == .unprocessableEntity)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "tip").sort(\.$seq).all()
            #expect(audit.map(\.actorName) == ["ẩn danh", "thu_truong_a"])
        }
    }

    @Test(
        "accepted as a situation note, or as an incident at a unit of the tip's area, with its photos",
        arguments: Lane.all
    )
    func accept(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            let sender = TipSender(app)
            let code = try await TipsTests.send(sender, to: "unit:\(world.unitA)")
            let noteTip = try await Self.tipID(app)
            var head = try await Self.signedIn(app, world.headA)
            #expect(
                try await head.post(SiteURL.tips(.decide(noteTip)).path, form: ["decision": "accept_as_note"]).status
                    == .seeOther
            )
            let note = try #require(try await SituationNote.query(on: app.db).first())
            #expect(note.tipID == noteTip && note.unitID == world.unitA && note.text == TipsTests.what)
            #expect(try #require(try await Tip.find(noteTip, on: app.db)).noteID == note.id)
            #expect(try await head.get(SiteURL.tips(.notes).path).text.contains("Từ tin báo của người dân"))
            #expect(
                try await sender.form(SiteURL.tips(.follow).path, ["code": code]).text.contains(
                    "Đã tiếp nhận để theo dõi tình hình"
                )
            )
            // an area's tip: the authority places it at unit A as an incident, over the API
            _ = try await TipsTests.send(sender, to: "area:\(world.org.communeA.id)", photos: [PhotoFileTests.jpeg()])
            let areaTip = try await Self.tipID(app)
            let token = try await Fixtures.token(for: world.authority, app: app)
            let noUnit = try await api(
                app,
                .POST,
                "/api/v1/tips/\(areaTip)/decide",
                token: token,
                json: #"{"decision":"accept_as_incident","kind":"intrusion","severity":"high"}"#
            )
            #expect(noUnit.status == .unprocessableEntity)
            #expect(noUnit.text.contains(#""field":"unit_id""#))
            let outside = try await api(
                app,
                .POST,
                "/api/v1/tips/\(areaTip)/decide",
                token: token,
                json:
                    #"{"decision":"accept_as_incident","kind":"intrusion","severity":"high","unit_id":"\#(world.unitB)"}"#
            )
            #expect(outside.status == .unprocessableEntity)
            let noKind = try await api(
                app,
                .POST,
                "/api/v1/tips/\(areaTip)/decide",
                token: token,
                json: #"{"decision":"accept_as_incident","unit_id":"\#(world.unitA)"}"#
            )
            #expect(noKind.status == .unprocessableEntity)
            #expect(noKind.text.contains(#""field":"kind""#))
            #expect(try await Incident.query(on: app.db).count() == 0)
            let accepted = try await api(
                app,
                .POST,
                "/api/v1/tips/\(areaTip)/decide",
                token: token,
                json:
                    #"{"decision":"accept_as_incident","kind":"intrusion","severity":"high","unit_id":"\#(world.unitA)"}"#
            )
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.text.contains(#""status":"accepted_as_incident""#))
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.unitID == world.unitA && incident.description.contains("người lạ"))
            #expect(try await IncidentPhoto.query(on: app.db).count() == 1)
            #expect(try #require(try await Tip.find(areaTip, on: app.db)).incidentID == incident.id)
        }
    }

    @Test(
        "on the page, the authority places an area's tip at one of its units as an incident; a missing kind is named beside its field",
        arguments: Lane.all
    )
    func acceptOnPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            _ = try await TipsTests.send(TipSender(app), to: "area:\(world.org.communeA.id)")
            let id = try await Self.tipID(app)
            var authority = try await Self.signedIn(app, world.authority)
            // the unit choice lists the units of the tip's area only
            let page = try await authority.get(SiteURL.tips(.tip(id)).path)
            #expect(page.text.contains("Sở Tư pháp") && !page.text.contains("Công ty TNHH Điện tử Sơn Hà"))
            let unit = world.unitA.uuidString.lowercased()
            let missing = try await authority.post(
                SiteURL.tips(.decide(id)).path,
                form: ["decision": "accept_as_incident", "severity": "low", "unit_id": unit]
            )
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains(#"id="kind-error""#))
            #expect(try await Incident.query(on: app.db).count() == 0)
            let accepted = try await authority.post(
                SiteURL.tips(.decide(id)).path,
                form: ["decision": "accept_as_incident", "kind": "public_disorder", "severity": "low", "unit_id": unit]
            )
            #expect(accepted.status == .seeOther)
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.unitID == world.unitA && incident.kind == "public_disorder")
            #expect(try await authority.get(SiteURL.tips(.tip(id)).path).text.contains("Đã chuyển thành vụ việc"))
        }
    }

    @Test("a HEIC photo, which only Safari shows in a page, is offered as a file to open", arguments: Lane.all)
    func heicPhoto(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            // an iPhone's HEIC, in its smallest form: the file type and an empty meta box
            let heic =
                Data([0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8))
                + Data([0, 0, 0, 12] + Array("meta".utf8) + [0, 0, 0, 0])
            _ = try await TipsTests.send(TipSender(app), to: "unit:\(world.unitA)", photos: [heic])
            let photo = try #require(try await TipPhoto.query(on: app.db).first())
            #expect(photo.contentType == "image/heic")
            var head = try await Self.signedIn(app, world.headA)
            let page = try await head.get(SiteURL.tips(.tip(try await Self.tipID(app))).path)
            #expect(page.text.contains("Ảnh HEIC (mở tệp)"))
            #expect(!page.text.contains("<img"))
            let file = try await head.get(SiteURL.tips(.photo(try photo.requireID())).path)
            #expect(file.headers.contentType?.description == "image/heic")
        }
    }

    @Test(
        "situation notes: a guard writes one, the leadership is told and reads it, another unit cannot, the head turns it into an incident",
        arguments: Lane.all
    )
    func situationNotes(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            var guardBrowser = try await Self.signedIn(app, world.guardA)
            // bad input first: nothing written
            let empty = try await guardBrowser.post(SiteURL.tips(.notes).path, form: ["text": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await SituationNote.query(on: app.db).count() == 0)
            let written = try await guardBrowser.post(
                SiteURL.tips(.notes).path,
                form: ["text": "Hai người lạ chụp ảnh hàng rào phía đông nhiều lần", "place": "Hàng rào phía đông"]
            )
            #expect(written.status == .seeOther)
            let note = try #require(try await SituationNote.query(on: app.db).first())
            #expect(note.unitID == world.unitA && note.writtenBy == world.guardA.id)
            // the guard does not read the list; the head and the authority are told and do
            #expect(!(try await guardBrowser.get(SiteURL.tips(.notes).path)).text.contains("chụp ảnh hàng rào"))
            let told = Set(
                try await InboxNotification.query(on: app.db).filter(\.$entity == "situation_note").all().map(
                    \.accountID
                )
            )
            #expect(told == [try world.headA.requireID(), try world.authority.requireID()])
            var head = try await Self.signedIn(app, world.headA)
            #expect(try await head.get(SiteURL.tips(.notes).path).text.contains("chụp ảnh hàng rào"))
            // another unit's head neither reads nor turns it
            var other = try await Self.signedIn(app, world.headB)
            #expect(!(try await other.get(SiteURL.tips(.notes).path)).text.contains("chụp ảnh hàng rào"))
            let noteID = try note.requireID()
            let foreign = try await other.post(
                SiteURL.tips(.noteIncident(noteID)).path,
                form: ["kind": "intrusion", "severity": "medium"]
            )
            #expect(foreign.status == .notFound)
            // the head turns it into an incident, once
            let noKind = try await head.post(SiteURL.tips(.noteIncident(noteID)).path, form: ["severity": "medium"])
            #expect(noKind.status == .unprocessableEntity)
            let turned = try await head.post(
                SiteURL.tips(.noteIncident(noteID)).path,
                form: ["kind": "intrusion", "severity": "medium"]
            )
            #expect(turned.status == .seeOther)
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.unitID == world.unitA && incident.description.contains("chụp ảnh hàng rào"))
            #expect(try #require(try await SituationNote.find(noteID, on: app.db)).incidentID == incident.id)
            let twice = try await head.post(
                SiteURL.tips(.noteIncident(noteID)).path,
                form: ["kind": "intrusion", "severity": "medium"]
            )
            #expect(twice.status == .unprocessableEntity)
            #expect(try await Incident.query(on: app.db).count() == 1)
        }
    }

    @Test("the API: follow and answer by code, lists by state, notes written and read in scope", arguments: Lane.all)
    func apiRoutes(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await TipsTests.world(app)
            let sender = TipSender(app)
            let sent = try await sender.json(
                .POST,
                "/api/v1/tips",
                #"{"what":"Có người bán ma túy gần cổng trường","place":"Cổng trường","unit_id":"\#(world.unitA)","anonymous":true}"#
            )
            #expect(sent.status == .created)
            let code = try #require(sent.text.firstMatch(of: /"code":"([0-9A-Z-]+)"/)).output.1
            let headToken = try await Fixtures.token(for: world.headA, app: app)
            let open = try await api(app, .GET, "/api/v1/tips", token: headToken)
            #expect(open.status == .ok && open.text.contains("ma túy"))
            #expect(
                try await api(app, .GET, "/api/v1/tips?state=sideways", token: headToken).status == .unprocessableEntity
            )
            let id = try await Self.tipID(app)
            let asked = try await api(
                app,
                .POST,
                "/api/v1/tips/\(id)/decide",
                token: headToken,
                json: #"{"decision":"ask_sender","text":"Vào giờ nào?"}"#
            )
            #expect(asked.status == .ok && asked.text.contains(#""status":"waiting_for_sender""#))
            let followed = try await sender.json(.POST, "/api/v1/tips/follow", #"{"code":"\#(code)"}"#)
            #expect(followed.status == .ok && followed.text.contains("Vào giờ nào?"))
            let answered = try await sender.json(
                .POST,
                "/api/v1/tips/answer",
                #"{"code":"\#(code)","text":"Khoảng 17 giờ"}"#
            )
            #expect(answered.status == .ok && answered.text.contains(#""status":"received""#))
            let shown = try await api(app, .GET, "/api/v1/tips/\(id)", token: headToken)
            #expect(shown.text.contains("Khoảng 17 giờ") && shown.text.contains(#""anonymous":true"#))
            _ = try await api(
                app,
                .POST,
                "/api/v1/tips/\(id)/decide",
                token: headToken,
                json: #"{"decision":"dismiss","text":"Đã chuyển công an xã"}"#
            )
            #expect(try await api(app, .GET, "/api/v1/tips?state=decided", token: headToken).text.contains("ma túy"))
            // notes: the authority names the unit; without it, 422; a unit's account may leave it out
            let authorityToken = try await Fixtures.token(for: world.authority, app: app)
            let noUnit = try await api(
                app,
                .POST,
                "/api/v1/situation-notes",
                token: authorityToken,
                json: #"{"text":"Tụ tập đông người"}"#
            )
            #expect(noUnit.status == .unprocessableEntity && noUnit.text.contains(#""field":"unit_id""#))
            let byAuthority = try await api(
                app,
                .POST,
                "/api/v1/situation-notes",
                token: authorityToken,
                json: #"{"text":"Tụ tập đông người","unit_id":"\#(world.unitB)"}"#
            )
            #expect(byAuthority.status == .created)
            let guardToken = try await Fixtures.token(for: world.guardA, app: app)
            let byGuard = try await api(
                app,
                .POST,
                "/api/v1/situation-notes",
                token: guardToken,
                json: #"{"text":"Đèn hàng rào hỏng","place":"Hàng rào"}"#
            )
            #expect(byGuard.status == .created && byGuard.text.contains("Sở Tư pháp"))
            let foreignUnit = try await api(
                app,
                .POST,
                "/api/v1/situation-notes",
                token: guardToken,
                json: #"{"text":"x","unit_id":"\#(world.unitB)"}"#
            )
            #expect(foreignUnit.status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/situation-notes", token: guardToken).status == .forbidden)
            let headNotes = try await api(app, .GET, "/api/v1/situation-notes", token: headToken)
            #expect(headNotes.text.contains("Đèn hàng rào") && !headNotes.text.contains("Tụ tập"))
            let allNotes = try await api(app, .GET, "/api/v1/situation-notes", token: authorityToken)
            #expect(allNotes.text.contains("Đèn hàng rào") && allNotes.text.contains("Tụ tập"))
            let noteID = try #require(
                try await SituationNote.query(on: app.db).filter(\.$unitID == world.unitB).first()?.id
            )
            let turnedByA = try await api(
                app,
                .POST,
                "/api/v1/situation-notes/\(noteID)/incident",
                token: headToken,
                json: #"{"kind":"mass_gathering","severity":"medium"}"#
            )
            #expect(turnedByA.status == .notFound)
            let turned = try await api(
                app,
                .POST,
                "/api/v1/situation-notes/\(noteID)/incident",
                token: authorityToken,
                json: #"{"kind":"mass_gathering","severity":"medium"}"#
            )
            #expect(turned.status == .ok, "\(turned.text)")
            #expect(turned.text.contains(#""incident_id":"#))
        }
    }
}
