import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The duty set-up page, the rosters pages, print and spreadsheet, across units.
@Suite("Roster pages")
struct RosterPagesTests {
    @Test(
        "the set-up page saves a unit's posts from its sites, and refuses bad input beside the field",
        arguments: Lane.all
    )
    func setup(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: unit A has a gate; its security officer signs in
            let world = try await OrganisationTests.province(app)
            let site = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitA.id)/sites",
                token: world.adminToken,
                json: #"{"code":"CONG","name":"Cổng chính","kind":"gate"}"#
            )
            #expect(site.status == .created, "\(site.text)")
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: world.unitA,
                area: world.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let unitPage = try await browser.get("/units/\(world.unitA.id)")
            #expect(unitPage.text.contains("/units/\(world.unitA.id.uuidString.lowercased())/duty"))
            let page = try await browser.get("/units/\(world.unitA.id)/duty")
            #expect(page.status == .ok)
            #expect(page.text.contains("Cổng chính") && page.text.contains("Mẫu ca"))

            // when: the gate gets 2 × 12 h, two officers at night, three at peak
            let saved = try await browser.post(
                "/units/\(world.unitA.id)/duty",
                form: [
                    "p0_id": "CONG", "p0_pattern": "2x12", "p0_s0_working_l": "1", "p0_s0_working_o": "1",
                    "p0_s1_working_l": "1", "p0_s1_working_o": "2", "p0_s1_peak_o": "3",
                ]
            )
            // then
            #expect(saved.status == .seeOther)
            let setups = try await DutySetup.query(on: app.db).all()
            #expect(setups.count == 1)
            let posts = try #require(setups.first).decodedPosts()
            #expect(posts.map(\.id) == ["CONG"] && posts.first?.name == "Cổng chính")
            let night = try #require(posts.first?.requirements.first { $0.shift == "N" })
            #expect(night.working == StaffCount(leaders: 1, officers: 2))
            #expect(night.peak == StaffCount(leaders: 0, officers: 3) && night.weekend == nil)
            let again = try await browser.get("/units/\(world.unitA.id)/duty")
            #expect(again.text.contains(#"name="p0_s1_peak_o" value="3""#))

            // when: overlapping own shifts and a negative count
            let bad = try await browser.post(
                "/units/\(world.unitA.id)/duty",
                form: [
                    "p0_id": "CONG", "p0_pattern": "custom", "p0_shifts": "06:00-18:00, 12:00-20:00",
                    "p0_s0_working_l": "-1",
                ]
            )
            // then: 422, each error beside its field, nothing written
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("p0_s0_working_l") && bad.text.contains("số từ 0 đến 50"))
            let custom = try await browser.post(
                "/units/\(world.unitA.id)/duty",
                form: ["p0_id": "CONG", "p0_pattern": "custom", "p0_shifts": "06:00-18:00, 12:00-20:00"]
            )
            #expect(custom.status == .unprocessableEntity)
            #expect(custom.text.contains(#"id="p0_shifts-error""#))
            #expect(try await DutySetup.query(on: app.db).first()?.decodedPosts() == posts)

            // another unit's officer gets 404, a duty officer may not save
            try await RosterWorld.account(
                app,
                "antt_b",
                role: .unitSecurityOfficer,
                unit: world.unitB,
                area: world.communeB
            )
            var other = Browser(app)
            _ = try await other.signIn("antt_b")
            #expect(try await other.get("/units/\(world.unitA.id)/duty").status == .notFound)
            let crossed = try await other.post(
                "/units/\(world.unitA.id)/duty",
                form: ["p0_id": "CONG", "p0_pattern": "24h"]
            )
            #expect(crossed.status == .notFound)
            try await RosterWorld.account(app, "truc_a", role: .dutyOfficer, unit: world.unitA, area: world.communeA)
            var duty = Browser(app)
            _ = try await duty.signIn("truc_a")
            #expect(
                try await duty.post("/units/\(world.unitA.id)/duty", form: ["p0_pattern": "24h"]).status == .forbidden
            )
            #expect(try await DutySetup.query(on: app.db).first()?.decodedPosts() == posts)
        }
    }

    @Test("a draft is generated from the form, shown as a grid with its report, and published", arguments: Lane.all)
    func generateAndPublish(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: false)
            let unitA = world.province.unitA
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: unitA,
                area: world.province.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")

            // when: too many days
            let refused = try await browser.post(
                "/units/\(unitA.id)/rosters",
                form: ["start_date": "08/02/2027", "days": "70", "seed": "1"]
            )
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(#"id="days-error""#) && refused.text.contains("từ 1 đến 62 ngày"))
            #expect(try await Roster.query(on: app.db).count() == 1)

            // when: a good request
            let made = try await browser.post(
                "/units/\(unitA.id)/rosters",
                form: ["start_date": "08/02/2027", "days": "3", "seed": "2"]
            )
            // then: a second draft, shown as a grid with leaders marked and lunar dates
            #expect(made.status == .seeOther)
            #expect(try await Roster.query(on: app.db).filter(\.$status == "draft").count() == 2)
            let page = try await browser.get(try #require(made.headers.first(name: .location)))
            #expect(page.status == .ok)
            #expect(page.text.contains("roster-grid") && page.text.contains("★ "))
            #expect(page.text.contains(">Trụ sở</th>") && page.text.contains("08/02/2027 (3/1 âm)"))
            #expect(page.text.contains("Trụ sở: Ca ngày 07:00–19:00; Ca đêm 19:00–07:00"))
            #expect(page.text.contains("Công bố lịch trực") && page.text.contains("Mức độ công bằng"))
            let list = try await browser.get("/units/\(unitA.id)/rosters")
            #expect(list.text.contains("08/02/2027 – 10/02/2027") && list.text.contains("Bản nháp"))

            // when: published from the roster's page
            let published = try await browser.post("/rosters/\(world.roster.id)/publish", form: [:])
            // then
            #expect(published.status == .seeOther)
            #expect(try await Roster.find(world.roster.id, on: app.db)?.status == "published")
            let after = try await browser.get("/rosters/\(world.roster.id)")
            #expect(after.text.contains("Đã công bố") && !after.text.contains("Công bố lịch trực"))
            #expect(try await RosterWorld.auditCount("roster", on: app.db) == 3)

            // a duty officer may look but not publish
            try await RosterWorld.account(app, "truc_a", role: .dutyOfficer, unit: unitA, area: world.province.communeA)
            var duty = Browser(app)
            _ = try await duty.signIn("truc_a")
            #expect(try await duty.get("/rosters/\(world.roster.id)").status == .ok)
            let draft = try #require(try await Roster.query(on: app.db).filter(\.$status == "draft").first()?.id)
            #expect(try await duty.post("/rosters/\(draft)/publish", form: [:]).status == .forbidden)
            #expect(try await Roster.find(draft, on: app.db)?.status == "draft")
        }
    }

    @Test("open seats show their reasons; another unit's roster is a 404 everywhere", arguments: Lane.all)
    func openSeatsAndScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: unit B has one officer and no leader
            let world = try await OrganisationTests.province(app)
            let admin = world.adminToken
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitB.id)/duty-setup",
                token: admin,
                json: DutyTests.twoShifts
            )
            #expect(setup.status == .ok)
            let rosterB = try await DutyTests.roster(app, unit: world.unitB.id, token: admin)
            try await RosterWorld.account(
                app,
                "antt_b",
                role: .unitSecurityOfficer,
                unit: world.unitB,
                area: world.communeB
            )
            try await RosterWorld.account(
                app,
                "antt_a",
                role: .unitSecurityOfficer,
                unit: world.unitA,
                area: world.communeA
            )

            // when: B's officer looks at B's roster
            var own = Browser(app)
            _ = try await own.signIn("antt_b")
            let page = try await own.get("/rosters/\(rosterB.id)")
            // then
            #expect(page.status == .ok)
            #expect(page.text.contains("Thiếu 1 lãnh đạo") && page.text.contains("danh sách không có lãnh đạo"))

            // when: A's officer tries every roster address of unit B
            var other = Browser(app)
            _ = try await other.signIn("antt_a")
            let seat = try #require(rosterB.seats?.first?.id)
            let staffA = world.ducA.id
            // then
            for path in [
                "/rosters/\(rosterB.id)", "/rosters/\(rosterB.id)/print", "/rosters/\(rosterB.id)/export.xlsx",
                "/units/\(world.unitB.id)/rosters", "/units/\(world.unitB.id)/duty", "/roster-seats/\(seat)",
            ] {
                #expect(try await other.get(path).status == .notFound, "\(path)")
            }
            #expect(try await other.post("/rosters/\(rosterB.id)/publish", form: [:]).status == .notFound)
            #expect(try await other.post("/roster-seats/\(seat)", form: ["staff_id": "\(staffA)"]).status == .notFound)
            #expect(
                try await other.post("/units/\(world.unitB.id)/rosters", form: ["start_date": "01/02/2027"]).status
                    == .notFound
            )
            #expect(try await Roster.query(on: app.db).count() == 1)
            #expect(try await Roster.find(rosterB.id, on: app.db)?.status == "draft")
            #expect(try await RosterSeat.query(on: app.db).filter(\.$staffID == staffA).count() == 0)
        }
    }

    @Test(
        "the print page carries the national heading and the grid; the spreadsheet the grid, then one row per seat",
        arguments: Lane.all
    )
    func exports(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            try await RosterWorld.account(
                app,
                "truong_a",
                role: .unitHead,
                unit: world.province.unitA,
                area: world.province.communeA
            )
            var browser = Browser(app)
            _ = try await browser.signIn("truong_a")
            // when
            let print = try await browser.get("/rosters/\(world.roster.id)/print")
            let sheet = try await browser.get("/rosters/\(world.roster.id)/export.xlsx")
            // then
            #expect(print.status == .ok)
            for text in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "LỊCH TRỰC BAN",
                "Từ ngày 01/02/2027 đến ngày 07/02/2027", #"href="/static/print.css""#, "SỞ TƯ PHÁP",
                "Xã Hòa An, ngày 31 tháng 01 năm 2027",
                "THỦ TRƯỞNG ĐƠN VỊ", "Thứ Hai, 01/02/2027",
            ] {
                #expect(print.text.contains(text), "\(text)")
            }
            #expect(!print.text.contains("BẢN NHÁP"))
            #expect(sheet.status == .ok)
            #expect(sheet.headers.first(name: .contentType) == ImportFileFormat.xlsxType)
            let tables = try XLSXReader.read(Data(sheet.body.readableBytesView))
            #expect(tables.count == 3)
            #expect(tables.first?.rows.first?.first == "SỞ TƯ PHÁP")
            #expect(tables[1].rows.first?.first == "Ngày")
            #expect(tables[1].rows.count == world.seats.count + 1)
            let names = Set(tables[1].rows.dropFirst().map { $0.last ?? "" })
            #expect(names.isSuperset(of: Set(world.seats.map(\.staffName))))
        }
    }
}
