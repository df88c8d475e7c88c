import AnToanCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// What an authority reads on a unit's page: its departments, its sites and their security systems.
@Suite("Unit page")
struct UnitPageTests {
    @Test(
        "the page lists the departments, each site with its systems in words, and a site with none",
        arguments: Lane.all
    )
    func sitesAndSystems(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: unit A (with its department) gets a gate with two kinds of system and a guard post with none
            let world = try await OrganisationTests.province(app)
            func post(_ path: String, _ json: String) async throws -> String {
                let response = try await api(app, .POST, path, token: world.adminToken, json: json)
                #expect(response.status == .created, "\(response.text)")
                return try #require(response.text.firstMatch(of: /"id":"([0-9A-F-]{36})"/)?.1).description
            }
            let gate = try await post(
                "/api/v1/units/\(world.unitA.id)/sites",
                #"{"code":"A1","name":"Cổng chính","kind":"gate"}"#
            )
            _ = try await post(
                "/api/v1/units/\(world.unitA.id)/sites",
                #"{"code":"B2","name":"Bốt gác phía sau","kind":"guard_post"}"#
            )
            _ = try await post(
                "/api/v1/sites/\(gate)/systems",
                #"{"kind":"camera","count":4,"status":"working","last_check":"2026-11-20"}"#
            )
            _ = try await post("/api/v1/sites/\(gate)/systems", #"{"kind":"alarm","count":1,"status":"faulty"}"#)
            var browser = try await OrganisationTests.provinceAuthority(app, world)

            // when
            let html = try await browser.get("/units/\(world.unitA.id)").text

            // then
            #expect(html.contains(world.department.name))
            let gateRow = try #require(html.range(of: "Cổng chính"))
            let backRow = try #require(html.range(of: "Bốt gác phía sau"))
            #expect(gateRow.lowerBound < backRow.lowerBound)
            let systems = String(html[gateRow.upperBound..<backRow.lowerBound])
            #expect(systems.contains("Báo động × 1: Hỏng (—)"), "\(systems)")
            #expect(systems.contains("Camera × 4: Hoạt động (20/11/2026)"), "\(systems)")
        }
    }
}
