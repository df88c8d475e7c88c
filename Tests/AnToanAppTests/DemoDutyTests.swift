import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The demo province's duty data: set-ups, days off, a peak period and published rosters, made through the
/// services the API uses, with a few units left short on purpose.
@Suite("Demo duty data")
struct DemoDutyTests {
    /// Wednesday 20 January 2027, 10:00 in Vietnam: the Tết peak and days off fall in the next month's roster.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_414_000) }

    @Test(
        "the demo publishes rosters, and oversight lists exactly the units left short on purpose",
        arguments: Lane.all
    )
    func demo(lane: Lane) async throws {
        try await withApp(lane, now: Self.now) { app in
            // when
            let result = try await DemoCommand.load(app: app)

            // then: every unit but one set up; January and February published for all but the draft and the
            // unset unit; this year's days off confirmed; the Tết peak declared for the province
            let duty = try #require(result.duty)
            #expect(Set(duty.short.map(\.reason)) == ["no set-up", "too few leaders", "roster not published"])
            #expect(try await DutySetup.query(on: app.db).count() == 39 && duty.setUp == 39)
            let published = try await Roster.query(on: app.db).filter(\.$status == "published").all()
            #expect(published.count == 38 * 2 && duty.published == published.count)
            #expect(Set(published.map(\.startDate)) == ["2027-01-01", "2027-02-01"])
            #expect(try await Roster.query(on: app.db).filter(\.$status == "draft").count() == 2)
            #expect(try await RosterSeat.query(on: app.db).count() > 38 * 2 * 28 * 2)
            let fewLeaders = try #require(duty.short.first { $0.reason == "too few leaders" })
            for roster in published {
                #expect(roster.hardViolations == 0)
                #expect((roster.openSeats == 0) == (roster.unitID != fewLeaders.id), "\(roster.unitID)")
            }
            let days = try await HolidayDay.query(on: app.db).filter(\.$year == 2027).all()
            #expect(days.count == HolidayCalendar.proposedHolidays(year: 2027).count && days.allSatisfy(\.confirmed))
            let peaks = try await PeakPeriodRecord.query(on: app.db).all()
            #expect(peaks.map(\.name) == ["Cao điểm Tết Nguyên đán Đinh Mùi 2027"])
            #expect(peaks.first?.startDate == "2027-01-30" && peaks.first?.endDate == "2027-02-11")

            // then: oversight, by the API and on the page, lists the short units and no other
            let provinceToken = try await Fixtures.token(
                for: try #require(try await User.find(username: "congan.tinh", on: app.db)),
                app: app
            )
            let gaps = try await api(app, .GET, "/api/v1/duty/oversight", token: provinceToken)
                .json([UnitCoverDTO].self)
            // Nobody checks in to a demo: units with no gap appear only for their people not checked in.
            #expect(Set(gaps.filter { $0.noSetup || !$0.gaps.isEmpty }.map(\.unitId)) == Set(duty.short.map(\.id)))
            #expect(gaps.first { $0.unitId == fewLeaders.id }?.gaps.allSatisfy { $0.role == "leader" } == true)
            // The demo guard has a shift on the published roster to check in to.
            var guardPhone = Browser(app)
            _ = try await guardPhone.signIn("baove", password: result.password)
            let desk = try await guardPhone.get("/duty")
            #expect(desk.text.contains("Nhận ca") || desk.text.contains("Ca sắp tới"))
            var browser = Browser(app)
            _ = try await browser.signIn("congan.tinh", password: result.password)
            let page = try await browser.get("/duty/oversight")
            #expect(page.text.contains("3 đơn vị thiếu người trực"))
            // The page leads with the people not checked in now; the short units are a filter away.
            let short =
                try await browser.get("/duty/oversight?state=short").text
                + (try await browser.get("/duty/oversight?state=no_setup").text)
            for unit in duty.short {
                #expect(short.contains(unit.name.replacingOccurrences(of: "&", with: "&amp;")), "\(unit.code)")
            }
            #expect(page.text.contains(#"<time class="day" datetime="2027-01-20">20/01/2027 10:00 (13/12 âm)</time>"#))
        }
    }
}
