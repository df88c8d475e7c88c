import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The public side of tips (INC-4), on both databases: a citizen sends one from a phone without an account,
/// anonymously, and follows it with the code; nothing of the sender is kept; floods and bad input are refused.
@Suite("Tips: sending and following")
struct TipsTests {
    /// The test province with its two units, the head of each, a guard of unit A, the province's authority and
    /// an authority of another province.
    struct World {
        var org: OrganisationTests.Province
        var headA: User
        var headB: User
        var guardA: User
        var authority: User
        var farAuthority: User

        var unitA: UUID { org.unitA.id }
        var unitB: UUID { org.unitB.id }
    }

    static func world(_ app: Application) async throws -> World {
        let org = try await OrganisationTests.province(app)
        let areaA = AreaPath(org.communeA.path)!
        let areaB = AreaPath(org.communeB.path)!
        return World(
            org: org,
            headA: try await Fixtures.user(
                "thu_truong_a",
                role: .unitHead,
                scope: .unit(org.unitA.id, in: areaA),
                displayName: "Trần Văn Thủ",
                on: app.db
            ),
            headB: try await Fixtures.user(
                "thu_truong_b",
                role: .unitHead,
                scope: .unit(org.unitB.id, in: areaB),
                on: app.db
            ),
            guardA: try await Fixtures.user(
                "bao_ve_a",
                role: .dutyOfficer,
                scope: .unit(org.unitA.id, in: areaA),
                on: app.db
            ),
            authority: try await Fixtures.user(
                "cong_an_tinh",
                role: .authorityOfficer,
                scope: .area(AreaPath(org.province.path)!),
                on: app.db
            ),
            farAuthority: try await Fixtures.user(
                "cong_an_xa_khac",
                role: .authorityOfficer,
                scope: .area(Fixtures.otherProvince),
                on: app.db
            )
        )
    }

    static let what = "Có nhóm người lạ đứng canh cổng sau kho vật tư nhiều đêm liền"

    /// Sends a tip from `sender` to unit A through the page; returns the code shown.
    static func send(_ sender: TipSender, to target: String, photos: [Data] = []) async throws -> String {
        let response = try await sender.multipart(
            SiteURL.tips(.submit).path,
            [
                "what": what, "place": "Cổng sau, kho vật tư", "happened": "Tối 03/12 khoảng 22 giờ", "target": target,
                "anonymous": "on", "contact_name": "Lê Văn Lộ", "contact_phone": "0912 345 679",
            ],
            photos: photos
        )
        #expect(response.status == .created, "\(response.text)")
        return try #require(code(in: response.text))
    }

    /// The code on a receipt page.
    static func code(in html: String) -> String? {
        guard let match = html.firstMatch(of: /id="tip-code">([0-9A-Z-]{29})</) else { return nil }
        return String(match.output.1)
    }

    /// Every value of every table, as text.
    static func everyText(_ app: Application) async throws -> String {
        let sql = app.db as! any SQLDatabase
        var out: [String] = []
        if sql.dialect.name == "postgresql" {
            let tables = try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                for row in try await sql.raw("SELECT CAST(t AS TEXT) AS v FROM \(ident: table) t").all() {
                    out.append(try row.decode(column: "v", as: String.self))
                }
            }
        } else {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                let columns = try await sql.raw("PRAGMA table_info(\(ident: table))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                for column in columns {
                    for row in try await sql.raw("SELECT CAST(\(ident: column) AS TEXT) AS v FROM \(ident: table)")
                        .all()
                    {
                        out.append((try? row.decode(column: "v", as: String?.self)) ?? nil ?? "")
                    }
                }
            }
        }
        return out.joined(separator: "\n")
    }

    @Test(
        "an anonymous tip from a phone: the code shown once, the photo's metadata gone, the unit's head and the authority told, nothing of the sender kept",
        arguments: Lane.all
    )
    func anonymousTip(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let sender = TipSender(app)
            let form = try await sender.send(.GET, SiteURL.tips(.submit).path)
            #expect(form.status == .ok)
            #expect(form.text.contains("Gửi tin báo / tố giác"))
            // when
            let response = try await sender.multipart(
                SiteURL.tips(.submit).path,
                [
                    "what": Self.what, "place": "Cổng sau, kho vật tư", "happened": "Tối 03/12 khoảng 22 giờ",
                    "target": "unit:\(world.unitA)", "anonymous": "on", "contact_name": "Lê Văn Lộ",
                    "contact_phone": "0912 345 679",
                ],
                photos: [PhotoFileTests.jpeg()]
            )
            // then: the code, once, not to be cached
            #expect(response.status == .created, "\(response.text)")
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            let code = try #require(Self.code(in: response.text))
            let tips = try await Tip.query(on: app.db).all()
            #expect(tips.count == 1)
            let tip = try #require(tips.first)
            #expect(tip.anonymous && tip.contactName == nil && tip.contactPhone == nil)
            #expect(tip.unitID == world.unitA)
            #expect(tip.codeHash != code && !tip.codeHash.contains(code.replacingOccurrences(of: "-", with: "")))
            // the photo, without its camera, place or author
            let photos = try await TipPhoto.query(on: app.db).all()
            #expect(photos.count == 1)
            let bytes = String(decoding: try #require(photos.first).bytes, as: UTF8.self)
            #expect(!bytes.contains("SECRETCAM") && !bytes.contains("GPSLatitude") && !bytes.contains("Nguyen"))
            // the unit's head and the province's authority are told; unit B's head and the far authority are not
            let told = Set(
                try await InboxNotification.query(on: app.db).filter(\.$entity == "tip").all().map(\.accountID)
            )
            #expect(told == [try world.headA.requireID(), try world.authority.requireID()])
            // the event says where, not what or who
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db).filter { $0.type == .tipReceived }
            #expect(events.count == 1)
            #expect(events.first?.unitID == world.unitA)
            #expect(events.first.map { !$0.payload.contains("người lạ") && !$0.payload.contains("Lộ") } == true)
            // the audit entry names no one
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "tip").all()
            #expect(audit.map(\.actorName) == ["ẩn danh"])
            #expect(audit.allSatisfy { $0.actorID == nil })
            // and nothing of the sender anywhere: no address, no User-Agent, no contact, in any table or log line
            let stored = try await Self.everyText(app)
            let logged = sender.log.all.joined(separator: "\n")
            #expect(!logged.isEmpty)
            for trace in [sender.peer, sender.userAgent, "unique-agent-Q7Z", "Lê Văn Lộ", "0912345679", "0912 345 679"]
            {
                #expect(!stored.contains(trace), "the database keeps \(trace)")
                #expect(!logged.contains(trace), "the log keeps \(trace)")
            }
        }
    }

    @Test(
        "a tip with a contact keeps it for those who triage it, never in the event or the audit trail",
        arguments: Lane.all
    )
    func tipWithContact(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let sender = TipSender(app)
            let response = try await sender.json(
                .POST,
                "/api/v1/tips",
                #"{"what":"Mất trộm xe máy ở bãi xe","place":"Bãi xe cơ quan","unit_id":"\#(world.unitA)","contact_name":"Phạm Thị Hoa","contact_phone":"0987 111 222"}"#
            )
            #expect(response.status == .created, "\(response.text)")
            #expect(response.text.contains(#""code":"#))
            let tip = try #require(try await Tip.query(on: app.db).first())
            #expect(!tip.anonymous)
            #expect(tip.contactName == "Phạm Thị Hoa")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "tip").all()
            #expect(audit.allSatisfy { !$0.changes.contains("Hoa") && !$0.changes.contains("0987") })
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db)
            #expect(events.allSatisfy { !$0.payload.contains("Hoa") && !$0.payload.contains("0987") })
        }
    }

    @Test(
        "a code that opens nothing gets the same answer as a malformed one, on the page and the API",
        arguments: Lane.all
    )
    func unknownCode(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let sender = TipSender(app)
            let real = try await Self.send(sender, to: "unit:\(world.unitA)")
            // a well-formed code of nobody, and something that cannot be a code
            let unknown = TipCode.make(from: Array(repeating: 7, count: 15))
            var pages: [String] = []
            var apis: [String] = []
            for code in [unknown, "abc", ""] {
                let page = try await sender.form(SiteURL.tips(.follow).path, ["code": code])
                #expect(page.status == .unprocessableEntity)
                #expect(page.text.contains("không có tin báo nào với mã này"))
                pages.append(page.text.replacingOccurrences(of: code, with: ""))
                let api = try await sender.json(.POST, "/api/v1/tips/follow", #"{"code":"\#(code)"}"#)
                #expect(api.status == .unprocessableEntity)
                apis.append(api.text)
            }
            #expect(Set(apis).count == 1)
            #expect(apis.first?.contains(#""field":"code""#) == true)
            // the real code opens the tip, typed in lower case with spaces
            let typed = real.lowercased().replacingOccurrences(of: "-", with: " ")
            let opened = try await sender.form(SiteURL.tips(.follow).path, ["code": typed])
            #expect(opened.status == .ok)
            #expect(opened.text.contains("Đã tiếp nhận, đang được xem xét"))
            #expect(opened.text.contains("người lạ"))
        }
    }

    @Test(
        "opening a tip by code costs the same statements whether the code is real, unknown or malformed",
        arguments: Lane.all
    )
    func sameCostForEveryCode(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let real = try await Self.send(TipSender(app), to: "unit:\(world.unitA)")
            var counts: [Int] = []
            for code in [real, TipCode.make(from: Array(repeating: 9, count: 15)), "not a code", ""] {
                let counter = QueryCounter()
                _ = try? await TipQueries.tip(code: code, on: counter.database(app))
                counts.append(counter.count)
            }
            // one indexed lookup of the code's hash each time: a wrong code is not answered any faster
            #expect(counts == [1, 1, 1, 1])
        }
    }

    @Test(
        "a flood from one address gets 429 with a Vietnamese message and Retry-After; others still send; an hour later it may again",
        arguments: Lane.all
    )
    func flood(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.world(app)
            let flooder = TipSender(app, peer: "198.51.100.23")
            let body = #"{"what":"Tin báo thử","place":"Cổng chính","unit_id":"\#(world.unitA)","anonymous":true}"#
            for _ in 0..<TipThrottle.limit {
                #expect(try await flooder.json(.POST, "/api/v1/tips", body).status == .created)
            }
            // when: one more
            let refused = try await flooder.json(.POST, "/api/v1/tips", body)
            // then
            #expect(refused.status == .tooManyRequests)
            let retry = try #require(refused.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect(retry > 0 && retry <= 3600)
            #expect(refused.text.contains("Bạn đã gửi quá nhiều lần"))
            let page = try await flooder.form(
                SiteURL.tips(.submit).path,
                ["what": "Lần nữa", "place": "Cổng", "target": "unit:\(world.unitA)"]
            )
            #expect(page.status == .tooManyRequests)
            #expect(page.headers.first(name: .retryAfter) != nil)
            #expect(page.text.contains("Hãy thử lại sau"))
            #expect(try await Tip.query(on: app.db).count() == TipThrottle.limit)
            // another address is not held back
            #expect(try await TipSender(app, peer: "192.0.2.9").json(.POST, "/api/v1/tips", body).status == .created)
            // the counters are keyed hashes, never the address
            let keys = try await LoginThrottle.query(on: app.db).all().compactMap(\.id)
            #expect(keys.count == 2 && keys.allSatisfy { $0.hasPrefix("tip:") && !$0.contains("198.51") })
            // an hour on, the window is over and its row gone
            clock.advance(by: TipThrottle.window + 1)
            #expect(try await flooder.json(.POST, "/api/v1/tips", body).status == .created)
            #expect(try await LoginThrottle.query(on: app.db).count() == 1)
        }
    }

    @Test("bad input: a 422 naming the field, in Vietnamese or English, and nothing written", arguments: Lane.all)
    func badInput(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            var sender = TipSender(app)
            let target = "unit:\(world.unitA)"
            // missing what, on the page: the message beside the field
            let missing = try await sender.form(SiteURL.tips(.submit).path, ["place": "Cổng", "target": target])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains(#"id="what-error""#))
            // over-long
            let long = try await sender.form(
                SiteURL.tips(.submit).path,
                ["what": String(repeating: "a", count: TipService.maxWhat + 1), "place": "Cổng", "target": target]
            )
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains("dài quá \(TipService.maxWhat) ký tự"))
            // a "photo" that is a PDF, and one too large
            let pdf = try await sender.multipart(
                SiteURL.tips(.submit).path,
                ["what": "Có cháy nhỏ", "place": "Kho", "target": target],
                photos: [Data("%PDF-1.7 hello".utf8)]
            )
            #expect(pdf.status == .unprocessableEntity)
            #expect(pdf.text.contains("không phải ảnh JPEG, PNG hoặc HEIC"))
            let large = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(count: PhotoUpload.maxBytes)
            let tooLarge = try await sender.multipart(
                SiteURL.tips(.submit).path,
                ["what": "Có cháy nhỏ", "place": "Kho", "target": target],
                photos: [large]
            )
            #expect(tooLarge.status == .unprocessableEntity)
            #expect(tooLarge.text.contains("quá lớn (tối đa 8 MB)"))
            // the API names the field, in English when asked
            sender.language = "en"
            let api = try await sender.json(
                .POST,
                "/api/v1/tips",
                #"{"place":"Gate","unit_id":"\#(world.unitA)","contact_phone":"12"}"#
            )
            #expect(api.status == .unprocessableEntity)
            #expect(api.text.contains(#""field":"what""#) && api.text.contains("is required"))
            #expect(api.text.contains(#""field":"contact_phone""#))
            let unknownUnit = try await sender.json(
                .POST,
                "/api/v1/tips",
                #"{"what":"x","place":"Gate","unit_id":"\#(UUID())"}"#
            )
            #expect(unknownUnit.status == .unprocessableEntity)
            #expect(unknownUnit.text.contains(#""field":"target""#))
            // nothing written
            #expect(try await Tip.query(on: app.db).count() == 0)
            #expect(try await TipPhoto.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "tip").count() == 0)
        }
    }

    @Test("the sign-in page leads to the tip form and the follow page", arguments: Lane.all)
    func signInLinks(lane: Lane) async throws {
        try await withApp(lane) { app in
            let page = try await TipSender(app).send(.GET, SiteURL.login.path)
            #expect(page.text.contains(#"href="/tips/new""#))
            #expect(page.text.contains("Gửi tin báo / tố giác"))
            #expect(page.text.contains(#"href="/tips/follow""#))
        }
    }
}
