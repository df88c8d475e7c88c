import AnToanCore
import Fluent
import Foundation
import Synchronization
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("Signing in")
struct SignInTests {
    @Test("a right password opens a database session in an HttpOnly, SameSite=Lax cookie", arguments: Lane.all)
    func signIn(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                displayName: "Trần Thị Bé",
                on: app.db
            )
            var browser = Browser(app)
            // when
            let response = try await browser.signIn("bao_ve")
            // then
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers.setCookie?[AuthMiddleware.sessionCookie])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            #expect(try await UserSession.query(on: app.db).count() == 1)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Trần Thị Bé"))
        }
    }

    @Test("a wrong password is a 401 with the form again; an unknown name looks the same")
    func wrongPassword() async throws {
        try await withApp(.sqlite) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            let wrong = try await browser.signIn("bao_ve", password: "sai-mat-khau-roi")
            let unknown = try await browser.signIn("khong_co", password: "sai-mat-khau-roi")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.text.contains("Sai tên đăng nhập hoặc mật khẩu."))
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test("five failures lock the account for 15 minutes, even with the right password", arguments: Lane.all)
    func lockout(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            for _ in 1...5 {
                #expect(try await browser.signIn("bao_ve", password: "sai-mat-khau-roi").status == .unauthorized)
            }
            // when: the right password, too early
            let locked = try await browser.signIn("bao_ve")
            // then
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Đăng nhập sai quá nhiều lần"))
            // when: 16 minutes later
            clock.advance(by: 16 * 60)
            #expect(try await browser.signIn("bao_ve").status == .seeOther)
        }
    }

    @Test("twenty failures from one address lock that address for every account not signed in from there before")
    func addressLockout() async throws {
        try await withApp(.sqlite) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            for index in 1...20 {
                _ = try await browser.signIn("ten_\(index)", password: "sai-mat-khau-roi")
            }
            #expect(try await browser.signIn("bao_ve").status == .tooManyRequests)
        }
    }

    @Test("a form without the CSRF token is refused with 403 and signs nobody in")
    func csrf() async throws {
        try await withApp(.sqlite) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            let response = try await browser.post(
                "/login",
                form: ["username": "bao_ve", "password": Fixtures.password],
                csrf: false
            )
            #expect(response.status == .forbidden)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            var forged = Browser(app)
            _ = try await forged.get("/login")
            let wrongToken = try await forged.send(
                .POST,
                "/login",
                headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=bao_ve&password=\(Fixtures.password)&_csrf=gia-mao")
            )
            #expect(wrongToken.status == .forbidden)
        }
    }

    @Test("signing out ends the session on the server", arguments: Lane.all)
    func signOut(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            _ = try await browser.signIn("bao_ve")
            let stolen = browser.cookies[AuthMiddleware.sessionCookie]
            #expect(try await browser.post("/logout", form: [:]).status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            var thief = Browser(app)
            thief.cookies[AuthMiddleware.sessionCookie] = stolen
            let home = try await thief.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == "/login")
        }
    }

    @Test("changing one's password needs the current one and closes other sessions", arguments: Lane.all)
    func changePassword(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var phone = Browser(app)
            var desk = Browser(app)
            _ = try await phone.signIn("bao_ve")
            _ = try await desk.signIn("bao_ve")
            let newPassword = "mat-khau-moi-rat-dai-2026"
            let refused = try await desk.post(
                "/account/password",
                form: ["current_password": "sai-roi-nhe-ban", "password": newPassword, "password_confirm": newPassword]
            )
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(#"id="current_password-error""#))
            let changed = try await desk.post(
                "/account/password",
                form: ["current_password": Fixtures.password, "password": newPassword, "password_confirm": newPassword]
            )
            #expect(changed.status == .seeOther)
            #expect(try await desk.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther)
            var fresh = Browser(app)
            #expect(try await fresh.signIn("bao_ve", password: newPassword).status == .seeOther)
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))

    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
