import Foundation
import Plot
import Vapor

extension Request {
    private static let languageCookie = "antoan_lang"
    private static let flashCookie = "antoan_flash"

    /// Pages speak the account's language, else the visitor's choice, else the configured default.
    var pageLanguage: Language {
        auth.get(Principal.self)?.language
            ?? cookies[Self.languageCookie].flatMap { Language(rawValue: $0.string) }
            ?? application.appConfig.defaultLanguage
    }

    /// The API speaks English only when asked to with `Accept-Language: en`.
    var apiLanguage: Language {
        let accepted = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? .en : .vi
    }

    var pageContext: PageContext {
        PageContext(
            lang: pageLanguage,
            principal: auth.get(Principal.self),
            csrf: csrfToken,
            flash: cookies[Self.flashCookie].flatMap { Flash(cookieValue: $0.string) },
            path: url.path,
            eventsAfter: eventsPosition
        )
    }

    /// Renders a page in the base layout; a flash shown here is cleared with the same response.
    func page(
        _ title: String,
        status: HTTPResponseStatus = .ok,
        @ComponentBuilder content: (PageContext) -> any Component
    ) -> Response {
        let context = pageContext
        let html = Layout.render(title: title, context: context) { content(context) }
        let response = Response(
            status: status,
            headers: ["Content-Type": "text/html; charset=utf-8"],
            body: .init(string: html)
        )
        if context.flash != nil { response.cookies[Self.flashCookie] = .expired }
        return response
    }

    /// A 303 to `url`, with a message for the next page.
    func redirect(to url: SiteURL, flash: Flash? = nil) -> Response {
        let response = redirect(to: url.path, redirectType: .normal)
        if let flash {
            response.cookies[Self.flashCookie] = HTTPCookies.Value(
                string: flash.cookieValue,
                path: "/",
                isHTTPOnly: true,
                sameSite: .lax
            )
        }
        return response
    }

    func rememberLanguage(_ lang: Language, on response: Response) {
        response.cookies[Self.languageCookie] = HTTPCookies.Value(
            string: lang.rawValue,
            maxAge: 365 * 24 * 3600,
            path: "/",
            isHTTPOnly: true,
            sameSite: .lax
        )
    }
}

extension Flash {
    init?(cookieValue: String) {
        let parts = cookieValue.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]),
            let data = Data(base64URL: parts[1])
        else { return nil }
        self.init(kind: kind, message: String(decoding: data, as: UTF8.self))
    }

    var cookieValue: String { kind.rawValue + "." + Data(message.utf8).base64URLEncoded }
}
