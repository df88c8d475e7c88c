import Fluent
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("First run")
struct FirstRunTests {
    @Test("the printed link sets the first administrator's password, once", arguments: Lane.all)
    func setupLink(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: an empty database gives a link
            let link = try #require(try await FirstRun.setupLink(app: app))
            let path = String(link.dropFirst(app.appConfig.baseURL.count))
            var browser = Browser(app)
            #expect(try await browser.get(path).status == .ok)
            // when
            let done = try await browser.post(
                path,
                form: [
                    "username": "Quan_Tri", "display_name": "Nguyễn Văn Đức", "password": Fixtures.password,
                    "password_confirm": Fixtures.password,
                ]
            )
            // then
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/login")
            let admin = try #require(try await User.find(username: "quan_tri", on: app.db))
            #expect(admin.roleValue == .administrator)
            #expect(admin.displayNameFolded == "nguyen van duc")
            #expect(try await browser.signIn("quan_tri").status == .seeOther)
            // and the link is dead now, as is a new one
            #expect(try await browser.get(path).status == .notFound)
            #expect(try await FirstRun.setupLink(app: app) == nil)
        }
    }

    @Test("a short or mismatched password is refused beside its field and nothing is created", arguments: Lane.all)
    func badPassword(lane: Lane) async throws {
        try await withApp(lane) { app in
            let link = try #require(try await FirstRun.setupLink(app: app))
            let path = String(link.dropFirst(app.appConfig.baseURL.count))
            var browser = Browser(app)
            let short = try await browser.post(
                path,
                form: ["username": "admin", "password": "ngan", "password_confirm": "ngan"]
            )
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("cần ít nhất 12 ký tự"))
            #expect(short.text.contains(#"id="password-error""#))
            let mismatch = try await browser.post(
                path,
                form: ["username": "admin", "password": Fixtures.password, "password_confirm": Fixtures.password + "x"]
            )
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.text.contains(#"id="password_confirm-error""#))
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test("no default password: nobody can sign in on a new database", arguments: Lane.all)
    func noDefaultPassword(lane: Lane) async throws {
        try await withApp(lane) { app in
            var browser = Browser(app)
            for (user, password) in [("admin", "admin"), ("admin", "123456"), ("administrator", "password")] {
                let status = try await browser.signIn(user, password: password).status
                #expect(status == .unauthorized)
            }
        }
    }

    @Test("an unknown setup token is a 404 page")
    func unknownToken() async throws {
        try await withApp(.sqlite) { app in
            var browser = Browser(app)
            let response = try await browser.get("/setup/khong-hop-le")
            #expect(response.status == .notFound)
        }
    }
}
