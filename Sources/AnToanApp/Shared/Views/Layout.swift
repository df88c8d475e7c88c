import Plot

/// The one base layout every page renders into.
enum Layout {
    static func render(title: String, context: PageContext, @ComponentBuilder content: () -> any Component) -> String {
        let lang = context.lang
        let main = content()
        return HTMLDocument.render(
            lang: lang,
            title: "\(title) · AnToan",
            stylesheet: .stylesheet,
            scripts: [.script]
        ) {
            Link(lang("Bỏ qua, đến nội dung chính", "Skip to main content"), url: "#main").class("skip")
            header(context)
            El("main", ["id": "main", "data-events-after": context.eventsAfter.map(String.init) ?? ""]) {
                if let flash = context.flash {
                    Paragraph(flash.message).class("flash flash-\(flash.kind.rawValue)")
                        .attribute(named: "role", value: flash.kind == .error ? "alert" : "status")
                }
                main
            }
            Footer {
                Paragraph(lang("AnToan — bảo đảm an ninh trật tự", "AnToan — security and order"))
            }
        }
    }

    private static func header(_ context: PageContext) -> any Component {
        let lang = context.lang
        return Header {
            Link("AnToan", url: SiteURL.home.path).class("brand")
            if let principal = context.principal {
                // A menu on a phone, one tap away; app.js opens it on a wide screen.
                El("details", ["class": "menu", "id": "menu"]) {
                    El("summary") { Text(lang("Danh mục", "Menu")) }
                    Navigation {
                        List(NavItem.visible(to: principal)) { item in
                            Link(lang(item.vi, item.en), url: item.url.path)
                                .attribute(named: "aria-current", value: item.url.path == context.path ? "page" : "")
                        }
                    }
                    .accessibilityLabel(lang("Điều hướng chính", "Main navigation"))
                }
            }
            Div {
                if let principal = context.principal {
                    Span(principal.displayName).class("who")
                    inbox(principal.unreadNotifications, context)
                }
                PostForm(url: .language, csrf: context.csrf, class: "inline") {
                    let other: Language = lang == .vi ? .en : .vi
                    Button(other == .en ? "English" : "Tiếng Việt")
                        .attribute(named: "name", value: "lang")
                        .attribute(named: "value", value: other.rawValue)
                        .attribute(named: "type", value: "submit")
                        .attribute(named: "lang", value: other.rawValue)
                        .class("link")
                }
                if context.principal != nil {
                    PostForm(url: .logout, csrf: context.csrf, class: "inline") {
                        Button(lang("Đăng xuất", "Sign out")).id("logout")
                            .attribute(named: "type", value: "submit").class("link")
                    }
                }
            }
            .class("account")
        }
        .class("topbar")
    }

    /// The link to the inbox with its count of unread notifications, which app.js keeps up to date on a live page.
    private static func inbox(_ unread: Int, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Link(url: SiteURL.notifications.path) {
            Text(lang("Thông báo", "Notifications"))
            Span(String(unread)).class(unread > 0 ? "unread" : "unread none").id("unread-count")
        }
        .class("inbox")
        .attribute(named: "aria-current", value: context.path == SiteURL.notifications.path ? "page" : "")
    }
}
