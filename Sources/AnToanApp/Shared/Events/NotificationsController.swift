import Foundation
import Vapor

/// The inbox page and its buttons (mark read, acknowledge), each a POST that comes back to the inbox.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.notifications), use: index)
        routes.post(SiteURL.route(.notificationRead(.placeholder)), use: read)
        routes.post(SiteURL.route(.notificationAcknowledge(.placeholder)), use: acknowledge)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal()
        let lang = req.pageLanguage
        let rows = try await NotificationQueries.inbox(of: principal.id, limit: 100, on: req.db).compactMap { row in
            row.id.map { id in
                NotificationsPage.Row(
                    id: id,
                    title: row.title.text(in: lang),
                    at: VietnamTime.dateTime(row.createdAt),
                    link: row.link,
                    unread: row.readAt == nil,
                    needsAcknowledgement: row.needsAcknowledgement,
                    acknowledged: row.acknowledgedAt != nil
                )
            }
        }
        let model = NotificationsPage.Model(rows: rows, unread: principal.unreadNotifications)
        return req.page(lang("Thông báo", "Notifications")) { NotificationsPage.view(model, $0) }
    }

    @Sendable func read(req: Request) async throws -> Response {
        let principal = try req.principal()
        try await Notifications.mark(try req.idParameter(), acknowledge: false, by: principal, on: req.application)
        return req.redirect(to: .notifications)
    }

    /// Acknowledges what the notification is about through its module when it registered how (an incident's
    /// acknowledgement goes on its timeline), else the notification alone.
    @Sendable func acknowledge(req: Request) async throws -> Response {
        let principal = try req.principal()
        let notification = try await NotificationQueries.notification(
            try req.idParameter(),
            of: principal.id,
            on: req.db
        )
        let handler = req.application.acknowledgers.handler(for: notification.entity)
        let id = try notification.requireID()
        let entityID = notification.entityID
        // One transaction: the module's writes and the notification's join it (`app.write` nests).
        try await req.application.write { _ in
            try await handler?(principal, entityID, req)
            try await Notifications.mark(id, acknowledge: true, by: principal, on: req.application)
        }
        let lang = req.pageLanguage
        return req.redirect(
            to: .notifications,
            flash: Flash(kind: .success, message: lang("Đã xác nhận đã nhận.", "Acknowledged."))
        )
    }
}
