import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A top-level unit's edit form, linked from its page: its details and its weekly rest days.
@Suite("Unit edit form")
struct UnitEditFormTests {
    @Test("the unit's edit form shows and saves its weekly rest; a bad value is refused beside it", arguments: Lane.all)
    func editForm(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let unitPage = try await admin.get(SiteURL.unit(world.unitB.id).path)
            let path = SiteURL.unitEdit(world.unitB.id).path
            #expect(unitPage.text.contains(#"href="\#(path)""#))
            let page = try await admin.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Ngày nghỉ hằng tuần") && page.text.contains("Theo loại đơn vị (Chỉ Chủ nhật)"))
            let form = try #require(HTMLForms.forms(page.text).first { $0.method == "post" && $0.action == path })
            var values = form.submission { _ in "" }
            #expect(values["name"] == world.unitB.name && values["weekly_rest"] == "")

            // when: a bad value, then Saturday and Sunday with a new phone
            values["weekly_rest"] = "mon"
            let refused = try await admin.post(path, form: values, csrf: false)
            values["weekly_rest"] = "sat_sun"
            values["phone"] = "0912 000 111"
            let saved = try await admin.post(path, form: values, csrf: false)

            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(#"id="unit-edit-weekly_rest-error""#))
            #expect(saved.status == .seeOther)
            let stored = try await UnitRestDays.query(on: app.db).all()
            #expect(stored.map(\.weeklyRest) == ["sat_sun"])
            let unit = try await api(app, .GET, "/api/v1/units/\(world.unitB.id)", token: world.adminToken)
                .json(UnitDTO.self)
            #expect(unit.weeklyRest == "sat_sun" && unit.phone == "0912000111")
            let again = try #require(
                HTMLForms.forms(try await admin.get(path).text).first { $0.action == path }
            )
            #expect(again.submission { _ in "" }["weekly_rest"] == "sat_sun")
        }
    }
}
