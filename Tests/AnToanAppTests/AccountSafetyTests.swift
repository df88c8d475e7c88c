import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("Sessions, tokens and accounts")
struct AccountSafetyTests {
    @Test("the API takes bearer tokens only: a session cookie on /api is a 401", arguments: Lane.all)
    func apiIgnoresSessionCookie(lane: Lane) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            var browser = Browser(app)
            #expect(try await browser.signIn("quan_tri").status == .seeOther)
            // when
            let withCookie = try await browser.get("/api/v1/me")
            let created = try await browser.send(
                .POST,
                "/api/v1/tokens",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name":"tu trang khac"}"#)
            )
            // then
            #expect(withCookie.status == .unauthorized)
            #expect(created.status == .unauthorized)
            #expect(try await APIToken.query(on: app.db).count() == 1)
            #expect(try await api(app, .GET, "/api/v1/me", token: token).status == .ok)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test(
        "an administrator's password reset ends the account's sessions and revokes its API tokens",
        arguments: Lane.all
    )
    func resetRevokesTokens(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let officer = try await Fixtures.user(
                "can_bo",
                role: .authorityOfficer,
                scope: .area(Fixtures.communeA),
                on: app.db
            )
            let token = try await Fixtures.token(for: officer, app: app)
            var stolen = Browser(app)
            _ = try await stolen.signIn("can_bo")
            #expect(try await api(app, .GET, "/api/v1/me", token: token).status == .ok)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            // when
            let reset = try await admin.post(
                SiteURL.userResetPassword(try officer.requireID()).path,
                form: ["password": "mat-khau-moi-da-doi-2026"]
            )
            // then
            #expect(reset.status == .seeOther)
            #expect(try await api(app, .GET, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await stolen.get("/").status == .seeOther)
            let revoked = try await AuditEntry.query(on: app.db).filter(\.$entity == "api_token")
                .filter(\.$action == "update").all()
            #expect(revoked.count == 1)
            #expect(revoked.first?.actorName == "quan_tri")
        }
    }

    @Test(
        "the last active administrator can be neither deactivated nor demoted; with a second one they can",
        arguments: Lane.all
    )
    func lastAdministrator(lane: Lane) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let path = "/api/v1/users/\(try admin.requireID().uuidString.lowercased())"
            // when
            let deactivate = try await api(app, .PATCH, path, token: token, json: #"{"is_active":false}"#)
            let demote = try await api(
                app,
                .PATCH,
                path,
                token: token,
                json: #"{"role":"authority_leader","area_path":"/79/"}"#
            )
            // then
            #expect(deactivate.status == .unprocessableEntity)
            #expect(try deactivate.json(ErrorBody.self).error.fields.map(\.field) == ["is_active"])
            #expect(
                try deactivate.json(ErrorBody.self).error.fields.first?.message.contains("quản trị viên cuối cùng")
                    == true
            )
            #expect(demote.status == .unprocessableEntity)
            #expect(try demote.json(ErrorBody.self).error.fields.map(\.field) == ["role"])
            let english = try await app.testing().sendRequest(
                .PATCH,
                path,
                headers: [
                    "Authorization": "Bearer \(token)", "Content-Type": "application/json", "Accept-Language": "en",
                ],
                body: ByteBuffer(string: #"{"is_active":false}"#)
            )
            #expect(
                try english.json(ErrorBody.self).error.fields.first?.message.contains("last active administrator")
                    == true
            )
            let stored = try #require(try await User.find(admin.requireID(), on: app.db))
            #expect(stored.isActive && stored.roleValue == .administrator)
            #expect(try await api(app, .GET, "/api/v1/me", token: token).status == .ok)
            // the page says so beside the field
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let page = try await browser.post(
                SiteURL.user(try admin.requireID()).path,
                form: ["display_name": "quan_tri", "role": "administrator", "is_active": "false"]
            )
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("quản trị viên cuối cùng còn hoạt động"))
            // given a second administrator, the first may step down
            try await Fixtures.user("quan_tri_2", role: .administrator, scope: .everything, on: app.db)
            let allowed = try await api(app, .PATCH, path, token: token, json: #"{"is_active":false}"#)
            #expect(allowed.status == .ok)
        }
    }

    @Test("two administrators deactivating each other at once leave one active", arguments: Lane.concurrent)
    func concurrentDeactivation(lane: Lane) async throws {
        try await withApp(lane) { app in
            let first = try await Fixtures.user("quan_tri_a", role: .administrator, scope: .everything, on: app.db)
            let second = try await Fixtures.user("quan_tri_b", role: .administrator, scope: .everything, on: app.db)
            let calls = [
                (try await Fixtures.token(for: first, app: app), try second.requireID()),
                (try await Fixtures.token(for: second, app: app), try first.requireID()),
            ]
            // when
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (token, target) in calls {
                    group.addTask {
                        let path = "/api/v1/users/\(target.uuidString.lowercased())"
                        return try await api(app, .PATCH, path, token: token, json: #"{"is_active":false}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then
            // (the loser is refused, or no longer signed in if the winner's change landed before it was read)
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.allSatisfy { [.ok, .unprocessableEntity, .unauthorized].contains($0) })
            let active = try await User.query(on: app.db).filter(\.$role == "administrator").filter(\.$isActive == true)
                .count()
            #expect(active == 1)
        }
    }

    @Test("a signed-out form post is not read past 64 KB; a signed-in upload is", arguments: Lane.all)
    func anonymousBodyCap(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var visitor = Browser(app)
            let padding = String(repeating: "x", count: 70 * 1024)
            // when: a signed-out visitor posts a sign-in form and an import of 70 KB
            let login = try await visitor.post(
                SiteURL.login.path,
                form: ["username": "quan_tri", "password": Fixtures.password, "padding": padding]
            )
            let upload = try await visitor.post("/import", form: ["kind": "staff", "padding": padding])
            // then
            #expect(login.status == .payloadTooLarge)
            #expect(login.text.contains("64 KB"))
            #expect(upload.status == .payloadTooLarge)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            // nor is a signed-out API call
            let anonymousAPI = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"username":""# + padding + #""}"#)
            )
            #expect(anonymousAPI.status == .payloadTooLarge)
            // a small sign-in still works, and once signed in the same body is read
            #expect(try await visitor.signIn("quan_tri").status == .seeOther)
            let signedIn = try await visitor.post("/import", form: ["kind": "staff", "padding": padding])
            #expect(signedIn.status != .payloadTooLarge)
        }
    }
}
