import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The diacritic-blind search of staff and units: a name is found from the start of any of its words,
/// page by page, within the reader's scope, and under its current name only.
@Suite("Registry search")
struct RegistrySearchTests {
    private func staff(
        _ app: Application,
        _ query: String,
        page: Int = 1,
        token: String
    ) async throws
        -> PageDTO<StaffDTO>
    {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let path = "/api/v1/staff?q=\(encoded)&page=\(page)"
        let response = try await api(app, .GET, path, token: token)
        #expect(response.status == .ok, "\(path): \(response.text)")
        return try response.json(PageDTO<StaffDTO>.self)
    }

    private func add(_ app: Application, _ name: String, unit: UUID, token: String) async throws -> StaffDTO {
        let response = try await api(
            app,
            .POST,
            "/api/v1/staff",
            token: token,
            json: #"{"unit_id":"\#(unit)","full_name":"\#(name)","position":"Bảo vệ"}"#
        )
        #expect(response.status == .created, "\(response.text)")
        return try response.json(StaffDTO.self)
    }

    @Test("a search matches the start of any word of the name, without diacritics", arguments: Lane.all)
    func wordStarts(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            let ha = try await add(app, "Trần Thị Hà", unit: world.unitA.id, token: token)
            let haAnh = try await add(app, "Lê Hà Anh", unit: world.unitA.id, token: token)
            let hang = try await add(app, "Phạm Thị Hằng", unit: world.unitB.id, token: token)
            let byWord = try await staff(app, "ha", token: token)
            #expect(Set(byWord.items.map(\.id)) == [ha.id, haAnh.id, hang.id])
            // Ordered by the words matched: "ha" (Trần Thị Hà), "ha anh", "hang".
            #expect(byWord.items.map(\.id) == [ha.id, haAnh.id, hang.id])
            #expect(try await staff(app, "THỊ HA", token: token).items.map(\.id) == [ha.id, hang.id])
            #expect(try await staff(app, "tran thi ha", token: token).items.map(\.id) == [ha.id])
            // Inside a word is not the start of one.
            #expect(try await staff(app, "uc", token: token).items.isEmpty)
            #expect(try await staff(app, "van duc", token: token).items.count == 2)
        }
    }

    @Test("search pages say whether more follow; plain lists are counted", arguments: Lane.all)
    func paging(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            var added: Set<UUID> = []
            for index in 1...52 {
                added.insert(
                    try await add(app, "Đỗ Minh Khang \(index)", unit: world.unitA.id, token: world.adminToken).id
                )
            }
            let first = try await staff(app, "do minh", token: world.adminToken)
            let second = try await staff(app, "do minh", page: 2, token: world.adminToken)
            #expect(first.items.count == 50 && first.hasMore && first.total == nil)
            #expect(second.items.count == 2 && !second.hasMore && second.total == 52)
            #expect(Set(first.items.map(\.id)).union(second.items.map(\.id)) == added)
            let list = try await api(app, .GET, "/api/v1/staff?page=2", token: world.adminToken).json(
                PageDTO<StaffDTO>.self
            )
            #expect(list.total == 54 && list.items.count == 4 && !list.hasMore)
            let rows = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM name_keys WHERE owner_kind = 'staff'")
                .first(decodingColumn: "n", as: Int.self)
            // Four keys each for "do minh khang N", three for each "nguyen van duc".
            #expect(rows == 52 * 4 + 2 * 3)
        }
    }

    @Test("a renamed unit is found by its new name only; a commune sees its own", arguments: Lane.all)
    func renameAndScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let renamed = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitB.id)",
                token: world.adminToken,
                json: #"{"name":"Công ty Cổ phần Cơ khí Bến Đá"}"#
            )
            #expect(renamed.status == .ok, "\(renamed.text)")
            func units(_ query: String, token: String) async throws -> [String] {
                try await api(app, .GET, "/api/v1/units?q=\(query)", token: token).json(PageDTO<UnitDTO>.self)
                    .items.map(\.code)
            }
            #expect(try await units("co%20khi", token: world.adminToken) == ["CT-DT"])
            // The plain list is counted, past its last page too.
            for page in [1, 2] {
                let list = try await api(app, .GET, "/api/v1/units?page=\(page)", token: world.adminToken)
                    .json(PageDTO<UnitDTO>.self)
                #expect(list.total == 2 && list.items.count == (page == 1 ? 2 : 0) && !list.hasMore)
            }
            #expect(try await units("dien%20tu", token: world.adminToken).isEmpty)
            // A department's name is not a top-level unit of the list.
            #expect(try await units("van%20phong", token: world.adminToken).isEmpty)
            let commune = try await Fixtures.user(
                "cong_an_xa",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.communeB.path)!),
                on: app.db
            )
            let communeToken = try await Fixtures.token(for: commune, app: app)
            #expect(try await staff(app, "nguyen van duc", token: communeToken).items.map(\.id) == [world.staffB.id])
            #expect(try await units("so%20tu%20phap", token: communeToken).isEmpty)
            #expect(try await units("so%20tu%20phap", token: world.adminToken) == ["SO-TP"])
        }
    }
}
