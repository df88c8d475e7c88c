import AnToanCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A page opened while signed out (a link in a message, a bookmark) opens again after signing in, and only a
/// page of this site does; after signing out, Back finds nothing personal.
@Suite("Sign-in return path")
struct SignInReturnTests {
    @Test("a deep link followed while signed out opens after signing in", arguments: Lane.all)
    func deepLink(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let page = "/units/\(world.unitA.id)/duty"
            var phone = Browser(app)
            // when
            let refused = try await phone.get(page)
            let location = try #require(refused.headers.first(name: .location))
            let form = try await phone.get(location)
            let signedIn = try await phone.post(
                SiteURL.login.path,
                form: ["username": "quan_tri", "password": Fixtures.password, "next": page]
            )
            let landed = try await phone.get(try #require(signedIn.headers.first(name: .location)))
            // then
            #expect(refused.status == .seeOther)
            #expect(location == "/login?next=%2Funits%2F\(world.unitA.id)%2Fduty")
            #expect(form.text.contains(#"name="next" value="\#(page)""#))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == page)
            #expect(landed.status == .ok)
        }
    }

    @Test("sign-in never sends the person to another site", arguments: Lane.all)
    func otherSites(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            for next in ["//evil.example/duty", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", ""] {
                var phone = Browser(app)
                // when
                let form = try await phone.get(
                    "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                )
                let signedIn = try await phone.post(
                    SiteURL.login.path,
                    form: ["username": "quan_tri", "password": Fixtures.password, "next": next]
                )
                // then
                #expect(!form.text.contains("evil.example"), "\(next)")
                #expect(signedIn.headers.first(name: .location) == "/", "\(next)")
            }
        }
    }

    @Test("after sign-out the last signed-in page is not stored and asks to sign in again", arguments: Lane.all)
    func backAfterSignOut(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var phone = Browser(app)
            _ = try await phone.signIn("quan_tri")
            let accounts = try await phone.get(SiteURL.users.path)
            // when
            let signedOut = try await phone.post(SiteURL.logout.path, form: [:])
            let back = try await phone.get(SiteURL.users.path)
            // then
            #expect(accounts.status == .ok)
            #expect(accounts.headers.first(name: .cacheControl) == "no-store")
            #expect(signedOut.headers.first(name: .cacheControl) == "no-store")
            #expect(back.status == .seeOther)
            #expect(back.headers.first(name: .location) == "/login?next=%2Fadmin%2Fusers")
        }
    }
}
