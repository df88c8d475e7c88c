import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A refused account, API token or roster form shows, at its top, the summary of what is wrong (role=alert), each
/// field named by its label and linked to it, as the registry's forms do: on a phone the errors below the fold
/// are not seen.
@Suite("Form error summaries")
struct FormSummaryTests {
    /// The HTML of the form posting to `action`, from its tag to its end.
    static func form(_ html: String, action: String) -> String? {
        guard let start = html.range(of: #"<form action="\#(action)""#),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The form at `action` opens with the summary, which links to `field` before the field itself.
    static func opensWithSummary(_ html: String, action: String, linking field: String, text: String) -> Bool {
        guard let form = form(html, action: action),
            let summary = form.range(of: #"<div class="error-summary" role="alert">"#),
            let link = form.range(of: ##"<a href="#\##(field)">\##(text)"##),
            let firstInput = form.range(of: "<input")
        else { return false }
        return summary.lowerBound < firstInput.lowerBound && link.lowerBound < firstInput.lowerBound
    }

    @Test("a refused account form and password reset each show their own summary at the top", arguments: Lane.all)
    func accounts(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let other = try await Fixtures.user("can_bo", role: .administrator, scope: .everything, on: app.db)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let users = try await User.query(on: app.db).count()
            // when: no username and a short password; then a short new password for another account
            let created = try await admin.post(
                "/admin/users/new",
                form: ["username": "", "display_name": "Lê Văn Tám", "role": "administrator", "password": "ngan"]
            )
            let id = try other.requireID().uuidString.lowercased()
            let reset = try await admin.post("/admin/users/\(id)/password", form: ["password": "ngan"])
            // then
            #expect(created.status == .unprocessableEntity)
            #expect(
                Self.opensWithSummary(
                    created.text,
                    action: "/admin/users/new",
                    linking: "username",
                    text: "Tên đăng nhập:"
                )
            )
            #expect(created.text.contains(##"<a href="#password">Mật khẩu ban đầu:"##))
            #expect(try await User.query(on: app.db).count() == users)
            #expect(reset.status == .unprocessableEntity)
            #expect(
                Self.opensWithSummary(
                    reset.text,
                    action: "/admin/users/\(id)/password",
                    linking: "password",
                    text: "Mật khẩu mới:"
                )
            )
            let editForm = try #require(Self.form(reset.text, action: "/admin/users/\(id)"))
            #expect(!editForm.contains("error-summary"))
        }
    }

    @Test("a refused API token form shows the summary at its top, in English when asked", arguments: Lane.all)
    func tokens(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            // when
            let refused = try await admin.post("/account/tokens", form: ["name": ""])
            _ = try await admin.post("/language", form: ["lang": "en"])
            let english = try await admin.post("/account/tokens", form: ["name": ""])
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(
                Self.opensWithSummary(refused.text, action: "/account/tokens", linking: "name", text: "Tên gợi nhớ:")
            )
            #expect(Self.opensWithSummary(english.text, action: "/account/tokens", linking: "name", text: "Label:"))
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test("a refused new roster, and a refused publication, say why at the top", arguments: Lane.all)
    func rosters(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: unit A's published week
            let world = try await RosterWorld.make(app, publish: true)
            let unitA = world.province.unitA
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let rosters = try await Roster.query(on: app.db).count()
            // when: a start date that is no date; then the published roster published again
            let made = try await admin.post(
                "/units/\(unitA.id)/rosters",
                form: ["start_date": "31/02/2027", "days": "7", "seed": "1"]
            )
            let again = try await admin.post("/rosters/\(world.roster.id)/publish", form: [:])
            // then
            #expect(made.status == .unprocessableEntity)
            #expect(
                Self.opensWithSummary(
                    made.text,
                    action: "/units/\(unitA.id.uuidString.lowercased())/rosters",
                    linking: "start_date",
                    text: "Từ ngày:"
                )
            )
            #expect(try await Roster.query(on: app.db).count() == rosters)
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains(#"<div class="error-summary" role="alert">"#))
            #expect(again.text.contains(##"<a href="#status">Trạng thái: lịch trực này đã được công bố"##))
            #expect(again.text.contains(#"<p id="status">Trạng thái: Đã công bố</p>"#))
            #expect(try await Roster.find(world.roster.id, on: app.db)?.status == "published")
        }
    }

    @Test("a refused change of a seat's person says why at the top of the page", arguments: Lane.all)
    func seatEdit(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a seat of unit A's draft week
            let world = try await RosterWorld.make(app, publish: false)
            let seat = try #require(world.seats.first)
            let seatID = try #require(seat.id)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            // when: no one chosen
            let refused = try await admin.post("/roster-seats/\(seatID)", form: ["staff_id": ""])
            // then: the summary comes before the seat's forms
            #expect(refused.status == .unprocessableEntity)
            let beforeForms = try #require(refused.text.components(separatedBy: #"<form action="/roster-seats/"#).first)
            #expect(beforeForms.contains(#"<div class="error-summary" role="alert">"#))
            #expect(beforeForms.contains(##"<a href="#staff_id">Người trực:"##))
            #expect(try await RosterSeat.find(seatID, on: app.db)?.staffID == seat.staffId)
        }
    }
}
