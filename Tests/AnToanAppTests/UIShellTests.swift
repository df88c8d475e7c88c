import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("UI shell")
struct UIShellTests {
    @Test("navigation shows only what the role may use")
    func navigationByRole() async throws {
        try await withApp(.sqlite) { app in
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            try await Fixtures.user(
                "le_tan",
                role: .gateReceptionist,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let adminHome = try await admin.get("/").text
            #expect(adminHome.contains(#"href="/admin/users""#))
            #expect(adminHome.contains(#"href="/admin/audit""#))
            var reception = Browser(app)
            _ = try await reception.signIn("le_tan")
            let home = try await reception.get("/")
            #expect(home.status == .ok)
            #expect(!home.text.contains(#"href="/admin/users""#))
            #expect(!home.text.contains(#"href="/admin/audit""#))
            #expect(try await reception.get("/admin/users").status == .forbidden)
        }
    }

    @Test("the language switch is remembered on the account, across sessions", arguments: Lane.all)
    func languageRemembered(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var phone = Browser(app)
            _ = try await phone.signIn("bao_ve")
            #expect(try await phone.get("/").text.contains(#"<html lang="vi">"#))
            #expect(try await phone.post("/language", form: ["lang": "en"]).status == .seeOther)
            let english = try await phone.get("/").text
            #expect(english.contains(#"<html lang="en">"#))
            #expect(english.contains("Sign out"))
            // A new browser without the language cookie still gets English once signed in.
            var desk = Browser(app)
            _ = try await desk.signIn("bao_ve")
            #expect(try await desk.get("/").text.contains(#"<html lang="en">"#))
            #expect(try await User.find(username: "bao_ve", on: app.db)?.language == "en")
        }
    }

    @Test("a wrong URL is a 404 page in the visitor's language")
    func notFoundPage() async throws {
        try await withApp(.sqlite) { app in
            var browser = Browser(app)
            let vi = try await browser.get("/khong-co-trang-nay")
            #expect(vi.status == .notFound)
            #expect(vi.text.contains("<h1>Không tìm thấy trang</h1>"))
            _ = try await browser.post("/language", form: ["lang": "en"])
            let en = try await browser.get("/khong-co-trang-nay")
            #expect(en.status == .notFound)
            #expect(en.text.contains("<h1>Page not found</h1>"))
        }
    }

    @Test("pages behind sign-in send visitors to the login page")
    func signInRequired() async throws {
        try await withApp(.sqlite) { app in
            var browser = Browser(app)
            let response = try await browser.get("/admin/users")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login?next=%2Fadmin%2Fusers")
        }
    }

    @Test("account form errors stay beside their fields, and a flash follows a redirect once", arguments: Lane.all)
    func formErrorsAndFlash(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let bad = try await browser.post(
                "/admin/users/new",
                form: [
                    "username": "x", "display_name": "", "role": "unit_head", "unit_id": "", "area_path": "",
                    "password": "ngan",
                ]
            )
            #expect(bad.status == .unprocessableEntity)
            for field in ["username", "unit_id", "password"] {
                #expect(bad.text.contains(#"id="\#(field)-error""#), "no error beside \(field)")
            }
            #expect(try await User.query(on: app.db).count() == 1)
            let good = try await browser.post(
                "/admin/users/new",
                form: [
                    "username": "quan_tri_hoa", "display_name": "Phạm Thị Hoa", "role": "administrator",
                    "password": Fixtures.password,
                ]
            )
            #expect(good.status == .seeOther)
            let location = try #require(good.headers.first(name: .location))
            let shown = try await browser.get(location)
            #expect(shown.text.contains("Đã tạo tài khoản."))
            #expect(!(try await browser.get(location).text.contains("Đã tạo tài khoản.")))
            let list = try await browser.get("/admin/users?q=pham%20thi%20hoa")
            #expect(list.text.contains("Phạm Thị Hoa"))
        }
    }

    @Test("an administrator resets a password; the account's sessions end", arguments: Lane.all)
    func adminReset(lane: Lane) async throws {
        try await withApp(lane) { app in
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let guardUser = try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var guardPhone = Browser(app)
            _ = try await guardPhone.signIn("bao_ve")
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let reset = try await admin.post(
                "/admin/users/\(try guardUser.requireID())/password",
                form: ["password": "mat-khau-cap-lai-2026"]
            )
            #expect(reset.status == .seeOther)
            #expect(try await guardPhone.get("/").status == .seeOther)
            var again = Browser(app)
            #expect(try await again.signIn("bao_ve", password: "mat-khau-cap-lai-2026").status == .seeOther)
        }
    }

    @Test("the stylesheet is served and readable on a phone")
    func stylesheet() async throws {
        try await withApp(.sqlite) { app in
            let css = try await app.testing().sendRequest(.GET, "/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers.contentType?.subType == "css")
            #expect(css.text.contains("@media (max-width: 600px)"))
            #expect(css.text.contains("@media print"))
        }
    }
}
