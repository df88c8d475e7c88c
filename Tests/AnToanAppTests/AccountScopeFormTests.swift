import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// An administrator gives an account its unit or area by name: no id or path is typed or shown.
@Suite("Account scope form")
struct AccountScopeFormTests {
    @Test("a unit-scoped account gets its unit chosen by name and the unit's area", arguments: Lane.all)
    func unitByName(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Sở Tư pháp in Xã Hòa An
            let world = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let form = [
                "username": "antt_stp", "display_name": "Trần Thị Bình", "role": "unit_security_officer",
                "password": Fixtures.password,
            ]
            // when: the administrator looks for the unit without diacritics
            let found = try await browser.post(
                SiteURL.userNew.path,
                form: form.merging(["scope_q": "so tu phap", "find": "1"]) { $1 }
            )
            // then: the form comes back with the unit by name and its area, nothing saved, no id or path shown
            #expect(found.status == .ok)
            #expect(found.text.contains("Sở Tư pháp — Xã Hòa An"))
            #expect(!found.text.contains("Công ty TNHH Điện tử Sơn Hà"))
            #expect(!found.text.contains("Mã đơn vị") && !found.text.contains("/99/99001/"))
            #expect(try await User.query(on: app.db).count() == 1)
            // when: the unit is chosen and the form saved
            let saved = try await browser.post(
                SiteURL.userNew.path,
                form: form.merging(["unit_id": world.unitA.id.uuidString]) { $1 }
            )
            // then: the account's scope is the unit, in the unit's area
            #expect(saved.status == .seeOther)
            let user = try #require(try await User.find(username: "antt_stp", on: app.db))
            #expect(user.scope == .unit(world.unitA.id, in: AreaPath("/99/99001/")!))
            // and the list and the form name the scope
            let list = try await browser.get(SiteURL.users.path)
            #expect(list.text.contains("Đơn vị: Sở Tư pháp"))
            #expect(!list.text.contains(world.unitA.id.uuidString.lowercased()) && !list.text.contains("/99/99001/"))
            let edit = try await browser.get(SiteURL.user(try user.requireID()).path)
            #expect(edit.text.contains("Sở Tư pháp — Xã Hòa An"))
            #expect(edit.text.contains(#"checked="checked""#))
        }
    }

    @Test("an authority's account gets its area chosen by name", arguments: Lane.all)
    func areaByName(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let found = try await browser.post(SiteURL.userNew.path, form: ["scope_q": "ben da", "find": "1"])
            #expect(found.text.contains("Phường Bến Đá — Tỉnh Sơn Hà"))
            // when
            let saved = try await browser.post(
                SiteURL.userNew.path,
                form: [
                    "username": "cb_bd", "role": "authority_officer", "password": Fixtures.password,
                    "area_id": world.communeB.id.uuidString,
                ]
            )
            // then
            #expect(saved.status == .seeOther)
            let user = try #require(try await User.find(username: "cb_bd", on: app.db))
            #expect(user.scope == .area(AreaPath("/99/99002/")!))
            #expect(try await browser.get(SiteURL.users.path).text.contains("Địa bàn: Phường Bến Đá"))
        }
    }

    @Test(
        "a unit role without a unit, or with one outside the scope, is refused beside the choice",
        arguments: Lane.all
    )
    func unitRequired(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            _ = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let form = ["username": "antt_x", "role": "unit_head", "password": Fixtures.password]
            // when
            let missing = try await browser.post(SiteURL.userNew.path, form: form)
            let unknown = try await browser.post(
                SiteURL.userNew.path,
                form: form.merging(["unit_id": UUID().uuidString]) { $1 }
            )
            // then
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("chọn đơn vị theo tên"))
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.text.contains("không tìm thấy"))
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("the API takes a unit role's area from its unit, and refuses another area", arguments: Lane.all)
    func apiUnitArea(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let body =
                #"{"username":"antt_api","role":"unit_head","password":"\#(Fixtures.password)","unit_id":"\#(world.unitA.id)""#
            // when
            let created = try await api(app, .POST, "/api/v1/users", token: world.adminToken, json: body + "}")
            let wrong = try await api(
                app,
                .POST,
                "/api/v1/users",
                token: world.adminToken,
                json: body.replacingOccurrences(of: "antt_api", with: "antt_api2") + #","area_path":"/99/99002/"}"#
            )
            // then
            #expect(created.status == .created, "\(created.text)")
            let user = try #require(try await User.find(username: "antt_api", on: app.db))
            #expect(user.scope == .unit(world.unitA.id, in: AreaPath("/99/99001/")!))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("area_path"))
        }
    }
}
