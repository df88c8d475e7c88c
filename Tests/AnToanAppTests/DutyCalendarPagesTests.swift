import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The holidays and peak periods pages, on both databases, across scopes.
@Suite("Duty calendar pages")
struct DutyCalendarPagesTests {
    /// 1 March 2027, 09:00 in Vietnam.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_803_866_400) }

    static func holidays(_ year: Int, on db: any Database) async throws -> [HolidayDay] {
        try await HolidayDay.query(on: db).filter(\.$year == year).sort(\.$date).all()
    }

    @Test(
        "the holidays page shows the days off with lunar dates and weekdays; an administrator edits them by field",
        arguments: Lane.all
    )
    func holidaysPage(lane: Lane) async throws {
        try await withApp(lane, now: Self.now) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let proposal = HolidayCalendar.proposedHolidays(year: 2027)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")

            // when: the current year's page, before anything is confirmed
            let page = try await admin.get("/holidays")

            // then: 2027 (the clock's year), Tết's first day with its lunar date and weekday, the anniversaries
            #expect(page.status == .ok)
            #expect(page.text.contains("Ngày nghỉ lễ năm 2027"))
            #expect(page.text.contains(#"<time class="day" datetime="2027-02-06">06/02/2027 (1/1 âm)</time>"#))
            #expect(page.text.contains("<td>Thứ Bảy</td>"))
            #expect(page.text.contains("16/04/2027 (10/3 âm)") && page.text.contains("Giỗ Tổ Hùng Vương"))
            #expect(page.text.contains("chưa xác nhận") && page.text.contains("Xác nhận đề xuất"))
            #expect(page.text.contains("22/12/2027 (") && page.text.contains("Ngày hội Quốc phòng toàn dân"))
            #expect(page.text.contains("19/08/2027 (") && page.text.contains("Ngày truyền thống Công an nhân dân"))

            // when: bad days are added
            let badDate = try await admin.post("/holidays/2027/add", form: ["date": "31/02/2027", "name": ""])
            let otherYear = try await admin.post("/holidays/2027/add", form: ["date": "01/05/2026", "name": "x"])
            let duplicate = try await admin.post("/holidays/2027/add", form: ["date": "06/02/2027", "name": "Trùng"])

            // then: each error sits beside its field, and nothing is written
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.text.contains(#"id="day-date-error">cần ngày dạng dd/MM/yyyy"#))
            #expect(badDate.text.contains(#"id="day-name-error">bắt buộc phải nhập"#))
            #expect(otherYear.status == .unprocessableEntity && otherYear.text.contains("không thuộc năm 2027"))
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("đã được dùng"))
            #expect(try await HolidayDay.query(on: app.db).count() == 0)

            // when: a provincial day off is added
            let added = try await admin.post(
                "/holidays/2027/add",
                form: ["date": "05/05/2027", "name": "Ngày nghỉ của tỉnh"]
            )

            // then: the proposal and the new day are stored, confirmed, each keeping its kind
            #expect(added.status == .seeOther)
            var stored = try await Self.holidays(2027, on: app.db)
            #expect(stored.count == proposal.count + 1 && stored.allSatisfy(\.confirmed))
            #expect(stored.first { $0.date == "2027-02-06" }?.kind == "statutory")
            #expect(stored.first { $0.date == "2027-05-05" }?.kind == "custom")
            let confirmed = try await admin.get("/holidays/2027")
            #expect(confirmed.text.contains("đã được xác nhận") && !confirmed.text.contains("Xác nhận đề xuất"))
            #expect(confirmed.text.contains("05/05/2027 (") && confirmed.text.contains("Ngày nghỉ của tỉnh"))

            // when: a day is removed, then one that is not there
            let removed = try await admin.post("/holidays/2027/remove", form: ["date": "2027-05-05"])
            let missing = try await admin.post("/holidays/2027/remove", form: ["date": "2027-05-06"])

            // then
            #expect(removed.status == .seeOther && missing.status == .notFound)
            stored = try await Self.holidays(2027, on: app.db)
            #expect(stored.map(\.date) == proposal.map(\.date.iso))

            // when: another year's proposal is confirmed as it is
            #expect(try await admin.post("/holidays/2028/confirm", form: [:]).status == .seeOther)
            #expect(
                try await Self.holidays(2028, on: app.db).count == HolidayCalendar.proposedHolidays(year: 2028).count
            )

            // then: an authority reads the page without forms, and may not change it
            _ = try await Fixtures.user(
                "cong_an_tinh",
                role: .authorityLeader,
                scope: .area(AreaPath(world.province.path)!),
                on: app.db
            )
            var authority = Browser(app)
            _ = try await authority.signIn("cong_an_tinh")
            let read = try await authority.get("/holidays/2027")
            #expect(read.status == .ok && read.text.contains("06/02/2027 (1/1 âm)"))
            #expect(!read.text.contains("Thêm ngày nghỉ") && !read.text.contains("Bỏ ngày này"))
            let refused = try await authority.post("/holidays/2027/add", form: ["date": "05/05/2027", "name": "x"])
            #expect(refused.status == .forbidden)
            #expect(try await Self.holidays(2027, on: app.db).count == proposal.count)
            #expect(try await authority.get("/holidays/1899").status == .unprocessableEntity)
        }
    }

    @Test(
        "an authority declares a peak period for its own area only; a unit sees the periods over it, without a form",
        arguments: Lane.all
    )
    func peakPeriodsPage(lane: Lane) async throws {
        try await withApp(lane, now: Self.now) { app in
            // given
            let world = try await OrganisationTests.province(app)
            _ = try await Fixtures.user(
                "cong_an_xa_a",
                role: .authorityLeader,
                scope: .area(AreaPath(world.communeA.path)!),
                on: app.db
            )
            var authority = Browser(app)
            _ = try await authority.signIn("cong_an_xa_a")
            let page = try await authority.get("/peak-periods")
            #expect(page.status == .ok && page.text.contains("Khai báo đợt cao điểm"))
            #expect(page.text.contains("Xã Hòa An (99001)") && !page.text.contains("Phường Bến Đá (99002)"))
            let valid = [
                "name": "Cao điểm Tết Đinh Mùi", "area_id": world.communeA.id.uuidString,
                "start_date": "05/02/2027", "end_date": "07/02/2027", "extra_leaders": "0", "extra_officers": "1",
            ]

            // when: the other commune, then a period with every field wrong
            var outside = valid
            outside["area_id"] = world.communeB.id.uuidString
            let crossed = try await authority.post("/peak-periods", form: outside)
            let bad = try await authority.post(
                "/peak-periods",
                form: [
                    "name": " ", "area_id": world.communeA.id.uuidString, "start_date": "10/02/2027",
                    "end_date": "05/02/2027", "extra_leaders": "", "extra_officers": "",
                ]
            )
            var badDate = valid
            badDate["start_date"] = "30/02/2027"
            badDate["extra_leaders"] = "hai"
            let wrongDate = try await authority.post("/peak-periods", form: badDate)

            // then: errors beside the fields, nothing written
            #expect(crossed.status == .unprocessableEntity)
            #expect(
                crossed.text.contains(#"<p class="field-error" id="peak-area_id-error">nằm ngoài phạm vi của bạn</p>"#)
            )
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains(#"id="peak-name-error">bắt buộc phải nhập"#))
            #expect(bad.text.contains(#"id="peak-end_date-error">không được trước ngày bắt đầu"#))
            #expect(bad.text.contains(#"id="peak-extra_officers-error">cần thêm ít nhất một người"#))
            #expect(wrongDate.text.contains(#"id="peak-start_date-error">cần ngày dạng dd/MM/yyyy"#))
            #expect(wrongDate.text.contains(#"id="peak-extra_leaders-error">phải từ 0 đến 50"#))
            #expect(try await PeakPeriodRecord.query(on: app.db).count() == 0)

            // when: a good period for its own commune
            let declared = try await authority.post("/peak-periods", form: valid)

            // then: stored once, listed with lunar dates, area and uplift
            #expect(declared.status == .seeOther)
            #expect(try await PeakPeriodRecord.query(on: app.db).count() == 1)
            let listed = try await authority.get("/peak-periods")
            #expect(listed.text.contains("Cao điểm Tết Đinh Mùi") && listed.text.contains("+1 người trực"))
            #expect(listed.text.contains("05/02/2027 (29/12 âm)") && listed.text.contains("07/02/2027 (2/1 âm)"))

            // then: a unit of the other commune does not see it, one of the same commune does; neither gets a form
            for (username, unit, commune, sees) in [
                ("antt_b", world.unitB.id, world.communeB, false), ("antt_a", world.unitA.id, world.communeA, true),
            ] {
                _ = try await Fixtures.user(
                    username,
                    role: .unitSecurityOfficer,
                    scope: .unit(unit, in: AreaPath(commune.path)!),
                    on: app.db
                )
                var officer = Browser(app)
                _ = try await officer.signIn(username)
                let seen = try await officer.get("/peak-periods")
                #expect(seen.status == .ok)
                #expect(seen.text.contains("Cao điểm Tết Đinh Mùi") == sees, "\(username)")
                #expect(!seen.text.contains("Khai báo đợt cao điểm"))
                #expect(try await officer.post("/peak-periods", form: valid).status == .forbidden)
            }
            #expect(try await PeakPeriodRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("an account that chose English reads the calendar pages in English, lunar dates included")
    func english() async throws {
        try await withApp(.sqlite, now: Self.now) { app in
            let world = try await OrganisationTests.province(app)
            let reader = try await Fixtures.user(
                "reader_en",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.province.path)!),
                on: app.db
            )
            reader.language = "en"
            try await reader.persist(on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("reader_en")
            let holidays = try await browser.get("/holidays/2027")
            #expect(holidays.text.contains("Public holidays 2027") && holidays.text.contains("06/02/2027 (1/1 lunar)"))
            #expect(
                holidays.text.contains("<td>Saturday</td>") && holidays.text.contains("Hung Kings&#39; Commemoration")
            )
            let peaks = try await browser.get("/peak-periods")
            #expect(peaks.text.contains("No peak period yet.") && !peaks.text.contains("Declare a peak period"))
        }
    }

    @Test("the year's anniversaries come with their lunar dates over the API", arguments: Lane.all)
    func anniversaries(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let days = try await api(app, .GET, "/api/v1/anniversaries/2027", token: world.adminToken)
                .json([AnniversaryDTO].self)
            #expect(days.contains { $0.day.date == "2027-04-16" && $0.day.lunar == "10/3" })
            #expect(days.contains { $0.day.date == "2027-12-22" && $0.nameEn.contains("People's Army") })
            let bad = try await api(app, .GET, "/api/v1/anniversaries/1899", token: world.adminToken)
            #expect(bad.status == .unprocessableEntity)
        }
    }
}
