import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Searches take `%`, `_` and `\` literally, and scope filters select an area's rows by a key range that walks an
/// index on SQLite too.
@Suite("Text match")
struct TextMatchTests {
    @Test("a search for % or _ finds only names that contain them", arguments: Lane.all)
    func wildcards(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: accounts whose names have no wildcard characters, and one whose name has a %
            let admin = try await Fixtures.user("quantri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            for name in ["nguyenan", "tranbinh", "leduc"] {
                try await Fixtures.user(name, role: .administrator, scope: .everything, on: app.db)
            }
            try await Fixtures.user(
                "giamgia",
                role: .administrator,
                scope: .everything,
                displayName: "Giảm 50% phí",
                on: app.db
            )
            func search(_ text: String) async throws -> [String] {
                let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
                let response = try await api(app, .GET, "/api/v1/users?q=\(query)", token: token)
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(PageDTO<UserDTO>.self).items.map(\.username)
            }
            // when / then
            #expect(try await search("%") == ["giamgia"])
            #expect(try await search("0%") == ["giamgia"])
            #expect(try await search("_").isEmpty)
            #expect(try await search("\\").isEmpty)
            #expect(try await search("binh") == ["tranbinh"])
            #expect(try await search("").count == 5)
        }
    }

    @Test("the wildcards and the escape character are escaped")
    func escaping() {
        #expect(TextMatch.escapeLike(#"50%_a\b"#) == #"50\%\_a\\b"#)
    }

    @Test("a commune's staff and unit lists walk an index on SQLite, with the same rows")
    func communeScopeUsesIndex() async throws {
        try await withApp(.sqlite) { app in
            // given: staff and units in two communes
            let world = try await OrganisationTests.province(app)
            let commune = try #require(AreaPath(world.communeA.path))
            let scope = Scope.area(commune)
            // when
            var plans: [String] = []
            for statement in [
                OrganisationQueries.staffList(in: scope, page: 1), OrganisationQueries.unitList(in: scope, page: 1),
            ] {
                let rows = try await app.db.sql.raw("EXPLAIN QUERY PLAN \(statement)").all()
                plans.append(try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n"))
            }
            // then: the scope is a range search of an area path index, not a scan of the table or its index
            #expect(plans[0].contains("SEARCH s USING INDEX staff_area_path_name (area_path>? AND area_path<?)"))
            #expect(!plans[0].contains("SCAN s"), "\(plans[0])")
            #expect(plans[1].contains("area_path>? AND area_path<?)"), "\(plans[1])")
            #expect(!plans[1].contains("SCAN u"), "\(plans[1])")
            let staff = try await OrganisationQueries.staffPage(in: scope, search: nil, page: 1, on: app.db)
            #expect(staff.items.map(\.id) == [world.ducA.id])
            #expect(staff.total == 1)
            let units = try await OrganisationQueries.unitPage(in: scope, search: nil, page: 1, on: app.db)
            #expect(units.items.map(\.id) == [world.unitA.id])
            #expect(units.total == 1)
            let province = try await OrganisationQueries.staffPage(
                in: .area(try #require(AreaPath(world.province.path))),
                search: nil,
                page: 1,
                on: app.db
            )
            #expect(Set(province.items.map(\.id)) == [world.ducA.id, world.staffB.id])
        }
    }
}
