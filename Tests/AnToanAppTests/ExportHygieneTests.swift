import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Exports are safe to open: names that look like formulas are neutralised, and identity numbers are shown in
/// full only when asked for, by a role that may see them, with the reveal audited.
@Suite("Export hygiene")
struct ExportHygieneTests {
    static let formula = #"=HYPERLINK("http://evil.example","Bấm vào")"#

    private func export(_ app: Application, _ path: String, token: String) async throws -> [[String]] {
        let response = try await api(app, .GET, path, token: token)
        #expect(response.status == .ok, "\(path): \(response.text)")
        let data = Data(response.body.readableBytesView)
        return path.contains("format=csv") ? try CSVReader.read(data).rows : try XLSXReader.read(data)[0].rows
    }

    @Test(
        "a staff member and a unit named like a formula read back neutralised from CSV and XLSX",
        arguments: Lane.all
    )
    func formulas(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let staff = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json:
                    #"{"unit_id":"\#(world.unitA.id)","full_name":"=HYPERLINK(\"http://evil.example\",\"Bấm vào\")","position":"@SUM(A1)"}"#
            )
            #expect(staff.status == .created, "\(staff.text)")
            let unit = try await api(
                app,
                .POST,
                "/api/v1/units",
                token: world.adminToken,
                json:
                    #"{"code":"X-2","name":"+cmd|' /C calc'!A0","kind":"agency","area_id":"\#(world.communeA.id)","address":"-1+1"}"#
            )
            #expect(unit.status == .created, "\(unit.text)")
            for format in ["csv", "xlsx"] {
                // when
                let people = try await export(app, "/api/v1/export/staff?format=\(format)", token: world.adminToken)
                let units = try await export(app, "/api/v1/export/units?format=\(format)", token: world.adminToken)
                // then
                let person = try #require(people.first { $0[2].contains("HYPERLINK") })
                #expect(person[2] == "'" + Self.formula && person[3] == "'@SUM(A1)", "\(format): \(person)")
                let row = try #require(units.first { $0[0] == "X-2" })
                #expect(row[1] == "'+cmd|' /C calc'!A0" && row[7] == "'-1+1", "\(format): \(row)")
                #expect(people.allSatisfy { $0.allSatisfy { cell in !"=+-@".contains(cell.first ?? " ") } })
            }
        }
    }

    @Test("a neutralised cell imports as it was written, so that an export imports again", arguments: Lane.all)
    func importsBack(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a file as the export writes it, where "-Tổ 1" reads "'-Tổ 1"
            let world = try await OrganisationTests.province(app)
            let file = ImportFixtures.csv([ImportFixtures.staffHeader, ["CT-DT", "", "-Tổ 1 Lê Hoa", "@Bảo vệ"]])
            #expect(String(decoding: file, as: UTF8.self).contains("'-Tổ 1 Lê Hoa"))
            // when
            let response = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
            // then
            #expect(response.status == .ok, "\(response.text)")
            let member = try await StaffMember.query(on: app.db).filter(\.$fullName == "-Tổ 1 Lê Hoa").first()
            #expect(member?.position == "@Bảo vệ")
        }
    }

    @Test(
        "identity numbers are masked unless reveal=identity asks, and a reveal is audited with its count",
        arguments: Lane.all
    )
    func reveal(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: one person with an identity number (Nguyễn Văn Đức of unit A), one without
            let world = try await OrganisationTests.province(app)
            let reveals = { try await AuditEntry.query(on: app.db).filter(\.$action == "reveal").all() }
            // when: an export that does not ask
            let masked = try await export(app, "/api/v1/export/staff?format=csv", token: world.adminToken)
            // then
            #expect(masked.contains { $0[8] == "09********34" }, "\(masked)")
            #expect(!masked.joined().joined().contains("099085001234"))
            #expect(try await reveals().isEmpty)
            // when: it asks
            let shown = try await export(
                app,
                "/api/v1/export/staff?format=xlsx&reveal=identity",
                token: world.adminToken
            )
            // then
            #expect(shown.contains { $0[8] == "099085001234" })
            let audit = try await reveals()
            #expect(audit.count == 1)
            #expect(audit.first?.changes.contains(#""rows":[null,"1"]"#) == true, "\(audit.first?.changes ?? "")")
            // A role without the right to see identity numbers cannot ask; a wrong value names the parameter.
            let guest = try await Fixtures.user(
                "canbo_a",
                role: .authorityOfficer,
                scope: .area(AreaPath(world.communeA.path)!),
                on: app.db
            )
            let guestToken = try await Fixtures.token(for: guest, app: app)
            let refused = try await api(app, .GET, "/api/v1/export/staff?reveal=identity", token: guestToken)
            #expect(refused.status == .forbidden)
            let wrong = try await api(app, .GET, "/api/v1/export/staff?reveal=all", token: world.adminToken)
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains(#""field":"reveal""#))
            #expect(try await reveals().count == 1)
        }
    }
}
