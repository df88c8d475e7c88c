import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Areas, units, staff and forces through the API, on both databases, across scopes.
@Suite("Organisation")
struct OrganisationTests {
    /// A province with two communes, a unit in each (one with a department), staff in both.
    struct Province {
        var adminToken: String
        var province: AreaDTO
        var communeA: AreaDTO
        var communeB: AreaDTO
        var unitA: UnitDTO
        var unitB: UnitDTO
        var department: UnitDTO
        var ducA: StaffDTO
        var staffB: StaffDTO
    }

    /// A browser signed in as the province's police authority (cong_an_tinh), whose scope is the whole province.
    static func provinceAuthority(_ app: Application, _ world: Province) async throws -> Browser {
        _ = try await Fixtures.user(
            "cong_an_tinh",
            role: .authorityLeader,
            scope: .area(AreaPath(world.province.path)!),
            on: app.db
        )
        var browser = Browser(app)
        _ = try await browser.signIn("cong_an_tinh")
        return browser
    }

    static func province(_ app: Application) async throws -> Province {
        let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
        let token = try await Fixtures.token(for: admin, app: app)
        func post<T: Decodable>(_ path: String, _ json: String, as type: T.Type) async throws -> T {
            let response = try await api(app, .POST, path, token: token, json: json)
            #expect(response.status == .created, "\(path): \(response.text)")
            return try response.json(T.self)
        }
        let province = try await post(
            "/api/v1/areas",
            #"{"code":"99","name":"Tỉnh Sơn Hà","kind":"province"}"#,
            as: AreaDTO.self
        )
        let communeA = try await post(
            "/api/v1/areas",
            #"{"code":"99001","name":"Xã Hòa An","kind":"commune","parent_id":"\#(province.id)"}"#,
            as: AreaDTO.self
        )
        let communeB = try await post(
            "/api/v1/areas",
            #"{"code":"99002","name":"Phường Bến Đá","kind":"ward","parent_id":"\#(province.id)"}"#,
            as: AreaDTO.self
        )
        let unitA = try await post(
            "/api/v1/units",
            #"{"code":"SO-TP","name":"Sở Tư pháp","kind":"agency","area_id":"\#(communeA.id)","address":"1 Lê Lợi","phone":"0912 345 678","flags":["state_secrets"]}"#,
            as: UnitDTO.self
        )
        let unitB = try await post(
            "/api/v1/units",
            #"{"code":"CT-DT","name":"Công ty TNHH Điện tử Sơn Hà","kind":"enterprise","enterprise_size":"small","area_id":"\#(communeB.id)","address":"KCN Bến Đá"}"#,
            as: UnitDTO.self
        )
        let department = try await post(
            "/api/v1/units",
            #"{"code":"SO-TP-VP","name":"Văn phòng Sở","kind":"agency","parent_id":"\#(unitA.id)","address":"1 Lê Lợi"}"#,
            as: UnitDTO.self
        )
        let ducA = try await post(
            "/api/v1/staff",
            #"{"unit_id":"\#(unitA.id)","department_id":"\#(department.id)","full_name":"Nguyễn Văn Đức","position":"Chánh Văn phòng","is_leader":true,"identity_number":"099085001234","phone":"0987654321"}"#,
            as: StaffDTO.self
        )
        let staffB = try await post(
            "/api/v1/staff",
            #"{"unit_id":"\#(unitB.id)","full_name":"Nguyễn Văn Đức","position":"Nhân viên bảo vệ"}"#,
            as: StaffDTO.self
        )
        return Province(
            adminToken: token,
            province: province,
            communeA: communeA,
            communeB: communeB,
            unitA: unitA,
            unitB: unitB,
            department: department,
            ducA: ducA,
            staffB: staffB
        )
    }

    @Test("a unit's people see their unit and its departments and get 404 on another unit", arguments: Lane.all)
    func unitScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.province(app)
            let head = try await Fixtures.user(
                "truong_so",
                role: .unitHead,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let token = try await Fixtures.token(for: head, app: app)
            let units = try await api(app, .GET, "/api/v1/units", token: token).json(PageDTO<UnitDTO>.self)
            #expect(units.items.map(\.code) == ["SO-TP"])
            #expect(try await api(app, .GET, "/api/v1/units/\(world.department.id)", token: token).status == .ok)
            #expect(try await api(app, .GET, "/api/v1/units/\(world.unitB.id)", token: token).status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/units/\(world.unitB.id)/sites", token: token).status == .notFound)
            #expect(try await api(app, .GET, "/api/v1/staff/\(world.staffB.id)", token: token).status == .notFound)
            let found = try await api(app, .GET, "/api/v1/staff?q=nguyen%20van%20duc", token: token).json(
                PageDTO<StaffDTO>.self
            )
            #expect(found.items.map(\.id) == [world.ducA.id])
        }
    }

    @Test("an authority sees every unit below its area and nothing outside", arguments: Lane.all)
    func authorityScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.province(app)
            let commune = try await Fixtures.user(
                "cong_an_xa",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.communeB.path)!),
                on: app.db
            )
            let provincial = try await Fixtures.user(
                "cong_an_tinh",
                role: .authorityLeader,
                scope: .area(AreaPath(world.province.path)!),
                on: app.db
            )
            let communeToken = try await Fixtures.token(for: commune, app: app)
            let provinceToken = try await Fixtures.token(for: provincial, app: app)
            let communeUnits = try await api(app, .GET, "/api/v1/units", token: communeToken).json(
                PageDTO<UnitDTO>.self
            )
            #expect(communeUnits.items.map(\.code) == ["CT-DT"])
            #expect(
                try await api(app, .GET, "/api/v1/units/\(world.unitA.id)", token: communeToken).status == .notFound
            )
            let provinceUnits = try await api(app, .GET, "/api/v1/units", token: provinceToken).json(
                PageDTO<UnitDTO>.self
            )
            #expect(Set(provinceUnits.items.map(\.code)) == ["SO-TP", "CT-DT"])
            let everyDuc = try await api(app, .GET, "/api/v1/staff?q=NGUYEN%20VAN%20DUC", token: provinceToken).json(
                PageDTO<StaffDTO>.self
            )
            #expect(everyDuc.items.count == 2)
            #expect(everyDuc.total == 2 && !everyDuc.hasMore)
            // An authority reads but does not write the registry.
            let write = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitB.id)/sites",
                token: provinceToken,
                json: #"{"code":"C1","name":"Cổng 1","kind":"gate"}"#
            )
            #expect(write.status == .forbidden)
        }
    }

    @Test("a merge is recorded with its date and the tree as of an earlier day is the old one", arguments: Lane.all)
    func mergeAsOf(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.province(app)
            let merged = try await api(
                app,
                .POST,
                "/api/v1/areas/\(world.communeB.id)/merge",
                token: world.adminToken,
                json: #"{"into_id":"\#(world.communeA.id)","effective_date":"01/07/2025"}"#
            )
            #expect(merged.status == .ok, "\(merged.text)")
            let today = try await api(app, .GET, "/api/v1/areas", token: world.adminToken).json([AreaDTO].self)
            #expect(Set(today.map(\.code)) == ["99", "99001"])
            let before = try await api(app, .GET, "/api/v1/areas?as_of=2024-12-31", token: world.adminToken).json(
                [AreaDTO].self
            )
            #expect(Set(before.map(\.code)) == ["99", "99001", "99002"])
            let unitB = try await api(app, .GET, "/api/v1/units/\(world.unitB.id)", token: world.adminToken).json(
                UnitDTO.self
            )
            #expect(unitB.areaId == world.communeA.id)
            let periods = try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == world.unitB.id).all()
            #expect(periods.count == 2)
            #expect(
                periods.contains { $0.areaID == world.communeB.id && $0.validFrom == nil && $0.validTo == "2025-07-01" }
            )
            #expect(
                periods.contains { $0.areaID == world.communeA.id && $0.validFrom == "2025-07-01" && $0.validTo == nil }
            )
            #expect(
                try await AreaEvent.query(on: app.db).filter(\.$kind == "merge").first()?.effectiveDate == "2025-07-01"
            )
        }
    }

    @Test("bad registry input names the field and writes nothing", arguments: Lane.all)
    func badInput(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.province(app)
            let cases: [(String, String, String)] = [
                (
                    "/api/v1/units", #"{"code":"X1","name":"A","kind":"agency","area_id":"\#(UUID())","address":"x"}"#,
                    "area_id"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"X2","name":"A","kind":"agency","parent_id":"\#(UUID())","address":"x"}"#, "parent_id"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"SO-TP","name":"A","kind":"agency","area_id":"\#(world.communeA.id)","address":"x"}"#,
                    "code"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"X3","name":"A","kind":"agency","area_id":"\#(world.communeA.id)","address":"x","phone":"12345"}"#,
                    "phone"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"X4","name":"A","kind":"agency","area_id":"\#(world.communeA.id)","address":"x","email":"khong-phai-email"}"#,
                    "email"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"X5","name":"A","kind":"shop","area_id":"\#(world.communeA.id)","address":"x"}"#, "kind"
                ),
                (
                    "/api/v1/units",
                    #"{"code":"X6","name":"A","kind":"agency","parent_id":"\#(world.department.id)","address":"x"}"#,
                    "parent_id"
                ),
                (
                    "/api/v1/areas",
                    #"{"code":"99001","name":"Trùng mã","kind":"commune","parent_id":"\#(world.province.id)"}"#, "code"
                ),
                (
                    "/api/v1/areas", #"{"code":"99009","name":"Mồ côi","kind":"commune","parent_id":"\#(UUID())"}"#,
                    "parent_id"
                ),
                (
                    "/api/v1/staff",
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"A","position":"B","identity_number":"12ab"}"#,
                    "identity_number"
                ),
            ]
            let counts = {
                (
                    try await OrgUnit.query(on: app.db).count(), try await Area.query(on: app.db).count(),
                    try await StaffMember.query(on: app.db).count()
                )
            }
            let before = try await counts()
            for (path, json, field) in cases {
                let response = try await api(app, .POST, path, token: world.adminToken, json: json)
                #expect(response.status == .unprocessableEntity, "\(json)")
                #expect(
                    try response.json(ErrorBody.self).error.fields.map(\.field).contains(field),
                    "\(json): \(response.text)"
                )
            }
            let after = try await counts()
            #expect(after == before)
            // A unit cannot become its own parent.
            let own = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitA.id)",
                token: world.adminToken,
                json: #"{"parent_id":"\#(world.unitA.id)"}"#
            )
            #expect(own.status == .unprocessableEntity)
        }
    }

    @Test("identity numbers are masked; a reveal needs the right role and is audited", arguments: Lane.all)
    func identity(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await Self.province(app)
            let shown = try await api(app, .GET, "/api/v1/staff/\(world.ducA.id)", token: world.adminToken).json(
                StaffDTO.self
            )
            #expect(shown.identityNumber == "09********34")
            let revealed = try await api(
                app,
                .POST,
                "/api/v1/staff/\(world.ducA.id)/reveal-identity",
                token: world.adminToken
            )
            #expect(try revealed.json(StaffDTO.self).identityNumber == "099085001234")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "reveal").count() == 1)
            let guardUser = try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let guardToken = try await Fixtures.token(for: guardUser, app: app)
            #expect(
                try await api(app, .POST, "/api/v1/staff/\(world.ducA.id)/reveal-identity", token: guardToken).status
                    == .forbidden
            )
        }
    }

    @Test("the staffing summary counts forces and lists certificates and terms due in 90 days", arguments: Lane.all)
    func staffing(lane: Lane) async throws {
        let clock = TestClock()  // 2026-11-18
        try await withApp(lane, now: clock.now) { app in
            let world = try await Self.province(app)
            let due = try await api(
                app,
                .POST,
                "/api/v1/staff/\(world.ducA.id)/memberships",
                token: world.adminToken,
                json:
                    #"{"force":"protection","start_date":"2021-12-01","certificate_number":"GCN-99-2021-00001","certificate_issued":"15/12/2021"}"#
            )
            #expect(due.status == .created, "\(due.text)")
            #expect(try due.json(MembershipDTO.self).dueDate == "2026-12-15")
            let team = try await api(
                app,
                .POST,
                "/api/v1/staff/\(world.ducA.id)/memberships",
                token: world.adminToken,
                json: #"{"force":"antt_team","role":"leader","start_date":"2023-07-20"}"#
            )
            #expect(team.status == .created)
            let summary = try await api(app, .GET, "/api/v1/units/\(world.unitA.id)/staffing", token: world.adminToken)
                .json(StaffingDTO.self)
            #expect(summary.staff == 1)
            #expect(summary.leaders == 1)
            #expect(summary.byForce == ["protection": 1, "antt_team": 1])
            #expect(summary.dueSoon.map(\.dueDate) == ["2026-12-15"])
        }
    }
}

@Suite("Organisation pages")
struct OrganisationPageTests {
    @Test("pages list units and staff within scope and 404 across it", arguments: Lane.all)
    func pages(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            try await Fixtures.user(
                "antt_a",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            try await Fixtures.user(
                "cong_an_tinh",
                role: .authorityLeader,
                scope: .area(AreaPath(world.province.path)!),
                on: app.db
            )
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let units = try await officer.get("/units")
            #expect(units.status == .ok)
            #expect(units.text.contains("Sở Tư pháp"))
            #expect(!units.text.contains("Công ty TNHH Điện tử Sơn Hà"))
            let own = try await officer.get("/units/\(world.unitA.id)")
            #expect(own.status == .ok)
            #expect(own.text.contains("Văn phòng Sở"))
            #expect(try await officer.get("/units/\(world.unitB.id)").status == .notFound)
            let staff = try await officer.get("/staff?q=nguyen%20van%20duc")
            #expect(staff.text.contains("Chánh Văn phòng"))
            #expect(!staff.text.contains("Nhân viên bảo vệ"))
            #expect(!staff.text.contains("099085001234"))

            var authority = Browser(app)
            _ = try await authority.signIn("cong_an_tinh")
            let all = try await authority.get("/units")
            #expect(all.text.contains("Sở Tư pháp") && all.text.contains("Công ty TNHH Điện tử Sơn Hà"))
            #expect(all.text.contains("1 cán bộ"))
            #expect(try await authority.get("/units/\(world.unitB.id)").status == .ok)
            let everyone = try await authority.get("/staff?q=NGUYEN%20VAN%20DUC")
            #expect(everyone.text.contains("Chánh Văn phòng") && everyone.text.contains("Nhân viên bảo vệ"))
            let areas = try await authority.get("/areas")
            #expect(areas.text.contains("Xã Hòa An"))
            #expect(try await authority.get("/areas?as_of=31/02/2024").status == .unprocessableEntity)
        }
    }

    @Test("the demo province loads once, with a login for every role")
    func demo() async throws {
        try await withApp(.sqlite) { app in
            let result = try await DemoCommand.load(app: app)
            #expect(Set(result.logins.map(\.role)) == Set(Role.allCases))
            #expect(try await StaffMember.query(on: app.db).count() == 600)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$parent.$id == nil).count() == 40)
            #expect(try await SupervisingBody.query(on: app.db).count() > 3)
            for login in result.logins {
                var browser = Browser(app)
                let signIn = try await browser.signIn(login.username, password: result.password)
                #expect(signIn.status == .seeOther, "\(login.username)")
                #expect(try await browser.get("/").status == .ok)
            }
            await #expect(throws: CommandFailed.self) { try await DemoCommand.load(app: app) }
        }
    }
}

@Suite("Organisation forms")
struct OrganisationFormTests {
    @Test(
        "units, staff and force memberships are added from the pages, with errors beside the fields",
        arguments: Lane.all
    )
    func forms(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            // when: a unit with a bad phone
            let bad = try await admin.post(
                "/units",
                form: [
                    "code": "TR-01", "name": "Trường THPT Hòa An", "kind": "school", "school_level": "upper_secondary",
                    "area_id": world.communeA.id.uuidString, "address": "Thôn 1", "phone": "12345",
                ]
            )
            // then
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains(#"id="phone-error""#))
            #expect(bad.text.contains("Trường THPT Hòa An"))
            #expect(try await OrgUnit.query(on: app.db).filter(\.$code == "TR-01").count() == 0)
            let good = try await admin.post(
                "/units",
                form: [
                    "code": "TR-01", "name": "Trường THPT Hòa An", "kind": "school", "school_level": "upper_secondary",
                    "area_id": world.communeA.id.uuidString, "address": "Thôn 1", "phone": "0203 123 4567",
                ]
            )
            #expect(good.status == .seeOther)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$code == "TR-01").first()?.phone == "02031234567")

            try await Fixtures.user(
                "antt_a",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            var officer = Browser(app)
            _ = try await officer.signIn("antt_a")
            let added = try await officer.post(
                "/units/\(world.unitA.id)/staff",
                form: ["full_name": "Lê Thị Hồng", "position": "Nhân viên bảo vệ", "phone": "0912000111"]
            )
            #expect(added.status == .seeOther)
            let hong = try #require(
                try await StaffMember.query(on: app.db).filter(\.$fullName == "Lê Thị Hồng").first()
            )
            let member = try await officer.post(
                "/units/\(world.unitA.id)/memberships",
                form: [
                    "staff_id": try hong.requireID().uuidString, "force": "protection", "role": "member",
                    "start_date": "01/03/2024",
                    "certificate_issued": "31/13/2024",
                ]
            )
            #expect(member.status == .unprocessableEntity)
            #expect(member.text.contains(#"id="memberships-certificate_issued-error""#))
            #expect(try await ForceMembership.query(on: app.db).count() == 0)
            // A unit officer cannot add to another unit, nor add units.
            let across = try await officer.post(
                "/units/\(world.unitB.id)/staff",
                form: ["full_name": "X", "position": "Y"]
            )
            #expect(across.status == .notFound)
            #expect(!(try await officer.get("/units").text.contains("Thêm đơn vị")))
        }
    }
}
