import Foundation
import Vapor

/// /api/v1: the caller's inbox and marking a notification read.
struct NotificationsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifications", use: inbox)
        routes.post("notifications", ":id", "read", use: read)
    }

    /// The newest 100 notifications of the caller, and how many are unread.
    @Sendable func inbox(req: Request) async throws -> NotificationInboxDTO {
        let principal = try req.principal()
        let rows = try await NotificationQueries.inbox(of: principal.id, limit: 100, on: req.db)
        return NotificationInboxDTO(
            unread: try await NotificationQueries.unreadCount(of: principal.id, on: req.db),
            items: try rows.map { try NotificationDTO($0, language: req.apiLanguage) }
        )
    }

    /// Marks one of the caller's notifications read (again: no change); another account's is a 404.
    @Sendable func read(req: Request) async throws -> NotificationDTO {
        let principal = try req.principal()
        let id = try req.idParameter()
        try await Notifications.mark(id, acknowledge: false, by: principal, on: req.application)
        return try NotificationDTO(
            try await NotificationQueries.notification(id, of: principal.id, on: req.db),
            language: req.apiLanguage
        )
    }
}

extension NotificationsAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/notifications",
                "The caller's newest 100 notifications, newest first, and the count of unread ones",
                response: NotificationInboxDTO.self
            ),
            .post(
                "/api/v1/notifications/{id}/read",
                "Mark one of the caller's notifications read (a second call changes nothing); another account's "
                    + "is a 404",
                response: NotificationDTO.self
            ),
        ]
    }
}
