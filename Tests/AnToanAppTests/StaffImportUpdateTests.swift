import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A staff export edited and imported again updates the people it names by staff code, and an export says before
/// it is made how many identity numbers it will show in full.
@Suite("Staff import updates")
struct StaffImportUpdateTests {
    /// The province, with three staff of CT-DT imported (codes NV00001–NV00003, identity numbers 001000000001–3).
    private static func world(_ app: Application) async throws -> OrganisationTests.Province {
        let world = try await OrganisationTests.province(app)
        let staff = ImportFixtures.csv([ImportFixtures.staffHeader] + ImportFixtures.staffRows(3, unitCode: "CT-DT"))
        #expect(try await importFile(app, "staff", staff, token: world.adminToken, dryRun: false).status == .ok)
        return world
    }

    /// The rows of CT-DT's people in the masked export, as a person editing one unit's list keeps them.
    private static func export(_ app: Application, token: String) async throws -> [[String]] {
        let export = try await api(app, .GET, "/api/v1/export/staff?format=csv", token: token)
        let rows = try CSVReader.read(Data(export.body.readableBytesView)).rows
        return [rows[0]] + rows.dropFirst().filter { $0[0] == "CT-DT" && !$0[9].isEmpty }
    }

    private static func member(_ code: String, _ app: Application) async throws -> StaffMember {
        try #require(try await StaffMember.query(on: app.db).filter(\.$code == code).first())
    }

    @Test("an edited export updates the people named by code, audited, and creates the new rows", arguments: Lane.all)
    func editedExport(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the export, with a position and a phone edited and two people added, identity numbers masked
            let world = try await Self.world(app)
            var rows = try await Self.export(app, token: world.adminToken)
            #expect(rows.count == 4 && rows[1][9] == "NV00001" && rows[1][8] == "00********01")
            rows[1][3] = "Tổ trưởng bảo vệ"
            rows[2][4] = "0987 654 321"
            rows.append(["CT-DT", "", "Lê Thị Hoa", "Văn thư", "", "", "Không", "", "", ""])
            rows.append(["CT-DT", "", "Trần Văn Nam", "Nhân viên bảo vệ", "", "", "Không", "", "", "NV00009"])
            let file = ImportFixtures.csv(rows)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            // when
            let dry = try await importFile(app, "staff", file, token: world.adminToken, dryRun: true)
            let staffAfterDryRun = try await StaffMember.query(on: app.db).count()
            let applied = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
            // then: nothing refused as already present; two created, two updated, one row unchanged
            let check = try ImportTests.report(dry)
            #expect(check.problems.isEmpty, "\(check.problems)")
            #expect(staffAfterDryRun == staffBefore)
            #expect(applied.status == .ok)
            let report = try ImportTests.report(applied)
            #expect(report.applied && report.rows == 5 && report.created == 2 && report.updated == 2)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore + 2)
            let first = try await Self.member("NV00001", app)
            #expect(first.position == "Tổ trưởng bảo vệ" && first.identityNumber == "001000000001")
            let second = try await Self.member("NV00002", app)
            #expect(second.phone == "0987654321" && second.identityNumber == "001000000002")
            #expect(try await Self.member("NV00009", app).fullName == "Trần Văn Nam")
            // each change is audited with what it was and what it became
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + 4)
            let update = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "update")
                    .filter(\.$entityID == first.requireID().uuidString).first()
            )
            #expect(update.entity == "staff")
            #expect(update.changes.contains(#"["Nhân viên bảo vệ","Tổ trưởng bảo vệ"]"#), "\(update.changes)")
        }
    }

    @Test("a masked or taken identity number is refused and nothing is written", arguments: Lane.all)
    func maskedNumbers(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a masked number that is not the person's, a new person with a masked number, and a number
            // that Nguyễn Văn Đức of unit A already holds
            let world = try await Self.world(app)
            var rows = try await Self.export(app, token: world.adminToken)
            rows[1][8] = "00********99"
            rows[2][8] = "099085001234"
            rows.append(["CT-DT", "", "Lê Thị Hoa", "Văn thư", "", "", "Không", "", "00********05", "NV00010"])
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // when
            let response = try await importFile(
                app,
                "staff",
                ImportFixtures.csv(rows),
                token: world.adminToken,
                dryRun: false
            )
            // then
            #expect(response.status == .unprocessableEntity)
            let problems = try ImportTests.report(response).problems.map { "\($0.row)|\($0.column)|\($0.reason)" }
            #expect(
                problems == [
                    "2|Số CCCD|số đã bị che (có dấu *): hãy nhập đủ số hoặc để trống",
                    "3|Số CCCD|đã có trong hệ thống",
                    "5|Số CCCD|số đã bị che (có dấu *): hãy nhập đủ số hoặc để trống",
                ],
                "\(problems)"
            )
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
            #expect(try await Self.member("NV00002", app).identityNumber == "001000000002")
        }
    }

    @Test(
        "the import page asks before an export shows identity numbers in full, and says how many",
        arguments: Lane.all
    )
    func revealChoice(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            _ = try await Self.world(app)
            let holders = try await StaffMember.query(on: app.db).filter(\.$identityNumber != nil).count()
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/import")
            let masked = try await browser.get("/export/staff?format=csv")
            let revealed = try await browser.get("/export/staff?format=csv&reveal=identity")
            // then: an unticked box, and the sentence with the count and the audit trail
            #expect(page.status == .ok)
            #expect(page.text.contains(#"action="/export/staff""#))
            #expect(page.text.contains(#"type="checkbox""#) && page.text.contains("Hiện đầy đủ số CCCD"))
            #expect(!page.text.contains("checked"))
            #expect(page.text.contains("tệp xuất sẽ chứa \(holders) số CCCD đầy đủ và việc xuất này được ghi vào"))
            #expect(masked.text.contains("00********01") && !masked.text.contains("001000000001"))
            #expect(revealed.status == .ok && revealed.text.contains("001000000001"))
            let reveal = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "reveal").first())
            #expect(reveal.changes.contains("\"\(holders)\""), "\(reveal.changes)")
        }
    }
}
