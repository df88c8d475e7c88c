import Fluent
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("First run")
struct FirstRunTests {
    @Test("the printed link sets the first administrator's password and signs them in, once", arguments: Lane.all)
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
            #expect(done.headers.first(name: .location) == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Xin chào, Nguyễn Văn Đức"))
            #expect(home.text.contains("Đã tạo quản trị viên và đăng nhập"))
            let admin = try #require(try await User.find(username: "quan_tri", on: app.db))
            #expect(admin.roleValue == .administrator)
            #expect(admin.displayNameFolded == "nguyen van duc")
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == admin.requireID()).count() == 1)
            var other = Browser(app)
            #expect(try await other.signIn("quan_tri").status == .seeOther)
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

    @Test("the sign-in page says where the set-up link was printed, until an account exists", arguments: Lane.all)
    func loginSaysWhereTheLinkIs(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a new database
            var browser = Browser(app)
            // when
            let empty = try await browser.get("/login")
            // then
            #expect(empty.text.contains("Chưa có quản trị viên"))
            #expect(empty.text.contains("antoan serve"))
            // and once an administrator exists, the notice is gone
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var later = Browser(app)
            let again = try await later.get("/login")
            #expect(!again.text.contains("Chưa có quản trị viên"))
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

    @Test("two setup submits at once, even with two links, make one administrator", arguments: Lane.concurrent)
    func concurrentSetup(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: two links, as two nodes starting together print
            var paths: [String] = []
            for _ in 0..<2 {
                let link = try #require(try await FirstRun.setupLink(app: app))
                paths.append(String(link.dropFirst(app.appConfig.baseURL.count)))
            }
            let submits = [(paths[0], "quan_tri_a"), (paths[0], "quan_tri_b"), (paths[1], "quan_tri_c")]
            // when: three submits race, two with the same link
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (path, username) in submits {
                    group.addTask {
                        var browser = Browser(app)
                        _ = try await browser.get(path)
                        let form = [
                            "username": username, "password": Fixtures.password, "password_confirm": Fixtures.password,
                        ]
                        return try await browser.post(path, form: form).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            #expect(try await User.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "user").count() == 1)
        }
    }

    @Test("using the setup link is written to the audit trail with the new administrator", arguments: Lane.all)
    func setupAudited(lane: Lane) async throws {
        try await withApp(lane) { app in
            let link = try #require(try await FirstRun.setupLink(app: app))
            let path = String(link.dropFirst(app.appConfig.baseURL.count))
            var browser = Browser(app)
            let form = ["username": "quan_tri", "password": Fixtures.password, "password_confirm": Fixtures.password]
            #expect(try await browser.post(path, form: form).status == .seeOther)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entity == "setup_token").first())
            let admin = try #require(try await User.find(username: "quan_tri", on: app.db))
            #expect(entry.actorID == admin.id)
            #expect(entry.changes.contains(#""used":["false","true"]"#))
            #expect(entry.changes.contains("quan_tri"))
        }
    }
}
