import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AnToanApp

/// Inboxes: a notification per account, written with its change, acknowledged once.
@Suite("Notifications")
struct NotificationsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("sending puts one notification in each inbox and an event addressed to each", arguments: Lane.all)
    func send(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user("truong", role: .unitHead, scope: .area(Fixtures.province), on: app.db)
            let police = try await Fixtures.user(
                "congan",
                role: .authorityOfficer,
                scope: .area(Fixtures.province),
                on: app.db
            )
            let about = UUID()
            // when
            try await app.write { db in
                try await Notifications.send(
                    to: [try head.requireID(), try police.requireID()],
                    title: LocalizedText(vi: "Sự việc mới", en: "New incident"),
                    link: "/su-viec/\(about)",
                    needsAcknowledgement: true,
                    entity: "incident",
                    entityID: about,
                    on: db,
                    now: Self.now
                )
            }
            // then
            let rows = try await InboxNotification.query(on: app.db).all()
            #expect(rows.count == 2)
            #expect(Set(rows.map(\.accountID)) == [try head.requireID(), try police.requireID()])
            #expect(rows.allSatisfy { $0.readAt == nil && $0.needsAcknowledgement && $0.titleVi == "Sự việc mới" })
            let events = try await Outbox.events(after: 0, limit: 10, on: app.db)
            #expect(events.map(\.type) == [.notificationCreated, .notificationCreated])
            #expect(Set(events.compactMap(\.accountID)) == [try head.requireID(), try police.requireID()])
            #expect(events.allSatisfy { $0.payload.contains(#""unread":1"#) })
            #expect(try await NotificationQueries.unreadCount(of: try head.requireID(), on: app.db) == 1)
        }
    }

    @Test("a notification's link stays on this site, else nothing is written", arguments: Lane.all)
    func linkStaysOnSite(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user("truong", role: .unitHead, scope: .area(Fixtures.province), on: app.db)
            for link in ["https://evil.example/", "//evil.example/", "/\\evil.example/"] {
                // when
                await #expect(throws: NotificationError.self) {
                    try await app.write { db in
                        try await Notifications.send(
                            to: [try head.requireID()],
                            title: LocalizedText(vi: "Sự việc", en: "Incident"),
                            link: link,
                            needsAcknowledgement: false,
                            entity: "incident",
                            entityID: UUID(),
                            on: db,
                            now: Self.now
                        )
                    }
                }
            }
            // then
            #expect(try await InboxNotification.query(on: app.db).count() == 0)
            #expect(try await Outbox.events(after: 0, limit: 10, on: app.db).isEmpty)
        }
    }

    @Test("acknowledging twice changes nothing the second time", arguments: Lane.all)
    func acknowledgeTwice(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user("truong", role: .unitHead, scope: .area(Fixtures.province), on: app.db)
            let other = try await Fixtures.user("khac", role: .unitHead, scope: .area(Fixtures.province), on: app.db)
            let headID = try head.requireID()
            let about = UUID()
            try await app.write { db in
                try await Notifications.send(
                    to: [headID, try other.requireID()],
                    title: LocalizedText(vi: "Sự việc", en: "Incident"),
                    link: "/",
                    needsAcknowledgement: true,
                    entity: "incident",
                    entityID: about,
                    on: db,
                    now: Self.now
                )
            }
            // when
            let first = Self.now.addingTimeInterval(60)
            let second = Self.now.addingTimeInterval(120)
            for at in [first, second] {
                try await app.write { db in
                    try await Notifications.acknowledge(
                        account: headID,
                        entity: "incident",
                        entityID: about,
                        on: db,
                        now: at
                    )
                }
            }
            // then: the first acknowledgement stands, the other account's notification is untouched
            let mine = try await InboxNotification.query(on: app.db).filter(\.$accountID == headID).all()
            #expect(mine.count == 1)
            #expect(mine.first?.acknowledgedAt == first)
            #expect(mine.first?.readAt == first)
            let theirs = try await InboxNotification.query(on: app.db).filter(\.$accountID != headID).all()
            #expect(theirs.count == 1)
            #expect(theirs.first?.acknowledgedAt == nil)
            let events = try await Outbox.events(after: 0, limit: 10, on: app.db)
            #expect(events.filter { $0.type == .notificationRead }.count == 1)
            #expect(try await NotificationQueries.unreadCount(of: headID, on: app.db) == 0)
        }
    }
}
