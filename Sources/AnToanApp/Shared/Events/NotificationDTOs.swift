import Foundation
import Vapor

/// A notification as the API shows it, its title in the reader's language.
struct NotificationDTO: Content {
    var id: UUID
    var title: String
    var link: String
    var entity: String
    var entityId: UUID
    var needsAcknowledgement: Bool
    var createdAt: Date
    var readAt: Date?
    var acknowledgedAt: Date?

    init(_ row: InboxNotification, language: Language) throws {
        id = try row.requireID()
        title = row.title.text(in: language)
        link = row.link
        entity = row.entity
        entityId = row.entityID
        needsAcknowledgement = row.needsAcknowledgement
        createdAt = row.createdAt
        readAt = row.readAt
        acknowledgedAt = row.acknowledgedAt
    }
}

/// The payload of `notification.created`: the new notification in both languages and the inbox's new count.
struct NotificationEventDTO: Content {
    var id: UUID
    var titleVi: String
    var titleEn: String
    var link: String
    var entity: String
    var entityId: UUID
    var needsAcknowledgement: Bool
    var unread: Int

    init(_ row: InboxNotification, unread: Int) throws {
        id = try row.requireID()
        titleVi = row.titleVi
        titleEn = row.titleEn
        link = row.link
        entity = row.entity
        entityId = row.entityID
        needsAcknowledgement = row.needsAcknowledgement
        self.unread = unread
    }
}

/// The payload of `notification.read`: the inbox's new count of unread notifications.
struct NotificationCountDTO: Content {
    var unread: Int
}

/// The caller's inbox as the API shows it.
struct NotificationInboxDTO: Content {
    var unread: Int
    var items: [NotificationDTO]
}
