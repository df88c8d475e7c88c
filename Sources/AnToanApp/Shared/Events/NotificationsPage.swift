import Foundation
import Plot

/// The signed-in account's inbox, newest first; unread ones stand out.
enum NotificationsPage {
    struct Row {
        var id: UUID
        var title: String
        var at: String
        var link: String
        var unread: Bool
        var needsAcknowledgement: Bool
        var acknowledged: Bool
    }

    struct Model {
        var rows: [Row]
        var unread: Int
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        // Live: a new notification, or one read in another tab, redraws the inbox (Script.swift).
        return Div {
            H1(lang("Thông báo", "Notifications"))
            if model.rows.isEmpty {
                Paragraph(
                    lang(
                        "Chưa có thông báo nào. Khi có sự việc cần anh/chị biết hoặc xác nhận, thông báo sẽ hiện ở đây.",
                        "No notifications yet. When something needs you to know or acknowledge it, it shows here."
                    )
                )
                .class("card")
            } else {
                Paragraph(
                    model.unread == 0
                        ? lang("Đã đọc hết.", "All read.")
                        : lang("\(model.unread) thông báo chưa đọc.", "\(model.unread) unread.")
                )
                .class("muted")
                El("ul", ["class": "entries"]) {
                    for row in model.rows { item(row, context) }
                }
            }
        }
        .id("inbox")
        .attribute(named: "data-live", value: "notification.created notification.read")
        .attribute(named: "data-live-region", value: "replace")
    }

    private static func item(_ row: Row, _ context: PageContext) -> any Component {
        let lang = context.lang
        return El("li", ["class": row.unread ? "notice unread-notice" : "notice"]) {
            Paragraph {
                if row.unread { Span(lang("Mới", "New")).class("tag") }
                Link(row.title, url: row.link)
            }
            Paragraph {
                Span(row.at).class("muted")
                if row.needsAcknowledgement {
                    Span(
                        row.acknowledged ? lang("Đã xác nhận", "Acknowledged") : lang("Cần xác nhận", "To acknowledge")
                    )
                    .class(row.acknowledged ? "muted" : "status-late")
                }
            }
            Div {
                if row.unread {
                    PostForm(url: .notificationRead(row.id), csrf: context.csrf, class: "inline") {
                        Button(lang("Đánh dấu đã đọc", "Mark as read")).attribute(named: "type", value: "submit")
                            .class("secondary")
                    }
                }
                if row.needsAcknowledgement && !row.acknowledged {
                    PostForm(url: .notificationAcknowledge(row.id), csrf: context.csrf, class: "inline") {
                        Button(lang("Xác nhận đã nhận", "Acknowledge receipt")).attribute(
                            named: "type",
                            value: "submit"
                        )
                    }
                }
            }
            .class("actions")
        }
    }
}
