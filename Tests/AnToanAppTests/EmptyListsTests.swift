import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// An empty list says what to do next, with a link, instead of showing an empty table.
@Suite("Empty lists")
struct EmptyListsTests {
    @Test("on a new database the unit and staff lists lead to adding or importing", arguments: Lane.all)
    func newDatabase(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: only the administrator
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let units = try await browser.get(SiteURL.units.path)
            let staff = try await browser.get(SiteURL.staff.path)
            let peaks = try await browser.get(SiteURL.peakPeriods.path)
            let searched = try await browser.get(SiteURL.units.path + "?q=khong%20co")
            // then
            #expect(units.text.contains("Chưa có đơn vị nào."))
            #expect(units.text.contains(#"<a href="/import">nhập từ tệp Excel</a>"#))
            #expect(staff.text.contains("Chưa có cán bộ nào."))
            #expect(staff.text.contains(#"<a href="/import">nhập từ tệp Excel</a>"#))
            #expect(peaks.text.contains("Chưa có đợt cao điểm nào."))
            #expect(searched.text.contains("Không có đơn vị nào khớp."))
            #expect(!searched.text.contains("Chưa có đơn vị nào."))
        }
    }
}
