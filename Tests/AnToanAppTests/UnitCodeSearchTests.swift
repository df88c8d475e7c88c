import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The unit search finds a unit by its code as well as by a word of its name, whatever the case, through the
/// same search keys, and lists each unit once however many of its keys match.
@Suite("Unit code search")
struct UnitCodeSearchTests {
    private func units(_ app: Application, _ query: String, token: String) async throws -> [String] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let response = try await api(app, .GET, "/api/v1/units?q=\(encoded)", token: token)
        #expect(response.status == .ok, "\(query): \(response.text)")
        return try response.json(PageDTO<UnitDTO>.self).items.map(\.code)
    }

    @Test("a unit is found by its code in any case, on the page and the API, and listed once", arguments: Lane.all)
    func byCode(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Sở Tư pháp (SO-TP) and Công ty TNHH Điện tử Sơn Hà (CT-DT)
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            // when, then: by the code, whole or its start, in either case
            #expect(try await units(app, "SO-TP", token: token) == ["SO-TP"])
            #expect(try await units(app, "so-tp", token: token) == ["SO-TP"])
            #expect(try await units(app, "ct-", token: token) == ["CT-DT"])
            // a name still matches from the start of a word only
            #expect(try await units(app, "tu phap", token: token) == ["SO-TP"])
            #expect(try await units(app, "tp", token: token).isEmpty)
            // "t" starts three words of the company's name and one of the Sở's: each unit once
            #expect(try await units(app, "t", token: token).sorted() == ["CT-DT", "SO-TP"])
            // "c" starts the company's code and its name: once
            #expect(try await units(app, "c", token: token) == ["CT-DT"])
            // the page's search too
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let page = try await browser.get("/units?q=so-TP")
            #expect(page.status == .ok)
            #expect(page.text.contains("Sở Tư pháp"))
            #expect(!page.text.contains("Công ty TNHH Điện tử Sơn Hà"))
        }
    }

    @Test(
        "the migration gives the units already registered their code keys, and its revert takes them away",
        arguments: Lane.all
    )
    func migration(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            // when: reverted, as before the code was a key
            try await AddUnitCodeKeys().revert(on: app.db)
            // then
            #expect(try await units(app, "so-tp", token: token).isEmpty)
            #expect(try await units(app, "tu phap", token: token) == ["SO-TP"])
            // when: migrated again
            try await AddUnitCodeKeys().prepare(on: app.db)
            // then
            #expect(try await units(app, "so-tp", token: token) == ["SO-TP"])
        }
    }
}
