import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Tokens act with their owner's scope: a unit sees its unit, an authority its area, nothing across.
@Suite("Scopes over the API")
struct ScopeTests {
    struct World {
        var unitA = UUID()
        var unitB = UUID()
        var headA: User
        var officerA: User
        var headB: User
        var authority: User
        var outsider: User
    }

    static func world(_ app: Application) async throws -> World {
        let unitA = UUID()
        let unitB = UUID()
        let db = app.db
        return World(
            unitA: unitA,
            unitB: unitB,
            headA: try await Fixtures.user(
                "truong_a",
                role: .unitHead,
                scope: .unit(unitA, in: Fixtures.communeA),
                displayName: "Nguyễn Văn Đức",
                on: db
            ),
            officerA: try await Fixtures.user(
                "can_bo_a",
                role: .unitSecurityOfficer,
                scope: .unit(unitA, in: Fixtures.communeA),
                on: db
            ),
            headB: try await Fixtures.user(
                "truong_b",
                role: .unitHead,
                scope: .unit(unitB, in: Fixtures.communeB),
                on: db
            ),
            authority: try await Fixtures.user(
                "cong_an_xa",
                role: .authorityLeader,
                scope: .area(Fixtures.communeA),
                on: db
            ),
            outsider: try await Fixtures.user(
                "ha_noi",
                role: .unitHead,
                scope: .unit(UUID(), in: Fixtures.otherProvince),
                on: db
            )
        )
    }

    private func get(_ app: Application, _ path: String, token: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: ["Authorization": "Bearer \(token)"])
    }

    @Test("a unit head's token lists only its unit and gets 404 for another unit's account", arguments: Lane.all)
    func unitScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let token = try await Fixtures.token(for: world.headA, app: app)
            // when
            let list = try await get(app, "/api/v1/users", token: token).json(PageDTO<UserDTO>.self)
            // then
            #expect(Set(list.items.map(\.username)) == ["truong_a", "can_bo_a"])
            #expect(try await get(app, "/api/v1/users/\(world.officerA.requireID())", token: token).status == .ok)
            let across = try await get(app, "/api/v1/users/\(world.headB.requireID())", token: token)
            #expect(across.status == .notFound)
            #expect(try across.json(ErrorBody.self).error.code == "not_found")
        }
    }

    @Test("an authority sees every account below its area and nothing outside", arguments: Lane.all)
    func areaScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let token = try await Fixtures.token(for: world.authority, app: app)
            let list = try await get(app, "/api/v1/users", token: token).json(PageDTO<UserDTO>.self)
            #expect(Set(list.items.map(\.username)) == ["truong_a", "can_bo_a", "cong_an_xa"])
            #expect(try await get(app, "/api/v1/users/\(world.headB.requireID())", token: token).status == .notFound)
            #expect(try await get(app, "/api/v1/users/\(world.outsider.requireID())", token: token).status == .notFound)
        }
    }

    @Test("search ignores diacritics within the scope", arguments: Lane.all)
    func foldedSearch(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            try await Fixtures.user(
                "duc_b",
                role: .dutyOfficer,
                scope: .unit(world.unitB, in: Fixtures.communeB),
                displayName: "Nguyễn Văn Đức",
                on: app.db
            )
            let token = try await Fixtures.token(for: world.authority, app: app)
            let found = try await get(app, "/api/v1/users?q=nguyen%20van%20duc", token: token).json(
                PageDTO<UserDTO>.self
            )
            #expect(found.items.map(\.username) == ["truong_a"])
        }
    }

    @Test("an authority leader may not manage accounts at all: 403, nothing written", arguments: Lane.all)
    func authorityCannotManageAccounts(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let token = try await Fixtures.token(for: world.authority, app: app)
            let before = try await User.query(on: app.db).count()
            let response = try await api(
                app,
                .POST,
                "/api/v1/users",
                token: token,
                json:
                    #"{"username":"moi","role":"unit_head","unit_id":"\#(world.unitA)","area_path":"/01/","password":"mat-khau-kiem-thu-2026"}"#
            )
            #expect(response.status == .forbidden)
            #expect(try await User.query(on: app.db).count() == before)
        }
    }

    /// The officer may manage its own unit's registry, so the refusal below comes from the scope check,
    /// not from the permission matrix.
    @Test("a unit's security officer cannot write into another unit: 404, nothing written", arguments: Lane.all)
    func writeAcrossUnits(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let officer = try await Fixtures.user(
                "can_bo_so",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let token = try await Fixtures.token(for: officer, app: app)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // given: the same write into its own unit is allowed
            let own = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: token,
                json: #"{"unit_id":"\#(world.unitA.id)","full_name":"Trần Thị Hà","position":"Bảo vệ"}"#
            )
            #expect(own.status == .created, "\(own.text)")
            // when: into unit B
            let staff = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: token,
                json: #"{"unit_id":"\#(world.unitB.id)","full_name":"Trần Thị Hà","position":"Bảo vệ"}"#
            )
            let rename = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitB.id)",
                token: token,
                json: #"{"name":"Đã bị đổi tên"}"#
            )
            let site = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitB.id)/sites",
                token: token,
                json: #"{"code":"CONG-SAU","name":"Cổng sau","kind":"gate"}"#
            )
            // then
            #expect([HTTPStatus.notFound, .unprocessableEntity].contains(staff.status), "\(staff.text)")
            #expect(rename.status == .notFound)
            #expect(site.status == .notFound)
            #expect(try await Site.query(on: app.db).count() == 0)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore + 1)
            let unitB = try await api(app, .GET, "/api/v1/units/\(world.unitB.id)", token: world.adminToken)
            #expect(try unitB.json(UnitDTO.self).name == "Công ty TNHH Điện tử Sơn Hà")
        }
    }

    @Test("a revoked token and a missing token are 401", arguments: Lane.all)
    func revokedToken(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.world(app)
            let token = try await Fixtures.token(for: world.headA, app: app)
            #expect(try await get(app, "/api/v1/me", token: token).status == .ok)
            let tokenID = try #require(try await APIToken.query(on: app.db).first()?.id)
            let revoked = try await app.testing().sendRequest(
                .DELETE,
                "/api/v1/tokens/\(tokenID)",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(revoked.status == .noContent)
            let after = try await get(app, "/api/v1/me", token: token)
            #expect(after.status == .unauthorized)
            #expect(try after.json(ErrorBody.self).error.code == "not_signed_in")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test("one account cannot revoke another's token")
    func revokeOthersToken() async throws {
        try await withApp(.sqlite) { app in
            let world = try await Self.world(app)
            let tokenA = try await Fixtures.token(for: world.headA, app: app)
            _ = try await Fixtures.token(for: world.headB, app: app)
            let tokenB = try #require(
                try await APIToken.query(on: app.db).filter(\.$user.$id == world.headB.requireID()).first()
            )
            let response = try await app.testing().sendRequest(
                .DELETE,
                "/api/v1/tokens/\(tokenB.requireID())",
                headers: ["Authorization": "Bearer \(tokenA)"]
            )
            #expect(response.status == .notFound)
            #expect(try await APIToken.find(tokenB.id, on: app.db)?.revokedAt == nil)
        }
    }
}
