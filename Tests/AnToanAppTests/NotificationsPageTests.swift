import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The inbox page, its buttons, the count in the navigation and the API.
@Suite("Notifications page")
struct NotificationsPageTests {
    static let unit = UUID()
    /// 04/12/2026 09:30 in Vietnam.
    static let sentAt = Date(timeIntervalSince1970: 1_796_351_400)

    static func send(
        _ app: Application,
        to account: UUID,
        _ vi: String,
        _ en: String,
        ack: Bool,
        at: Date
    ) async throws
        -> UUID
    {
        let entityID = UUID()
        try await app.write { db in
            try await Notifications.send(
                to: [account],
                title: LocalizedText(vi: vi, en: en),
                link: "/units",
                needsAcknowledgement: ack,
                entity: "test",
                entityID: entityID,
                on: db,
                now: at
            )
        }
        return entityID
    }

    static func row(_ app: Application, about entityID: UUID) async throws -> InboxNotification {
        try #require(try await InboxNotification.query(on: app.db).filter(\.$entityID == entityID).first())
    }

    @Test(
        "the inbox shows the account's own notifications, newest first, unread marked and counted",
        arguments: Lane.all
    )
    func inbox(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user(
                "truong",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            let other = try await Fixtures.user(
                "khac",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            _ = try await Self.send(app, to: try head.requireID(), "Sự việc cũ", "Old", ack: false, at: Self.sentAt)
            _ = try await Self.send(
                app,
                to: try head.requireID(),
                "Sự việc mới <b>",
                "New",
                ack: true,
                at: Self.sentAt.addingTimeInterval(60)
            )
            _ = try await Self.send(
                app,
                to: try other.requireID(),
                "Của người khác",
                "Theirs",
                ack: false,
                at: Self.sentAt
            )
            var browser = Browser(app)
            _ = try await browser.signIn("truong")
            // when
            let page = try await browser.get(SiteURL.notifications.path)
            // then
            #expect(page.status == .ok)
            let text = page.text
            let newer = try #require(text.range(of: "Sự việc mới &lt;b&gt;"))
            let older = try #require(text.range(of: "Sự việc cũ"))
            #expect(newer.lowerBound < older.lowerBound, "newest first")
            #expect(text.contains("04/12/2026 09:31"))
            #expect(!text.contains("Của người khác"))
            #expect(text.contains(#"<span class="unread" id="unread-count">2</span>"#))
            #expect(text.contains("Xác nhận đã nhận"))
            #expect(text.contains("Đánh dấu đã đọc"))
        }
    }

    @Test("marking read and acknowledging change the inbox and its count; another's is not found", arguments: Lane.all)
    func buttons(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user(
                "truong",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            let other = try await Fixtures.user(
                "khac",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            let toRead = try await Self.send(app, to: try head.requireID(), "Đọc", "Read", ack: false, at: Self.sentAt)
            let toAck = try await Self.send(
                app,
                to: try head.requireID(),
                "Xác nhận",
                "Ack",
                ack: true,
                at: Self.sentAt
            )
            let theirs = try await Self.send(
                app,
                to: try other.requireID(),
                "Khác",
                "Other",
                ack: true,
                at: Self.sentAt
            )
            var browser = Browser(app)
            _ = try await browser.signIn("truong")
            // when
            let read = try await browser.post(
                SiteURL.notificationRead(try await Self.row(app, about: toRead).requireID()).path,
                form: [:]
            )
            let ack = try await browser.post(
                SiteURL.notificationAcknowledge(try await Self.row(app, about: toAck).requireID()).path,
                form: [:]
            )
            let foreign = try await browser.post(
                SiteURL.notificationAcknowledge(try await Self.row(app, about: theirs).requireID()).path,
                form: [:]
            )
            let page = try await browser.get(SiteURL.notifications.path)
            // then
            #expect(read.status == .seeOther)
            #expect(read.headers.first(name: .location) == SiteURL.notifications.path)
            #expect(ack.status == .seeOther)
            #expect(foreign.status == .notFound)
            #expect(try await Self.row(app, about: toRead).readAt != nil)
            #expect(try await Self.row(app, about: toAck).acknowledgedAt != nil)
            #expect(try await Self.row(app, about: theirs).acknowledgedAt == nil)
            #expect(page.text.contains(#"<span class="unread none" id="unread-count">0</span>"#))
            #expect(page.text.contains("Đã xác nhận"))
            #expect(!page.text.contains("Đánh dấu đã đọc"))
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "notification").count()
            #expect(audited == 2)
        }
    }

    @Test("an empty inbox says so in words", arguments: Lane.all)
    func empty(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user(
                "canbo",
                role: .dutyOfficer,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            _ = try await browser.signIn("canbo")
            // when
            let page = try await browser.get(SiteURL.notifications.path)
            // then
            #expect(page.text.contains("Chưa có thông báo nào."))
        }
    }

    @Test("the API lists the caller's inbox in its language and marks one read", arguments: Lane.all)
    func inboxAPI(lane: Lane) async throws {
        struct Inbox: Decodable {
            struct Item: Decodable {
                var id: UUID
                var title: String
                var readAt: Date?
            }
            var unread: Int
            var items: [Item]
        }
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user(
                "truong",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            let other = try await Fixtures.user(
                "khac",
                role: .unitHead,
                scope: .unit(Self.unit, in: Fixtures.communeA),
                on: app.db
            )
            _ = try await Self.send(
                app,
                to: try head.requireID(),
                "Có sự việc",
                "An incident",
                ack: true,
                at: Self.sentAt
            )
            let theirs = try await Self.send(
                app,
                to: try other.requireID(),
                "Khác",
                "Other",
                ack: true,
                at: Self.sentAt
            )
            let token = try await Fixtures.token(for: head, app: app)
            // when
            let vi = try await api(app, .GET, "/api/v1/notifications", token: token).json(Inbox.self)
            let english = try await app.testing().sendRequest(
                .GET,
                "/api/v1/notifications",
                headers: ["Authorization": "Bearer \(token)", "Accept-Language": "en"]
            ).json(Inbox.self)
            let id = try #require(vi.items.first?.id)
            let read = try await api(app, .POST, "/api/v1/notifications/\(id)/read", token: token)
            let again = try await api(app, .POST, "/api/v1/notifications/\(id)/read", token: token)
            let foreign = try await api(
                app,
                .POST,
                "/api/v1/notifications/\(try await Self.row(app, about: theirs).requireID())/read",
                token: token
            )
            let after = try await api(app, .GET, "/api/v1/notifications", token: token).json(Inbox.self)
            // then
            #expect(vi.unread == 1)
            #expect(vi.items.map(\.title) == ["Có sự việc"])
            #expect(english.items.map(\.title) == ["An incident"])
            #expect(read.status == .ok)
            #expect(again.status == .ok)
            #expect(foreign.status == .notFound)
            #expect(after.unread == 0)
            #expect(after.items.first?.readAt != nil)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "notification").count()
            #expect(audited == 1, "a second read changes nothing")
        }
    }
}
