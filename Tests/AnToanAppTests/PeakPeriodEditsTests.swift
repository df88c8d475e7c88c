import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A declared peak period edited and ended early from its page, by the authorities whose scope covers it.
@Suite("PeakPeriodEdits")
struct PeakPeriodEditsTests {
    /// Tuesday 2 February 2027, 10:00 in Vietnam.
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_801_537_200) }

    @Test(
        "an authority edits a peak period and ends it today, each audited; bad dates are refused by field",
        arguments: Lane.all
    )
    func editAndEnd(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a period over commune A from 25/01 to 20/02/2027, declared by the province's authority
            let world = try await OrganisationTests.province(app)
            let token = try await DutyTests.authority(app, "cong_an_tinh", over: world.province)
            _ = try await DutyTests.authority(app, "cong_an_xa_b", over: world.communeB)
            let declared = try await api(
                app,
                .POST,
                "/api/v1/peak-periods",
                token: token,
                json:
                    #"{"name":"Cao điểm Tết","area_id":"\#(world.communeA.id)","start_date":"25/01/2027","end_date":"20/02/2027","extra_officers":1}"#
            )
            #expect(declared.status == .created, "\(declared.text)")
            let id = try declared.json(PeakPeriodDTO.self).id
            var page = Browser(app)
            _ = try await page.signIn("cong_an_tinh")
            let list = try await page.get("/peak-periods").text
            #expect(list.contains("Sửa đợt") && list.contains("Kết thúc hôm nay"))

            // when: an end before the start, and a date that does not exist
            let form = [
                "name": "Cao điểm Tết Đinh Mùi", "start_date": "25/01/2027", "end_date": "20/01/2027",
                "extra_leaders": "0", "extra_officers": "2",
            ]
            let early = try await page.post("/peak-periods/\(id)", form: form)
            var wrongDay = form
            wrongDay["start_date"] = "30/02/2027"
            wrongDay["end_date"] = "15/02/2027"
            let impossible = try await page.post("/peak-periods/\(id)", form: wrongDay)

            // then: 422, each error beside its field, nothing written
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("không được trước ngày bắt đầu"))
            #expect(early.text.contains(#"id="peak-\#(id.uuidString.lowercased())-end_date-error""#))
            #expect(impossible.status == .unprocessableEntity)
            #expect(impossible.text.contains(#"id="peak-\#(id.uuidString.lowercased())-start_date-error""#))
            var stored = try #require(try await PeakPeriodRecord.find(id, on: app.db))
            #expect(stored.name == "Cao điểm Tết" && stored.endDate == "2027-02-20" && stored.extraOfficers == 1)

            // when: a good edit
            var good = form
            good["end_date"] = "15/02/2027"
            let saved = try await page.post("/peak-periods/\(id)", form: good)

            // then
            #expect(saved.status == .seeOther)
            stored = try #require(try await PeakPeriodRecord.find(id, on: app.db))
            #expect(
                stored.name == "Cao điểm Tết Đinh Mùi" && stored.endDate == "2027-02-15" && stored.extraOfficers == 2
            )

            // when: ended today, then once more
            let ended = try await page.post("/peak-periods/\(id)/end", form: [:])
            let again = try await page.post("/peak-periods/\(id)/end", form: [:])

            // then: today is its last day; a period already ending today cannot end again
            #expect(ended.status == .seeOther)
            #expect(try await PeakPeriodRecord.find(id, on: app.db)?.endDate == "2027-02-02")
            #expect(again.status == .unprocessableEntity)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "peak_period")
                .filter(\.$action == "update").count()
            #expect(audited == 2)

            // and an authority of another commune may neither see the forms nor change the period
            var other = Browser(app)
            _ = try await other.signIn("cong_an_xa_b")
            #expect(try await other.post("/peak-periods/\(id)/end", form: [:]).status == .notFound)
            #expect(try await PeakPeriodRecord.find(id, on: app.db)?.endDate == "2027-02-02")
        }
    }
}
