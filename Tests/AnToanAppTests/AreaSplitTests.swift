import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Splitting and renaming areas through the API, on both databases.
@Suite("Area split")
struct AreaSplitTests {
    /// The organisation tests' province, plus a second unit, two bodies and two accounts in commune A.
    struct World {
        var base: OrganisationTests.Province
        var unitA2: UnitDTO
        var police: BodyDTO
        var committee: BodyDTO
        var authority: User
        var unitAccount: User
    }

    static func world(_ app: Application) async throws -> World {
        let base = try await OrganisationTests.province(app)
        func post<T: Decodable>(_ path: String, _ json: String, as type: T.Type) async throws -> T {
            let response = try await api(app, .POST, path, token: base.adminToken, json: json)
            #expect(response.status == .created, "\(path): \(response.text)")
            return try response.json(T.self)
        }
        let unitA2 = try await post(
            "/api/v1/units",
            #"{"code":"TR-HA","name":"Trường THCS Hòa An","kind":"school","school_level":"lower_secondary","area_id":"\#(base.communeA.id)","address":"Thôn 2"}"#,
            as: UnitDTO.self
        )
        let police = try await post(
            "/api/v1/bodies",
            #"{"code":"CA-HA","name":"Công an xã Hòa An","kind":"police","area_id":"\#(base.communeA.id)"}"#,
            as: BodyDTO.self
        )
        let committee = try await post(
            "/api/v1/bodies",
            #"{"code":"UB-HA","name":"UBND xã Hòa An","kind":"peoples_committee","area_id":"\#(base.communeA.id)"}"#,
            as: BodyDTO.self
        )
        let authority = try await Fixtures.user(
            "cong_an_hoa_an",
            role: .authorityOfficer,
            scope: .area(AreaPath(base.communeA.path)!),
            on: app.db
        )
        let unitAccount = try await Fixtures.user(
            "hieu_truong",
            role: .unitHead,
            scope: .unit(unitA2.id, in: AreaPath(base.communeA.path)!),
            on: app.db
        )
        return World(
            base: base,
            unitA2: unitA2,
            police: police,
            committee: committee,
            authority: authority,
            unitAccount: unitAccount
        )
    }

    static func splitJSON(_ world: World) -> String {
        #"""
        {"effective_date":"01/07/2025","parts":[
          {"code":"99011","name":"Xã Hòa An Đông"},
          {"code":"99012","name":"Xã Hòa An Tây","unit_ids":["\#(world.unitA2.id)"],"body_ids":["\#(world.committee.id)"]}
        ]}
        """#
    }

    @Test(
        "a split moves named units and bodies to their part, the rest to the first, and keeps history",
        arguments: Lane.all
    )
    func split(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let token = world.base.adminToken
            // when
            let response = try await api(
                app,
                .POST,
                "/api/v1/areas/\(world.base.communeA.id)/split",
                token: token,
                json: Self.splitJSON(world)
            )
            // then: the old version closed on the day, two new ones from it, under the same parent
            #expect(response.status == .ok, "\(response.text)")
            let split = try response.json(AreaSplitDTO.self)
            #expect(split.area.validTo == "2025-07-01")
            #expect(split.parts.map(\.code) == ["99011", "99012"])
            #expect(split.parts.allSatisfy { $0.validFrom == "2025-07-01" && $0.parentId == world.base.province.id })
            let east = split.parts[0]
            let west = split.parts[1]
            #expect(east.path == "/99/99011/" && east.kind == "commune")
            let today = try await api(app, .GET, "/api/v1/areas", token: token).json([AreaDTO].self)
            #expect(Set(today.map(\.code)) == ["99", "99002", "99011", "99012"])
            let before = try await api(app, .GET, "/api/v1/areas?as_of=30/06/2025", token: token).json([AreaDTO].self)
            #expect(Set(before.map(\.code)) == ["99", "99001", "99002"])
            // Units: the named one to its part; the others, and the department with its unit, to the first.
            let units = try await OrgUnit.query(on: app.db).all()
            let areaOf = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit) } })
            #expect(areaOf[world.unitA2.id]?.$area.id == west.id)
            #expect(areaOf[world.unitA2.id]?.areaPath == west.path)
            #expect(areaOf[world.base.unitA.id]?.$area.id == east.id)
            #expect(areaOf[world.base.department.id]?.areaPath == east.path)
            #expect(areaOf[world.base.unitB.id]?.$area.id == world.base.communeB.id)
            // Staff and unit accounts follow their unit; an account scoped to the old area goes to the first part.
            #expect(try await StaffMember.find(world.base.ducA.id, on: app.db)?.areaPath == east.path)
            #expect(try await User.find(world.unitAccount.id, on: app.db)?.areaPath == west.path)
            #expect(try await User.find(world.authority.id, on: app.db)?.areaPath == east.path)
            #expect(try await SupervisingBody.find(world.police.id, on: app.db)?.areaPath == east.path)
            #expect(try await SupervisingBody.find(world.committee.id, on: app.db)?.$area.id == west.id)
            // History: the unit's period in the old area ends on the day.
            let periods = try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == world.unitA2.id).all()
            #expect(periods.count == 2)
            #expect(periods.contains { $0.areaID == world.base.communeA.id && $0.validTo == "2025-07-01" })
            #expect(periods.contains { $0.areaID == west.id && $0.validFrom == "2025-07-01" && $0.validTo == nil })
            let event = try #require(try await AreaEvent.query(on: app.db).filter(\.$kind == "split").first())
            #expect(event.effectiveDate == "2025-07-01")
            #expect(event.summary == "Xã Hòa An → Xã Hòa An Đông, Xã Hòa An Tây")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "area").filter(\.$action == "create").count()
                    == 5
            )
            #expect(
                try await AuditTrail.verify(on: app.db)
                    == .intact(entries: try await AuditEntry.query(on: app.db).count())
            )
            // The authority, now over the first part, no longer sees the unit that went to the second.
            let authorityToken = try await Fixtures.token(for: world.authority, app: app)
            #expect(
                try await api(app, .GET, "/api/v1/units/\(world.base.unitA.id)", token: authorityToken).status == .ok
            )
            #expect(
                try await api(app, .GET, "/api/v1/units/\(world.unitA2.id)", token: authorityToken).status == .notFound
            )
        }
    }

    @Test("bad split input names the field and writes nothing", arguments: Lane.all)
    func badInput(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let communeA = world.base.communeA.id
            let part1 = #"{"code":"99011","name":"Đông"}"#
            let cases: [(UUID, String, String)] = [
                (
                    communeA, #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99002","name":"Tây"}]}"#,
                    "parts.1.code"
                ),
                (
                    communeA, #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99011","name":"Tây"}]}"#,
                    "parts.1.code"
                ),
                (
                    communeA, #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99_12","name":"Tây"}]}"#,
                    "parts.1.code"
                ),
                (communeA, #"{"effective_date":"2025-07-01","parts":[\#(part1)]}"#, "parts"),
                (communeA, #"{"effective_date":"2025-07-01"}"#, "parts"),
                (communeA, #"{"parts":[\#(part1),{"code":"99012","name":"Tây"}]}"#, "effective_date"),
                (
                    communeA, #"{"effective_date":"31/02/2025","parts":[\#(part1),{"code":"99012","name":"Tây"}]}"#,
                    "effective_date"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây","unit_ids":["\#(world.base.unitB.id)"]}]}"#,
                    "parts.1.unit_ids.0"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây","unit_ids":["\#(world.base.department.id)"]}]}"#,
                    "parts.1.unit_ids.0"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[{"code":"99011","name":"Đông","unit_ids":["\#(world.unitA2.id)"]},{"code":"99012","name":"Tây","unit_ids":["\#(world.unitA2.id)"]}]}"#,
                    "parts.1.unit_ids.0"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây","body_ids":["\#(UUID())"]}]}"#,
                    "parts.1.body_ids.0"
                ),
                (
                    communeA, #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":""}]}"#,
                    "parts.1.name"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây","colour":"đỏ"}]}"#,
                    "parts.1.colour"
                ),
                (
                    communeA,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây","kind":"city"}]}"#,
                    "parts.1.kind"
                ),
                (
                    world.base.province.id,
                    #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây"}]}"#, "id"
                ),
            ]
            let counts = { try await Self.counts(app) }
            let before = try await counts()
            for (area, json, field) in cases {
                // when
                let response = try await api(
                    app,
                    .POST,
                    "/api/v1/areas/\(area)/split",
                    token: world.base.adminToken,
                    json: json
                )
                // then
                #expect(response.status == .unprocessableEntity, "\(json): \(response.text)")
                #expect(
                    (try? response.json(ErrorBody.self).error.fields.map(\.field).contains(field)) == true,
                    "\(field) in \(json): \(response.text)"
                )
            }
            let unknown = try await api(
                app,
                .POST,
                "/api/v1/areas/\(UUID())/split",
                token: world.base.adminToken,
                json: #"{"effective_date":"2025-07-01","parts":[\#(part1),{"code":"99012","name":"Tây"}]}"#
            )
            #expect(unknown.status == .notFound)
            #expect(try await counts() == before)
            // A closed area cannot be split again.
            let first = try await api(
                app,
                .POST,
                "/api/v1/areas/\(communeA)/split",
                token: world.base.adminToken,
                json: Self.splitJSON(world)
            )
            #expect(first.status == .ok)
            let again = try await api(
                app,
                .POST,
                "/api/v1/areas/\(communeA)/split",
                token: world.base.adminToken,
                json:
                    #"{"effective_date":"2026-01-01","parts":[{"code":"99021","name":"A"},{"code":"99022","name":"B"}]}"#
            )
            #expect(again.status == .unprocessableEntity)
            #expect(try again.json(ErrorBody.self).error.fields.map(\.field) == ["id"])
        }
    }

    @Test("only an account that sees everything splits: 403 for a unit officer and an authority", arguments: Lane.all)
    func onlyAdministrators(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let officer = try await Fixtures.user(
                "antt_ha",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitA2.id, in: AreaPath(world.base.communeA.path)!),
                on: app.db
            )
            let tokens = [
                try await Fixtures.token(for: officer, app: app),
                try await Fixtures.token(for: world.authority, app: app),
            ]
            let before = try await Self.counts(app)
            for token in tokens {
                // when
                let response = try await api(
                    app,
                    .POST,
                    "/api/v1/areas/\(world.base.communeA.id)/split",
                    token: token,
                    json: Self.splitJSON(world)
                )
                // then
                #expect(response.status == .forbidden, "\(response.text)")
            }
            #expect(try await Self.counts(app) == before)
        }
    }

    @Test("a rename moves units and bodies to the new version; earlier days keep the old name", arguments: Lane.all)
    func rename(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await Self.world(app)
            let rule = try await RoutingTests.rule(
                app,
                token: world.base.adminToken,
                #"{"purpose":"report","area_id":"\#(world.base.communeA.id)","body_ids":["\#(world.police.id)"]}"#
            )
            // when
            let response = try await api(
                app,
                .POST,
                "/api/v1/areas/\(world.base.communeA.id)/rename",
                token: world.base.adminToken,
                json: #"{"name":"Xã Hòa An Mới","effective_date":"2025-07-01"}"#
            )
            // then
            #expect(response.status == .ok, "\(response.text)")
            let renamed = try response.json(AreaDTO.self)
            #expect(renamed.path == world.base.communeA.path)
            let unit = try await api(app, .GET, "/api/v1/units/\(world.base.unitA.id)", token: world.base.adminToken)
                .json(UnitDTO.self)
            #expect(unit.areaId == renamed.id)
            #expect(try await SupervisingBody.find(world.police.id, on: app.db)?.$area.id == renamed.id)
            #expect(try await RoutingRule.find(rule.id, on: app.db)?.$area.id == renamed.id)
            let periods = try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == world.base.unitA.id).all()
            #expect(periods.contains { $0.areaID == world.base.communeA.id && $0.validTo == "2025-07-01" })
            let earlier = try await api(app, .GET, "/api/v1/areas?as_of=2025-06-30", token: world.base.adminToken)
                .json([AreaDTO].self)
            #expect(earlier.contains { $0.name == "Xã Hòa An" } && !earlier.contains { $0.name == "Xã Hòa An Mới" })
            // The unit's scope did not change: its staff and accounts keep the same path.
            #expect(try await User.find(world.unitAccount.id, on: app.db)?.areaPath == world.base.communeA.path)
        }
    }

    /// Rows a failed split must leave as they were.
    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await Area.query(on: app.db).count(),
            try await Area.query(on: app.db).filter(\.$validTo == nil).count(),
            try await AreaEvent.query(on: app.db).count(),
            try await UnitAreaPeriod.query(on: app.db).count(),
            try await AuditEntry.query(on: app.db).count(),
            try await OrgUnit.query(on: app.db).filter(\.$areaPath == "/99/99001/").count(),
            try await SupervisingBody.query(on: app.db).filter(\.$areaPath == "/99/99001/").count(),
            try await User.query(on: app.db).filter(\.$areaPath == "/99/99001/").count(),
        ]
    }
}
