import OpenAPIKit

extension NotificationDTO: APISchema {
    static let schemaName = "Notification"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "title": .string(description: "in the language of Accept-Language (Vietnamese by default)"),
            "link": .string(description: "a path on this site: what the notification is about"),
            "entity": .string(description: "the kind of thing it is about, e.g. incident"), "entity_id": .uuid,
            "needs_acknowledgement": .boolean, "created_at": .timestamp, "read_at": .timestamp.optional,
            "acknowledged_at": .timestamp.optional,
        ])
    }
}

extension NotificationInboxDTO: APISchema {
    static let schemaName = "NotificationInbox"
    static var schema: JSONSchema {
        .record(["unread": .integer, "items": .list(.component(NotificationDTO.self))])
    }
    static var components: [any APISchema.Type] { [NotificationDTO.self] }
}
