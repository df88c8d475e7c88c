import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The headers that keep a browser from running, framing, sniffing or caching what it should not.
@Suite("Security headers")
struct SecurityHeadersTests {
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'; object-src 'none'"

    @Test(
        "a signed-out page: CSP without inline script, no framing, no sniffing, same-origin referrer",
        arguments: Lane.all
    )
    func signedOutPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            var browser = Browser(app)
            // when
            let login = try await browser.get(SiteURL.login.path)
            // then
            #expect(login.status == .ok)
            #expect(login.headers.first(name: "Content-Security-Policy") == Self.policy)
            #expect(login.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(login.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(login.headers.first(name: "Referrer-Policy") == "same-origin")
            #expect(login.headers.first(name: "Strict-Transport-Security") == nil)
            #expect(login.headers.first(name: .cacheControl) != "no-store")
            #expect(login.text.contains(#"<script src="/static/app.js" defer></script>"#))
            #expect(
                !login.text.contains("<script>") && !login.text.contains("<style") && !login.text.contains(" style=")
            )
        }
    }

    @Test("a signed-in page, and its error page, are not stored by the browser", arguments: Lane.all)
    func signedInPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let home = try await browser.get("/")
            let missing = try await browser.get("/no-such-page")
            // then
            #expect(home.status == .ok)
            #expect(home.headers.first(name: .cacheControl) == "no-store")
            #expect(home.headers.first(name: "Content-Security-Policy") == Self.policy)
            #expect(home.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(missing.status == .notFound)
            #expect(missing.headers.first(name: .cacheControl) == "no-store")
            #expect(missing.headers.first(name: "Content-Security-Policy") == Self.policy)
        }
    }

    @Test("API answers are never sniffed, and a signed-in one is not stored", arguments: Lane.all)
    func apiResponse(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            // when
            let list = try await api(app, .GET, "/api/v1/units", token: token)
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/units")
            // then
            #expect(list.status == .ok)
            #expect(list.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(list.headers.first(name: .cacheControl) == "no-store")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("with an https base URL every answer asks for https for a year")
    func httpsBaseURL() async throws {
        try await withApp(.sqlite, baseURL: "https://antoan.example.vn") { app in
            // when
            let login = try await app.testing().sendRequest(.GET, SiteURL.login.path)
            let stylesheet = try await app.testing().sendRequest(.GET, SiteURL.stylesheet.path)
            // then
            #expect(login.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            #expect(
                stylesheet.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
            )
            #expect(stylesheet.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("the script and the print stylesheet are files of the site")
    func assets() async throws {
        try await withApp(.sqlite) { app in
            // when
            let script = try await app.testing().sendRequest(.GET, SiteURL.script.path)
            let print = try await app.testing().sendRequest(.GET, SiteURL.printStylesheet.path)
            // then
            #expect(script.status == .ok)
            #expect(script.headers.contentType?.subType == "javascript")
            #expect(script.body.string.contains("window.print()"))
            #expect(print.status == .ok)
            #expect(print.body.string.contains("@page { size: A4 landscape"))
        }
    }
}
