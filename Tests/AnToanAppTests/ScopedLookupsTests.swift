import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AnToanApp

/// Records a handler looks up by id go through a query function that takes the caller's scope.
@Suite("Scoped lookups")
struct ScopedLookupsTests {
    @Test("a unit officer's rename or rule delete outside its reach is a 404; inside it a 403", arguments: Lane.all)
    func outsideReach(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: rules for both communes, and commune A's security officer (who may manage its own registry)
            let world = try await BodiesTests.world(app)
            let base = world.base
            func rule(_ area: AreaDTO, _ body: BodyDTO) async throws -> RoutingRuleDTO {
                try await RoutingTests.rule(
                    app,
                    token: base.adminToken,
                    #"{"purpose":"report","area_id":"\#(area.id)","body_ids":["\#(body.id)"]}"#
                )
            }
            let ruleA = try await rule(base.communeA, world.policeA)
            let ruleB = try await rule(base.communeB, world.committeeB)
            let officer = try await Fixtures.user(
                "antt_so",
                role: .unitSecurityOfficer,
                scope: .unit(base.unitA.id, in: AreaPath(base.communeA.path)!),
                on: app.db
            )
            let token = try await Fixtures.token(for: officer, app: app)
            let rename = #"{"name":"Đã bị đổi tên","effective_date":"2026-01-01"}"#
            let areasBefore = try await Area.query(on: app.db).count()
            // when
            let renameB = try await api(
                app,
                .POST,
                "/api/v1/areas/\(base.communeB.id)/rename",
                token: token,
                json: rename
            )
            let deleteB = try await api(app, .DELETE, "/api/v1/routing-rules/\(ruleB.id)", token: token)
            let renameA = try await api(
                app,
                .POST,
                "/api/v1/areas/\(base.communeA.id)/rename",
                token: token,
                json: rename
            )
            let deleteA = try await api(app, .DELETE, "/api/v1/routing-rules/\(ruleA.id)", token: token)
            // then: another commune's area and rule look as if they did not exist; its own are refused
            #expect(renameB.status == .notFound, "\(renameB.text)")
            #expect(deleteB.status == .notFound, "\(deleteB.text)")
            #expect(renameA.status == .forbidden, "\(renameA.text)")
            #expect(deleteA.status == .forbidden, "\(deleteA.text)")
            #expect(try await Area.query(on: app.db).count() == areasBefore)
            #expect(try await RoutingRule.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "query functions answer 404 for a site, an area or an import job outside the reader's reach",
        arguments: Lane.all
    )
    func queryFunctions(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let base = try await OrganisationTests.province(app)
            let siteB = try await api(
                app,
                .POST,
                "/api/v1/units/\(base.unitB.id)/sites",
                token: base.adminToken,
                json: #"{"code":"CONG-1","name":"Cổng chính","kind":"gate"}"#
            ).json(SiteDTO.self)
            let unitA = Scope.unit(base.unitA.id, in: AreaPath(base.communeA.path)!)
            let authorityB = Scope.area(AreaPath(base.communeB.path)!)
            let owner = try await Fixtures.user("nhap_lieu", role: .unitSecurityOfficer, scope: unitA, on: app.db)
            let other = try await Fixtures.user("nguoi_khac", role: .unitSecurityOfficer, scope: unitA, on: app.db)
            let job = ImportJob(kind: .staff, filename: "nhan-vien.csv", userID: try owner.requireID(), total: 1)
            try await job.insert(on: app.db)
            let jobID = try job.requireID()
            func principal(_ user: User) throws -> Principal {
                Principal(
                    id: try user.requireID(),
                    username: user.username,
                    displayName: user.displayName,
                    role: .unitSecurityOfficer,
                    scope: unitA,
                    language: nil,
                    sessionID: nil
                )
            }
            // then: the site of unit B is unit B's authority's, not unit A's
            #expect(try await OrganisationQueries.site(siteB.id, in: authorityB, on: app.db).id == siteB.id)
            #expect(
                await Self.notFound {
                    try await OrganisationQueries.site(siteB.id, in: unitA, on: app.db)
                }
            )
            // an authority reaches its own area and the province above it, not a sibling commune
            #expect(try await OrganisationQueries.area(base.communeB.id, in: authorityB, on: app.db).code == "99002")
            #expect(try await OrganisationQueries.area(base.province.id, in: authorityB, on: app.db).code == "99")
            #expect(
                await Self.notFound {
                    try await OrganisationQueries.area(base.communeA.id, in: authorityB, on: app.db)
                }
            )
            // an import job is its owner's only, even for an account of the same scope
            #expect(
                try await ImportJobQueries.job(jobID, of: try principal(owner), on: app.db).filename == "nhan-vien.csv"
            )
            #expect(
                await Self.notFound {
                    try await ImportJobQueries.job(jobID, of: try principal(other), on: app.db)
                }
            )
        }
    }

    private static func notFound(_ body: () async throws -> some Any) async -> Bool {
        do {
            _ = try await body()
            return false
        } catch AppError.notFound {
            return true
        } catch {
            return false
        }
    }
}
