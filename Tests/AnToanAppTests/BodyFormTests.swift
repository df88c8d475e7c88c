import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The supervising bodies pages: the list in scope, a body's page, and the administrator's forms.
@Suite("Body pages")
struct BodyFormTests {
    @Test("bodies are listed in scope; another scope's body is a 404", arguments: Lane.all)
    func pages(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await BodiesTests.world(app)
            try await Fixtures.user(
                "cong_an_ben_da",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.base.communeB.path)!),
                on: app.db
            )
            var authority = Browser(app)
            _ = try await authority.signIn("cong_an_ben_da")
            // when
            let list = try await authority.get("/bodies")
            // then
            #expect(list.status == .ok)
            #expect(list.text.contains("UBND phường Bến Đá") && !list.text.contains("Công an xã Hòa An"))
            #expect(!list.text.contains("Thêm cơ quan quản lý"))
            #expect(try await authority.get("/bodies/\(world.committeeB.id)").status == .ok)
            #expect(try await authority.get("/bodies/\(world.policeA.id)").status == .notFound)
            #expect(
                try await authority.post(
                    "/bodies/\(world.committeeB.id)",
                    form: ["name": "X", "kind": "police", "area_id": world.base.communeB.id.uuidString]
                ).status == .forbidden
            )
        }
    }

    @Test(
        "an administrator adds and changes bodies and rules from the pages, errors beside the fields",
        arguments: Lane.all
    )
    func forms(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await BodiesTests.world(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let bodies = { try await SupervisingBody.query(on: app.db).count() }
            let before = try await bodies()
            // when: a body with no area, then a good one
            let bad = try await admin.post(
                "/bodies",
                form: ["code": "BCH-T", "name": "Ban CHQS tỉnh", "kind": "military_command"]
            )
            let good = try await admin.post(
                "/bodies",
                form: [
                    "code": "BCH-T", "name": "Bộ Chỉ huy Quân sự tỉnh", "kind": "military_command",
                    "area_id": world.base.province.id.uuidString,
                ]
            )
            // then
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Ban CHQS tỉnh") && bad.text.contains("bắt buộc phải nhập"))
            #expect(good.status == .seeOther)
            #expect(try await bodies() == before + 1)
            // when: the provincial police made to report to the commune police that reports to it
            let loop = try await admin.post(
                "/bodies/\(world.provincePolice.id)",
                form: [
                    "name": "Công an tỉnh Sơn Hà", "kind": "police", "area_id": world.base.province.id.uuidString,
                    "reports_to_id": world.policeA.id.uuidString,
                ]
            )
            // then
            #expect(loop.status == .unprocessableEntity)
            #expect(loop.text.contains("tạo thành vòng"))
            #expect(try await SupervisingBody.find(world.provincePolice.id, on: app.db)?.$reportsTo.id == nil)
            // when: a report rule with two steps, the second left blank and the third chosen
            let rule = try await admin.post(
                "/routing-rules",
                form: [
                    "purpose": "report", "unit_kind": "enterprise", "area_id": "",
                    "step1": world.committeeB.id.uuidString, "step2": "", "step3": world.provincePolice.id.uuidString,
                ]
            )
            #expect(rule.status == .seeOther)
            let page = try await admin.get("/bodies")
            #expect(page.text.contains("Đã thêm quy tắc."))
            #expect(page.text.contains("UBND phường Bến Đá → Công an tỉnh Sơn Hà"))
            let duplicate = try await admin.post(
                "/routing-rules",
                form: ["purpose": "report", "unit_kind": "enterprise", "step1": world.policeA.id.uuidString]
            )
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("đã có quy tắc"))
            let saved = try #require(try await RoutingRule.query(on: app.db).first())
            #expect(
                try await admin.post("/routing-rules/\(try saved.requireID())/delete", form: [:]).status == .seeOther
            )
            #expect(try await RoutingRule.query(on: app.db).count() == 0)
        }
    }
}
