import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Every page that shows what a user typed shows it as text: searches, filters, names in lists, detail pages,
/// edit forms and duty pages.
@Suite("Escaping on pages")
struct EscapingPagesTests {
    @Test("search fields and the audit filter give back what was typed, inert", arguments: Lane.all)
    func searchFields(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            for payload in Payload.all {
                let typed = Self.query(payload.typed)
                for path in ["/units?q=", "/staff?q=", "/admin/users?q=", "/admin/audit?actor="] {
                    // when
                    let page = try await admin.get(path + typed)
                    // then
                    #expect(page.status == .ok, "\(path): \(page.status)")
                    payload.expectInert(page.text, path)
                }
            }
        }
    }

    @Test("names stored through the API read back inert in lists, detail pages and edit forms", arguments: Lane.all)
    func storedNames(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            for (index, payload) in Payload.all.enumerated() {
                let name = Self.json(payload.typed)
                let area = try await Self.create(
                    app,
                    token,
                    "/api/v1/areas",
                    #"{"code":"9\#(index)","name":\#(name),"kind":"province"}"#
                )
                let unit = try await Self.create(
                    app,
                    token,
                    "/api/v1/units",
                    #"{"code":"U-\#(index)","name":\#(name),"kind":"agency","area_id":"\#(area)","address":\#(name)}"#
                )
                _ = try await Self.create(
                    app,
                    token,
                    "/api/v1/staff",
                    #"{"unit_id":"\#(unit)","full_name":\#(name),"position":\#(name)}"#
                )
                let body = try await Self.create(
                    app,
                    token,
                    "/api/v1/bodies",
                    #"{"code":"B-\#(index)","name":\#(name),"kind":"police","area_id":"\#(area)"}"#
                )
                let pages = [
                    "/areas", "/units", "/units/\(unit)", "/staff", "/bodies", "/bodies/\(body)",
                    "/units/\(unit)/duty", "/units/\(unit)/rosters", "/units/\(unit)/duty-log",
                ]
                for path in pages {
                    // when
                    let page = try await browser.get(path)
                    // then
                    #expect(page.status == .ok, "\(path): \(page.text.prefix(300))")
                    payload.expectInert(page.text, path)
                }
                // a failed form gives back what was typed
                let failed = try await browser.post(
                    "/units",
                    form: ["code": "", "name": payload.typed, "kind": "agency"]
                )
                #expect(failed.status == .unprocessableEntity)
                payload.expectInert(failed.text, "POST /units")
                // an edit form holds the stored value
                let edit = try await browser.get("/bodies/\(body)").text
                #expect(edit.contains(#"value="\#(payload.escaped)""#))
            }
        }
    }

    @Test("roster pages show a unit's and a person's name inert, and print without inline script", arguments: Lane.all)
    func dutyPages(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            let payload = Payload.all[0]
            let unitID = world.province.unitA.id
            let renamed = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(unitID)",
                token: world.province.adminToken,
                json: #"{"name":\#(Self.json(payload.typed))}"#
            )
            #expect(renamed.status == .ok, "\(renamed.text)")
            let leader = try #require(try await StaffMember.find(world.leaders[0], on: app.db))
            leader.fullName = payload.typed
            try await leader.persist(on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let roster = world.roster.id
            for path in [
                "/rosters/\(roster)", "/rosters/\(roster)/print", "/units/\(unitID)/rosters", "/units/\(unitID)/duty",
                "/units/\(unitID)/duty-log",
            ] {
                // when
                let page = try await browser.get(path)
                // then
                #expect(page.status == .ok, "\(path)")
                payload.expectInert(page.text, path)
                #expect(
                    !page.text.contains("<style") && !page.text.contains(" style=") && !page.text.contains("onclick")
                )
            }
            let logBook = try await browser.get("/units/\(unitID)/duty-log").text
            #expect(logBook.contains(#"data-action="print""#))
        }
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// `text` as a JSON string literal.
    static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// POSTs `body` to the API and gives the new record's id.
    static func create(_ app: Application, _ token: String, _ path: String, _ body: String) async throws -> String {
        struct Created: Decodable { var id: String }
        let response = try await api(app, .POST, path, token: token, json: body)
        #expect(response.status == .created, "\(path): \(response.text)")
        return try response.json(Created.self).id
    }
}
