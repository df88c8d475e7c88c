import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Approval chains and report recipients: rules as data, and the fallback along `reports_to`.
@Suite("Routing rules")
struct RoutingTests {
    static func rule(_ app: Application, token: String, _ json: String) async throws -> RoutingRuleDTO {
        let response = try await api(app, .POST, "/api/v1/routing-rules", token: token, json: json)
        #expect(response.status == .created, "\(response.text)")
        return try response.json(RoutingRuleDTO.self)
    }

    static func unit(_ app: Application, _ id: UUID) async throws -> OrgUnit {
        try #require(try await OrgUnit.find(id, on: app.db))
    }

    @Test("without a rule the chain follows reports_to from the body over the unit's area", arguments: Lane.all)
    func fallback(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: commune A has its police (reporting to the province's); commune B has only a committee
            let world = try await BodiesTests.world(app)
            // when
            let chainA = try await RoutingQueries.chain(
                for: try await Self.unit(app, world.base.unitA.id),
                purpose: .planApproval,
                on: app.db
            )
            let chainB = try await RoutingQueries.chain(
                for: try await Self.unit(app, world.base.unitB.id),
                purpose: .report,
                on: app.db
            )
            // then
            #expect(chainA.source == .reportsTo)
            #expect(chainA.bodies.map(\.code) == ["CA-HA", "CA-T"])
            #expect(chainB.bodies.map(\.code) == ["UB-BD"])
            // A department routes as its unit, through the API too.
            let department = try await api(
                app,
                .GET,
                "/api/v1/units/\(world.base.department.id)/routing?purpose=plan_approval",
                token: world.base.adminToken
            ).json(RoutingChainDTO.self)
            #expect(department.source == "reports_to")
            #expect(department.bodies.map(\.code) == ["CA-HA", "CA-T"])
        }
    }

    @Test("the most specific rule wins: deepest area, then the unit kind", arguments: Lane.all)
    func rules(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await BodiesTests.world(app)
            let token = world.base.adminToken
            let province = try await Self.rule(
                app,
                token: token,
                #"{"purpose":"report","area_id":"\#(world.base.province.id)","body_ids":["\#(world.provincePolice.id)"]}"#
            )
            let enterprises = try await Self.rule(
                app,
                token: token,
                #"{"purpose":"report","unit_kind":"enterprise","area_id":"\#(world.base.province.id)","body_ids":["\#(world.committeeB.id)","\#(world.provincePolice.id)"]}"#
            )
            let communeA = try await Self.rule(
                app,
                token: token,
                #"{"purpose":"report","area_id":"\#(world.base.communeA.id)","body_ids":["\#(world.policeA.id)"]}"#
            )
            // when
            func chain(_ unit: UUID, _ purpose: String) async throws -> RoutingChainDTO {
                try await api(app, .GET, "/api/v1/units/\(unit)/routing?purpose=\(purpose)", token: token)
                    .json(RoutingChainDTO.self)
            }
            let unitA = try await chain(world.base.unitA.id, "report")
            let unitB = try await chain(world.base.unitB.id, "report")
            let planB = try await chain(world.base.unitB.id, "plan_approval")
            // then
            #expect(unitA.ruleId == communeA.id && unitA.bodies.map(\.code) == ["CA-HA"])
            #expect(unitB.source == "rule" && unitB.ruleId == enterprises.id)
            #expect(unitB.bodies.map(\.code) == ["UB-BD", "CA-T"])
            #expect(planB.source == "reports_to")
            // when the enterprise rule goes, the province rule applies
            let deleted = try await api(app, .DELETE, "/api/v1/routing-rules/\(enterprises.id)", token: token)
            #expect(deleted.status == .noContent)
            #expect(try await chain(world.base.unitB.id, "report").ruleId == province.id)
            #expect(try await RoutingRuleStep.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "routing_rule").count() == 4)
        }
    }

    @Test("bad rule input names the field and writes nothing", arguments: Lane.all)
    func badInput(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await BodiesTests.world(app)
            let token = world.base.adminToken
            let police = world.provincePolice.id
            _ = try await Self.rule(app, token: token, #"{"purpose":"report","body_ids":["\#(police)"]}"#)
            let cases: [(String, String)] = [
                (#"{"purpose":"approval","body_ids":["\#(police)"]}"#, "purpose"),
                (#"{"purpose":"report","body_ids":["\#(police)"]}"#, "purpose"),
                (#"{"purpose":"report","unit_kind":"shop","body_ids":["\#(police)"]}"#, "unit_kind"),
                (#"{"purpose":"report","area_id":"\#(UUID())","body_ids":["\#(police)"]}"#, "area_id"),
                (#"{"purpose":"report","unit_kind":"school","body_ids":[]}"#, "body_ids"),
                (#"{"purpose":"report","unit_kind":"school","body_ids":["\#(police)","\#(UUID())"]}"#, "body_ids.1"),
                (#"{"purpose":"report","unit_kind":"school","body_ids":["\#(police)","\#(police)"]}"#, "body_ids.1"),
                (#"{"purpose":"report","unit_kind":"school","body_ids":["\#(police)"],"note":"x"}"#, "note"),
            ]
            let counts = {
                [try await RoutingRule.query(on: app.db).count(), try await RoutingRuleStep.query(on: app.db).count()]
            }
            let before = try await counts()
            for (json, field) in cases {
                // when
                let response = try await api(app, .POST, "/api/v1/routing-rules", token: token, json: json)
                // then
                #expect(response.status == .unprocessableEntity, "\(json)")
                #expect(
                    (try? response.json(ErrorBody.self).error.fields.map(\.field).contains(field)) == true,
                    "\(field) in \(json): \(response.text)"
                )
            }
            #expect(try await counts() == before)
            let noPurpose = try await api(app, .GET, "/api/v1/units/\(world.base.unitA.id)/routing", token: token)
            #expect(noPurpose.status == .unprocessableEntity)
            #expect(try noPurpose.json(ErrorBody.self).error.fields.map(\.field) == ["purpose"])
            #expect(try await api(app, .DELETE, "/api/v1/routing-rules/\(UUID())", token: token).status == .notFound)
        }
    }

    @Test("chains and rules are read within scope; only an administrator writes rules", arguments: Lane.all)
    func scope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await BodiesTests.world(app)
            let ruleA = try await Self.rule(
                app,
                token: world.base.adminToken,
                #"{"purpose":"plan_approval","area_id":"\#(world.base.communeA.id)","body_ids":["\#(world.policeA.id)"]}"#
            )
            let authorityB = try await Fixtures.user(
                "cong_an_ben_da",
                role: .authorityLeader,
                scope: .area(AreaPath(world.base.communeB.path)!),
                on: app.db
            )
            let head = try await Fixtures.user(
                "truong_so",
                role: .unitHead,
                scope: .unit(world.base.unitA.id, in: AreaPath(world.base.communeA.path)!),
                on: app.db
            )
            let authorityToken = try await Fixtures.token(for: authorityB, app: app)
            let headToken = try await Fixtures.token(for: head, app: app)
            func status(
                _ method: HTTPMethod,
                _ path: String,
                _ token: String,
                _ json: String? = nil
            ) async throws
                -> HTTPStatus
            {
                try await api(app, method, path, token: token, json: json).status
            }
            // then: each reads its own units' chains and 404s on the others
            #expect(
                try await status(.GET, "/api/v1/units/\(world.base.unitB.id)/routing?purpose=report", authorityToken)
                    == .ok
            )
            #expect(
                try await status(.GET, "/api/v1/units/\(world.base.unitA.id)/routing?purpose=report", authorityToken)
                    == .notFound
            )
            #expect(
                try await status(.GET, "/api/v1/units/\(world.base.unitA.id)/routing?purpose=report", headToken) == .ok
            )
            #expect(
                try await status(.GET, "/api/v1/units/\(world.base.unitB.id)/routing?purpose=report", headToken)
                    == .notFound
            )
            // Commune A's rule is listed for commune A's unit, not for commune B's authority.
            let forHead = try await api(app, .GET, "/api/v1/routing-rules", token: headToken).json(
                [RoutingRuleDTO].self
            )
            let forB = try await api(app, .GET, "/api/v1/routing-rules", token: authorityToken).json(
                [RoutingRuleDTO].self
            )
            #expect(forHead.map(\.id) == [ruleA.id])
            #expect(forB.isEmpty)
            // Writes: an authority may not manage the registry; a unit officer may, but not rules.
            let officer = try await Fixtures.user(
                "antt_a",
                role: .unitSecurityOfficer,
                scope: .unit(world.base.unitA.id, in: AreaPath(world.base.communeA.path)!),
                on: app.db
            )
            let officerToken = try await Fixtures.token(for: officer, app: app)
            let json = #"{"purpose":"report","body_ids":["\#(world.policeA.id)"]}"#
            #expect(try await status(.POST, "/api/v1/routing-rules", authorityToken, json) == .forbidden)
            #expect(try await status(.POST, "/api/v1/routing-rules", officerToken, json) == .forbidden)
            #expect(try await status(.DELETE, "/api/v1/routing-rules/\(ruleA.id)", officerToken) == .forbidden)
            #expect(try await RoutingRule.query(on: app.db).count() == 1)
        }
    }
}
