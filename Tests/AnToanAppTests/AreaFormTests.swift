import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The administrator's forms on the areas page, with errors beside the fields.
@Suite("Area forms")
struct AreaFormTests {
    @Test("areas are created, renamed, merged and split from the page; bad input writes nothing", arguments: Lane.all)
    func forms(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await AreaSplitTests.world(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let page = try await admin.get("/areas")
            #expect(page.text.contains("Chia tách") && page.text.contains(#"name="part3_units""#))
            // when: a new area with a taken code
            let taken = try await admin.post(
                "/areas",
                form: [
                    "code": "99002", "name": "Trùng", "kind": "commune", "parent_id": world.base.province.id.uuidString,
                ]
            )
            // then
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.text.contains(#"id="create-code-error""#))
            let created = try await admin.post(
                "/areas",
                form: [
                    "code": "99003", "name": "Xã Suối Mơ", "kind": "commune",
                    "parent_id": world.base.province.id.uuidString,
                ]
            )
            #expect(created.status == .seeOther)
            #expect(try await admin.get("/areas").text.contains("Đã thêm địa bàn."))
            // when: a split naming a unit code that does not exist, and one of another area
            let counts = try await AreaSplitTests.counts(app)
            var split = [
                "area_id": world.base.communeA.id.uuidString, "effective_date": "01/07/2025",
                "part1_code": "99011", "part1_name": "Xã Hòa An Đông",
                "part2_code": "99012", "part2_name": "Xã Hòa An Tây", "part2_units": "TR-HA, KHONG-CO",
            ]
            let unknown = try await admin.post("/areas/split", form: split)
            split["part2_units"] = "TR-HA CT-DT"
            let elsewhere = try await admin.post("/areas/split", form: split)
            // then: each error sits beside the field, naming the code
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.text.contains(#"id="split-part2_units-error""#) && unknown.text.contains("KHONG-CO"))
            #expect(elsewhere.status == .unprocessableEntity)
            #expect(elsewhere.text.contains("CT-DT: không thuộc địa bàn này"))
            #expect(elsewhere.text.contains("Xã Hòa An Tây"))
            #expect(try await AreaSplitTests.counts(app) == counts)
            // when: the split as meant, the committee going with the second part
            split["part2_units"] = "TR-HA"
            split["part2_bodies"] = "UB-HA"
            let done = try await admin.post("/areas/split", form: split)
            // then
            #expect(done.status == .seeOther)
            #expect(try await admin.get("/areas").text.contains("Đã chia tách địa bàn."))
            let west = try #require(try await Area.query(on: app.db).filter(\.$code == "99012").first())
            #expect(try await OrgUnit.find(world.unitA2.id, on: app.db)?.$area.id == west.id)
            #expect(try await SupervisingBody.find(world.committee.id, on: app.db)?.$area.id == west.id)
            // rename and merge
            let renamed = try await admin.post(
                "/areas/rename",
                form: [
                    "area_id": try west.requireID().uuidString, "name": "Xã Tây Hòa", "effective_date": "01/01/2026",
                ]
            )
            #expect(renamed.status == .seeOther)
            let missingDate = try await admin.post(
                "/areas/merge",
                form: ["area_id": world.base.communeB.id.uuidString, "into_id": world.base.communeA.id.uuidString]
            )
            #expect(missingDate.status == .unprocessableEntity)
            #expect(missingDate.text.contains(#"id="merge-effective_date-error""#))
            // communeA is closed now: merging into it is refused beside `into_id`.
            #expect(missingDate.text.contains("không tìm thấy"))
        }
    }

    @Test("only administrators see and use the forms; English labels with the language switch", arguments: Lane.all)
    func access(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await AreaSplitTests.world(app)
            var authority = Browser(app)
            _ = try await authority.signIn("cong_an_hoa_an")
            // then
            let page = try await authority.get("/areas")
            #expect(page.status == .ok && !page.text.contains("Chia tách"))
            let split = try await authority.post(
                "/areas/split",
                form: ["area_id": world.base.communeA.id.uuidString, "effective_date": "01/07/2025"]
            )
            #expect(split.status == .forbidden)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            #expect(try await admin.post("/areas/split", form: ["area_id": "x"], csrf: false).status == .forbidden)
            _ = try await admin.post("/language", form: ["lang": "en"])
            let english = try await admin.get("/areas").text
            #expect(english.contains("Split") && english.contains("Takes effect on (dd/MM/yyyy)"))
        }
    }
}
