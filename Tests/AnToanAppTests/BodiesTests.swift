import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Supervising bodies through the API, on both databases, across scopes.
@Suite("Supervising bodies")
struct BodiesTests {
    /// The organisation tests' province with the provincial police, the police of commune A reporting to it,
    /// and the committee of commune B.
    struct World {
        var base: OrganisationTests.Province
        var provincePolice: BodyDTO
        var policeA: BodyDTO
        var committeeB: BodyDTO
    }

    static func world(_ app: Application) async throws -> World {
        let base = try await OrganisationTests.province(app)
        func body(_ json: String) async throws -> BodyDTO {
            let response = try await api(app, .POST, "/api/v1/bodies", token: base.adminToken, json: json)
            #expect(response.status == .created, "\(response.text)")
            return try response.json(BodyDTO.self)
        }
        let provincePolice = try await body(
            #"{"code":"CA-T","name":"Công an tỉnh Sơn Hà","kind":"police","area_id":"\#(base.province.id)"}"#
        )
        let policeA = try await body(
            #"{"code":"CA-HA","name":"Công an xã Hòa An","kind":"police","area_id":"\#(base.communeA.id)","reports_to_id":"\#(provincePolice.id)"}"#
        )
        let committeeB = try await body(
            #"{"code":"UB-BD","name":"UBND phường Bến Đá","kind":"peoples_committee","area_id":"\#(base.communeB.id)"}"#
        )
        return World(base: base, provincePolice: provincePolice, policeA: policeA, committeeB: committeeB)
    }

    @Test("an authority lists the bodies of its area, a unit those over its own; others are 404", arguments: Lane.all)
    func scope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let authority = try await Fixtures.user(
                "cong_an_ben_da",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.base.communeB.path)!),
                on: app.db
            )
            let head = try await Fixtures.user(
                "truong_so",
                role: .unitHead,
                scope: .unit(world.base.unitA.id, in: AreaPath(world.base.communeA.path)!),
                on: app.db
            )
            let authorityToken = try await Fixtures.token(for: authority, app: app)
            let headToken = try await Fixtures.token(for: head, app: app)
            // when
            let authorityList = try await api(app, .GET, "/api/v1/bodies", token: authorityToken).json([BodyDTO].self)
            let headList = try await api(app, .GET, "/api/v1/bodies", token: headToken).json([BodyDTO].self)
            // then
            #expect(authorityList.map(\.code) == ["UB-BD"])
            #expect(Set(headList.map(\.code)) == ["CA-T", "CA-HA"])
            #expect(
                try await api(app, .GET, "/api/v1/bodies/\(world.policeA.id)", token: authorityToken).status
                    == .notFound
            )
            #expect(
                try await api(app, .GET, "/api/v1/bodies/\(world.committeeB.id)", token: headToken).status == .notFound
            )
            let own = try await api(app, .GET, "/api/v1/bodies/\(world.policeA.id)", token: headToken)
            #expect(try own.json(BodyDTO.self).reportsToId == world.provincePolice.id)
        }
    }

    @Test(
        "a body is replaced by an administrator; a loop, an unknown area or another's write writes nothing",
        arguments: Lane.all
    )
    func replace(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let token = world.base.adminToken
            let path = "/api/v1/bodies/\(world.provincePolice.id)"
            let audits = { try await AuditEntry.query(on: app.db).count() }
            let before = try await audits()
            // when: the province police would report to the commune police, which reports to it
            let loop = try await api(
                app,
                .PUT,
                path,
                token: token,
                json:
                    #"{"name":"Công an tỉnh","kind":"police","area_id":"\#(world.base.province.id)","reports_to_id":"\#(world.policeA.id)"}"#
            )
            let itself = try await api(
                app,
                .PUT,
                path,
                token: token,
                json:
                    #"{"name":"Công an tỉnh","kind":"police","area_id":"\#(world.base.province.id)","reports_to_id":"\#(world.provincePolice.id)"}"#
            )
            let badArea = try await api(
                app,
                .PUT,
                path,
                token: token,
                json: #"{"name":"Công an tỉnh","kind":"army","area_id":"\#(UUID())"}"#
            )
            let newCode = try await api(
                app,
                .PUT,
                path,
                token: token,
                json: #"{"code":"CA-X","name":"Công an tỉnh","kind":"police","area_id":"\#(world.base.province.id)"}"#
            )
            // then
            for response in [loop, itself] {
                #expect(response.status == .unprocessableEntity)
                #expect(try response.json(ErrorBody.self).error.fields.map(\.field) == ["reports_to_id"])
            }
            #expect(Set(try badArea.json(ErrorBody.self).error.fields.map(\.field)) == ["kind", "area_id"])
            #expect(try newCode.json(ErrorBody.self).error.fields.map(\.field) == ["code"])
            #expect(try await audits() == before)
            #expect(try await SupervisingBody.find(world.provincePolice.id, on: app.db)?.$reportsTo.id == nil)
            // when: the commune B committee reports to the provincial police
            let good = try await api(
                app,
                .PUT,
                "/api/v1/bodies/\(world.committeeB.id)",
                token: token,
                json:
                    #"{"name":"UBND phường Bến Đá","kind":"peoples_committee","area_id":"\#(world.base.communeB.id)","reports_to_id":"\#(world.provincePolice.id)"}"#
            )
            // then
            #expect(good.status == .ok, "\(good.text)")
            #expect(try good.json(BodyDTO.self).reportsToId == world.provincePolice.id)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "supervising_body").count() == 4)
            // A unit officer may manage its unit, not bodies: 403 on one over it, 404 on one elsewhere.
            let officer = try await Fixtures.user(
                "antt_a",
                role: .unitSecurityOfficer,
                scope: .unit(world.base.unitA.id, in: AreaPath(world.base.communeA.path)!),
                on: app.db
            )
            let officerToken = try await Fixtures.token(for: officer, app: app)
            let body = #"{"name":"X","kind":"police","area_id":"\#(world.base.communeA.id)"}"#
            #expect(
                try await api(app, .PUT, "/api/v1/bodies/\(world.policeA.id)", token: officerToken, json: body).status
                    == .forbidden
            )
            #expect(
                try await api(app, .PUT, "/api/v1/bodies/\(world.committeeB.id)", token: officerToken, json: body)
                    .status == .notFound
            )
        }
    }
}
