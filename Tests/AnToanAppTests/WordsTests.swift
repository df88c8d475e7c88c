import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// People read names, not codes: the roster grid, its print and spreadsheet, the log book and the audit page name
/// posts, shifts, people and records.
@Suite("Words, not codes")
struct WordsTests {
    /// A post saved through the API without a name, with shifts of its own that have no names either.
    static let unnamedSetup = #"""
        {"posts":[{"id":"DV0001-S05","shifts":[{"id":"C1","start":"06:00","hours":8},
          {"id":"C2","start":"14:00","hours":8},{"id":"C3","start":"22:00","hours":8}],"requirements":[
          {"shift":"C1","working":{"leaders":0,"officers":1}},{"shift":"C2","working":{"leaders":0,"officers":1}},
          {"shift":"C3","working":{"leaders":0,"officers":1}}]}]}
        """#

    @Test(
        "the roster page and its print name each post over its shifts and explain the shifts below",
        arguments: Lane.all
    )
    func rosterGrid(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: posts "Trụ sở" and "Cổng chính", each with a day and a night shift
            let world = try await RosterWorld.make(app, publish: true)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/rosters/\(world.roster.id)")
            let print = try await browser.get("/rosters/\(world.roster.id)/print")
            // then: the header carries each post once over its shifts' names, and the legend gives their hours
            for response in [page, print] {
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains(#"colspan="2" scope="colgroup">Trụ sở</th>"#), "\(html)")
                #expect(html.contains(#"colspan="2" scope="colgroup">Cổng chính</th>"#))
                #expect(html.contains(#"scope="col">Ca ngày</th>"#) && html.contains(#"scope="col">Ca đêm</th>"#))
                #expect(html.contains("Trụ sở: Ca ngày 07:00–19:00; Ca đêm 19:00–07:00"))
                #expect(html.contains("Cổng chính: Ca ngày 07:00–19:00; Ca đêm 19:00–07:00"))
            }
        }
    }

    @Test("a post and shifts saved without names read as the post's place and the shifts' hours", arguments: Lane.all)
    func unnamedPost(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await OrganisationTests.province(app)
            try await DutyTests.staff(app, unit: world.unitA.id, token: world.adminToken, prefix: "A")
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: world.adminToken,
                json: Self.unnamedSetup
            )
            #expect(setup.status == .ok, "\(setup.text)")
            let roster = try await api(
                app,
                .POST,
                "/api/v1/units/\(world.unitA.id)/rosters",
                token: world.adminToken,
                json: #"{"start_date":"2027-02-01","days":3,"seed":1}"#
            )
            #expect(roster.status == .created, "\(roster.text)")
            let id = try roster.json(RosterDTO.self).id
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/rosters/\(id)")
            // then
            #expect(page.text.contains(#"scope="colgroup">Chốt chính</th>"#))
            #expect(page.text.contains(#"scope="col">14:00–22:00</th>"#))
            #expect(page.text.contains("Chốt chính: 06:00–14:00; 14:00–22:00; 22:00–06:00"))
            #expect(!page.text.contains("DV0001-S05") && !page.text.contains(">C2<"))
        }
    }

    @Test(
        "the spreadsheet is the grid a unit prints, with days as date cells and counts as number cells",
        arguments: Lane.all
    )
    func spreadsheet(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given
            let world = try await RosterWorld.make(app, publish: true)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let response = try await browser.get("/rosters/\(world.roster.id)/export.xlsx")
            // then: title, unit, period, then a row per person and a column per day, the legend below
            #expect(response.status == .ok)
            let data = Data(response.body.readableBytesView)
            let tables = try XLSXReader.read(data)
            let grid = try #require(tables.first).rows
            #expect(grid[0][0] == "SỞ TƯ PHÁP" && grid[1][0] == "LỊCH TRỰC BAN" && grid[2][0] == "Tháng 02/2027")
            #expect(grid[4].prefix(2) == ["STT", "Họ và tên"] && grid[4].last == "Số ca")
            let first = XLSXCell.serial(SolarDate(year: 2027, month: 2, day: 1)!)
            #expect(grid[4][2].hasPrefix("01/02") && grid[4][8].hasPrefix("07/02"), "\(grid[4])")
            let people = Set(world.seats.map(\.staffId))
            let rows = grid[5..<(5 + people.count)]
            #expect(Set(rows.map { $0[1] }) == Set(world.seats.map(\.staffName)))
            #expect(rows.map { Int($0[9]) ?? 0 }.reduce(0, +) == world.seats.count)
            #expect(grid.contains { $0.prefix(2) == ["D", "Trụ sở · Ca ngày 07:00–19:00"] })
            #expect(grid.contains { $0.prefix(2) == ["N-2", "Cổng chính · Ca đêm 19:00–07:00"] })
            // The cells are typed: days carry a date format, counts are numbers, names are text.
            let package = try XLSXPackage(data: data, maxPartBytes: SpreadsheetLimits.maxPartBytes)
            let sheet = String(decoding: try #require(try package.part("xl/worksheets/sheet1.xml")), as: UTF8.self)
            #expect(sheet.contains(#"<c r="C5" s="3"><v>\#(first)</v></c>"#), "\(sheet.prefix(2000))")
            #expect(sheet.contains(#"<c r="A6"><v>1</v></c>"#))
            #expect(sheet.contains(#"<c r="B6" t="inlineStr">"#))
            let seats = String(decoding: try #require(try package.part("xl/worksheets/sheet2.xml")), as: UTF8.self)
            #expect(seats.contains(#"<c r="A2" s="2"><v>\#(first)</v></c>"#))
            let styles = String(decoding: try #require(try package.part("xl/styles.xml")), as: UTF8.self)
            #expect(styles.contains(#"formatCode="dd/mm/yyyy""#))
            // Seats name their post and shift.
            #expect(tables[1].rows.dropFirst().allSatisfy { ["Trụ sở", "Cổng chính"].contains($0[2]) })
            #expect(tables[1].rows.dropFirst().allSatisfy { $0[3].hasPrefix("Ca ngày") || $0[3].hasPrefix("Ca đêm") })
        }
    }

    @Test("typed cells keep text cells' formula guard and write numbers and dates as values")
    func typedCells() throws {
        // given
        let sheet = XLSXSheet(
            name: "A",
            rows: [[.text("=1+1"), .number(42), .date(SolarDate(year: 2027, month: 5, day: 1)!), .text("-3")]]
        )
        // when
        let xml = XLSXWriter.worksheet(sheet)
        let read = try XLSXReader.read(try XLSXWriter.write(sheets: [sheet]))
        // then: 01/05/2027 is Excel's day 46508, which a spreadsheet shows as a date
        #expect(xml.contains(#"<c r="B1"><v>42</v></c>"#) && xml.contains(#"<c r="C1" s="2"><v>46508</v></c>"#))
        #expect(read.first?.rows == [["'=1+1", "42", "01/05/2027", "-3"]])
    }

    @Test("the log book names the post and the shift of each block", arguments: Lane.all)
    func logBook(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the day officer checks in and writes the book
            let watch = try await DutyWatchTests.watch(app, clock: clock)
            let officer = try await watch.holder(app, "2027-02-02", "D", "officer")
            clock.set(DutyWatchTests.at(2, 7, 5))
            let token = try await watch.token(app, officer)
            #expect(try await api(app, .POST, "/api/v1/duty/check-in", token: token).status == .created)
            let note = try await api(app, .POST, "/api/v1/duty/log", token: token, json: #"{"text":"Mở cổng"}"#)
            #expect(note.status == .created, "\(note.text)")
            // when
            let book = try await api(
                app,
                .GET,
                "/units/\(watch.world.unitA.id)/duty-log?from=02/02/2027&to=02/02/2027",
                token: watch.officerToken
            )
            // then
            #expect(book.status == .ok)
            #expect(book.body.string.contains("Trực ban · Ca ngày 07:00–19:00"), "\(book.body.string)")
            #expect(!book.body.string.contains("ca D") && !book.body.string.contains("chốt hq"))
        }
    }

    @Test("the audit page writes statuses, kinds and dates in words, not the stored codes", arguments: Lane.all)
    func auditCodes(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a roster published and a log entry, as their services record them
            _ = try await OrganisationTests.province(app)
            try await app.write { db in
                try await AuditTrail.record(
                    on: db,
                    actor: .system,
                    action: .update,
                    entity: "roster",
                    entityID: UUID().uuidString,
                    before: ["status": "draft", "start_date": "2027-02-01"],
                    after: ["status": "published", "start_date": "2027-03-01", "reason": "Đủ người"],
                    now: Date()
                )
                try await AuditTrail.record(
                    on: db,
                    actor: .system,
                    action: .create,
                    entity: "duty_log_entry",
                    entityID: UUID().uuidString,
                    before: nil,
                    after: ["kind": "note", "text": "Mở cổng"],
                    now: Date()
                )
            }
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/admin/audit")
            // then
            #expect(page.text.contains("bản nháp → đã công bố"), "\(page.text)")
            #expect(page.text.contains("lý do") && page.text.contains("ghi chép"))
            #expect(page.text.contains("01/02/2027 → 01/03/2027") && !page.text.contains("2027-03-01"))
            #expect(!page.text.contains("published"))
        }
    }

    @Test("the audit page tells who did what to which named record, in Vietnamese or in English", arguments: Lane.all)
    func auditPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the administrator, known as Nguyễn Văn A, set up the province and changes a unit's phone
            let world = try await OrganisationTests.province(app)
            let admin = try #require(try await User.find(username: "quan_tri", on: app.db))
            admin.setDisplayName("Nguyễn Văn A")
            try await admin.persist(on: app.db)
            let changed = try await api(
                app,
                .PATCH,
                "/api/v1/units/\(world.unitA.id)",
                token: world.adminToken,
                json:
                    #"{"code":"SO-TP","name":"Sở Tư pháp","kind":"agency","area_id":"\#(world.communeA.id)","address":"1 Lê Lợi","phone":"0243 111 222","flags":["state_secrets"]}"#
            )
            #expect(changed.status == .ok, "\(changed.text)")
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: world.adminToken,
                json: DutyTests.twoShifts
            )
            #expect(setup.status == .ok, "\(setup.text)")
            // and a site that no longer exists, named only by its entry
            try await app.write { db in
                try await AuditTrail.record(
                    on: db,
                    actor: .system,
                    action: .delete,
                    entity: "site",
                    entityID: UUID().uuidString,
                    before: ["name": "Bốt gác phía sau", "code": "S05"],
                    after: nil,
                    now: Date()
                )
            }
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/admin/audit")
            // then: sentences with names, fields by their labels, and no id in the trail
            #expect(page.status == .ok)
            let trail = try #require(page.text.components(separatedBy: #"id="audit""#).last)
            for sentence in [
                "Nguyễn Văn A sửa đơn vị Sở Tư pháp", "điện thoại: 0912345678 → 0243111222",
                "Nguyễn Văn A tạo cán bộ Nguyễn Văn Đức", "phòng, ban: Văn phòng Sở",
                "Nguyễn Văn A tạo địa bàn Xã Hòa An",
                "Hệ thống xoá điểm, khu vực Bốt gác phía sau", "bố trí trực của đơn vị Sở Tư pháp",
                "các chốt: (trống) → Trực ban",
            ] {
                #expect(trail.contains(sentence), "\(sentence)")
            }
            #expect(trail.range(of: #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"#, options: .regularExpression) == nil, "\(trail)")
            #expect(!trail.contains("&quot;") && !trail.contains(">update<") && !trail.contains("full_name"))
            // the identity number stays masked as it was recorded
            #expect(!trail.contains("099085001234"))
            admin.language = "en"
            try await admin.persist(on: app.db)
            let english = try await browser.get("/admin/audit")
            let englishTrail = try #require(english.text.components(separatedBy: #"id="audit""#).last)
            #expect(englishTrail.contains("Nguyễn Văn A changed unit Sở Tư pháp"))
            #expect(englishTrail.contains("phone: 0912345678 → 0243111222"))

            // when: filtered by the person's name without diacritics and by the kind of record
            let filtered = try await browser.get("/admin/audit?actor=nguyen%20van%20a&entity=unit")
            let nobody = try await browser.get("/admin/audit?actor=tran%20thi%20b")
            // then
            let filteredTrail = try #require(filtered.text.components(separatedBy: #"id="audit""#).last)
            #expect(
                filteredTrail.contains("changed unit Sở Tư pháp") && !filteredTrail.contains("created staff member")
            )
            #expect(!(try #require(nobody.text.components(separatedBy: #"id="audit""#).last)).contains("Nguyễn Văn A"))
        }
    }
}
