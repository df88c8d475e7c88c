import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Spreadsheet import and export of areas, units, staff and force membership, on both databases.
@Suite("Import")
struct ImportTests {
    typealias Problem = ImportReportDTO.Problem

    static func report(_ response: TestingHTTPResponse) throws -> ImportReportDTO {
        try response.json(ImportReportDTO.self)
    }

    @Test("a dry run lists every problem with row, column and reason and writes nothing", arguments: Lane.all)
    func dryRunListsEveryProblem(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let file = ImportFixtures.csv([
                ImportFixtures.staffHeader,
                [
                    "SO-TP", "SO-TP-VP", "Trần Thị Mai", "Văn thư", "0912 345 678", "mai@sotp.gov.vn", "Không",
                    "Đang làm việc", "001190000001", "NV001",
                ],
                ["SO-TP", "", "", "Bảo vệ", "12345", "", "có", "", "", "NV002"],
                ["KHONG-CO", "", "Lê Văn Tám", "Bảo vệ", "", "", "", "", "", "NV003"],
                ["SO-TP", "", "Phạm Văn Hùng", "Bảo vệ", "", "", "có lẽ", "nghỉ hưu", "12345", "NV001"],
                ["SO-TP", "PHONG-X", "Ngô Thị Lan", "Kế toán", "", "khong-email", "", "", "099085001234", "NV005"],
            ])
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            // when
            let dry = try await importFile(app, "staff", file, token: world.adminToken, dryRun: true)
            let applied = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
            // then
            #expect(dry.status == .ok)
            let report = try Self.report(dry)
            #expect(report.rows == 5 && !report.applied && report.created == 0)
            let found = report.problems.map { "\($0.row)|\($0.column)" }
            #expect(
                found == [
                    "3|Họ và tên", "3|Điện thoại", "4|Mã đơn vị", "5|Lãnh đạo", "5|Trạng thái", "5|Số CCCD",
                    "5|Mã nhân viên", "6|Mã phòng ban", "6|E-mail", "6|Số CCCD",
                ],
                "\(report.problems)"
            )
            #expect(report.problems.contains(Problem(row: 3, column: "Họ và tên", reason: "bắt buộc phải nhập")))
            #expect(
                report.problems.contains(Problem(row: 5, column: "Mã nhân viên", reason: "trùng với dòng 2 trong tệp"))
            )
            #expect(report.problems.contains(Problem(row: 6, column: "Số CCCD", reason: "đã có trong hệ thống")))
            #expect(report.problems.contains { $0.row == 4 && $0.reason.contains("KHONG-CO") })
            #expect(applied.status == .unprocessableEntity)
            #expect(try Self.report(applied).problems == report.problems)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            let english = try Self.report(
                try await importFile(app, "staff", file, token: world.adminToken, dryRun: true, language: "en")
            )
            #expect(english.problems.contains(Problem(row: 3, column: "Họ và tên", reason: "is required")))
        }
    }

    @Test("the fixed file imports every row at once, audited, and the chain stays intact", arguments: Lane.all)
    func fixedFileImports(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let file = ImportFixtures.csv([
                ImportFixtures.staffHeader,
                [
                    "SO-TP", "SO-TP-VP", "Trần Thị Mai", "Văn thư", "0912 345 678", "mai@sotp.gov.vn", "Không",
                    "Đang làm việc", "001190000001", "NV001",
                ],
                ["SO-TP", "", "Đỗ Văn Bình", "Bảo vệ", "0987 000 111", "", "có", "", "", "NV002"],
                ["CT-DT", "", "Lê Văn Tám", "Bảo vệ", "", "", "x", "nghỉ phép", "", "NV003"],
                ["SO-TP", "", "Phạm Văn Hùng", "Bảo vệ", "", "", "", "left", "123456789", "NV004"],
                ["SO-TP", "SO-TP-VP", "Ngô Thị Lan", "Kế toán", "", "lan@sotp.gov.vn", "0", "", "", "NV005"],
            ])
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            // when
            let response = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
            // then
            #expect(response.status == .ok, "\(response.text)")
            let report = try Self.report(response)
            #expect(report.applied && report.created == 5 && report.problems.isEmpty)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore + 5)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + 5)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: auditBefore + 5))
            let tam = try #require(try await StaffMember.query(on: app.db).filter(\.$code == "NV003").first())
            #expect(tam.$unit.id == world.unitB.id && tam.isLeader && tam.status == "on_leave")
            #expect(tam.areaPath == world.communeB.path && tam.nameFolded == "le van tam")
            let mai = try #require(try await StaffMember.query(on: app.db).filter(\.$code == "NV001").first())
            #expect(mai.$department.id == world.department.id && mai.phone == "0912345678")
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == mai.requireID().uuidString).first()
            )
            #expect(entry.entity == "staff" && entry.action == "create" && entry.actorName == "quan_tri")
            #expect(entry.changes.contains("00********01") && !entry.changes.contains("001190000001"))
            // A later single write still chains onto the batch.
            let single = try await api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json: #"{"unit_id":"\#(world.unitA.id)","full_name":"Vũ Thị Hoa","position":"Tạp vụ"}"#
            )
            #expect(single.status == .created)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: auditBefore + 6))
        }
    }

    @Test(
        "English headers in an .xlsx, Vietnamese kind words, departments of units in the same file",
        arguments: Lane.all
    )
    func englishHeadersInXLSX(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let file = try ImportFixtures.xlsx([
                [
                    "Code", "NAME", "kind", "Enterprise size", "school_level", "area_code", "Parent code", "address",
                    "phone", "E-mail", "head_name", "flags", "STT",
                ],
                ["TH-HA-TV", "Tổ văn phòng", "Cơ quan", "", "", "", "TH-HA", "2 Lê Lợi", "", "", "", "", "1"],
                [
                    "TH-HA", "Trường THCS Hòa An", "Trường học", "", "THCS", "99001", "", "2 Lê Lợi", "", "", "", "",
                    "2",
                ],
                [
                    "DN-BD", "Công ty Bến Đá", "doanh nghiep", "Vừa", "", "99002", "", "KCN Bến Đá", "0251 3888 999",
                    "lienhe@bd.vn", "Trần Văn Bến", "Khu công nghiệp, Vốn nước ngoài", "3",
                ],
            ])
            let unitsBefore = try await OrgUnit.query(on: app.db).count()
            // when
            let response = try await importFile(
                app,
                "units",
                file,
                token: world.adminToken,
                dryRun: false,
                contentType: ImportFixtures.xlsxType
            )
            // then
            #expect(response.status == .ok, "\(response.text)")
            #expect(try Self.report(response).created == 3)
            #expect(try await OrgUnit.query(on: app.db).count() == unitsBefore + 3)
            let school = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "TH-HA").first())
            let office = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "TH-HA-TV").first())
            let company = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "DN-BD").first())
            #expect(
                school.kind == "school" && school.schoolLevel == "lower_secondary" && school.areaPath == "/99/99001/"
            )
            #expect(office.$parent.id == school.id && office.areaPath == school.areaPath)
            #expect(company.kind == "enterprise" && company.enterpriseSize == "medium")
            #expect(company.flags == "industrial_zone,foreign_investment" && company.phone == "02513888999")
            #expect(try await UnitAreaPeriod.query(on: app.db).filter(\.$unitID == company.requireID()).count() == 1)
            #expect(try await AuditTrail.verify(on: app.db).message.hasPrefix("Audit trail OK"))
        }
    }

    @Test("areas: parents later in the file count, a unit or area cannot be its own ancestor", arguments: Lane.all)
    func areasAndAncestors(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let header = ["Mã", "Tên", "Loại", "Mã cấp trên", "Hiệu lực từ"]
            let cyclic = ImportFixtures.csv([
                header, ["A1", "Khu A1", "Xã", "A2", ""], ["A2", "Khu A2", "Phường", "A1", ""],
                ["A3", "Khu A3", "xa", "A3", "31/02/2025"], ["99001", "Trùng", "Xã", "99", ""],
            ])
            let problems = try Self.report(
                try await importFile(app, "areas", cyclic, token: world.adminToken, dryRun: true)
            ).problems
            #expect(
                problems.map { "\($0.row)|\($0.column)" } == [
                    "2|Mã cấp trên", "3|Mã cấp trên", "4|Hiệu lực từ", "4|Mã cấp trên", "5|Mã",
                ],
                "\(problems)"
            )
            #expect(problems[0].reason == "làm cho đơn vị thành cấp trên của chính nó")
            let good = ImportFixtures.csv([
                header, ["99004", "Xã Tân Mới", "Xã", "99100", "01/07/2025"],
                ["99100", "Huyện Mới", "Huyện", "99", ""],
            ])
            let applied = try await importFile(app, "areas", good, token: world.adminToken, dryRun: false)
            #expect(applied.status == .ok, "\(applied.text)")
            let commune = try #require(try await Area.query(on: app.db).filter(\.$code == "99004").first())
            #expect(
                commune.path == "/99/99100/99004/" && commune.kind == "commune" && commune.validFrom == "2025-07-01"
            )
            let units = ImportFixtures.csv([
                ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã địa bàn", "Mã đơn vị cấp trên", "Địa chỉ"],
                ["U1", "Phòng 1", "Cơ quan", "", "U2", "x"], ["U2", "Phòng 2", "Cơ quan", "", "U1", "x"],
                ["U3", "Phòng 3", "Cơ quan", "", "SO-TP-VP", "x"], ["U4", "Đơn vị 4", "Cơ quan", "", "", "x"],
            ])
            let unitProblems = try Self.report(
                try await importFile(app, "units", units, token: world.adminToken, dryRun: true)
            ).problems
            #expect(
                unitProblems.map { "\($0.row)|\($0.column)" } == [
                    "2|Mã đơn vị cấp trên", "3|Mã đơn vị cấp trên", "4|Mã đơn vị cấp trên", "5|Mã địa bàn",
                ],
                "\(unitProblems)"
            )
        }
    }

    @Test(
        "force membership by identity number or staff code, with the due date of the certificate",
        arguments: Lane.all
    )
    func memberships(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let file = ImportFixtures.csv([
                [
                    "Số CCCD hoặc mã nhân viên", "Lực lượng", "Vai trò", "Từ ngày", "Đến ngày", "Số giấy chứng nhận",
                    "Ngày cấp",
                ],
                ["099085001234", "Bảo vệ", "Tổ trưởng", "01/03/2024", "", "GCN-01", "15/02/2024"],
                ["099085001234", "Tự vệ", "", "2024-01-01", "", "", ""],
                ["099085001234", "Bảo vệ", "", "01/03/2024", "", "", ""],
                ["000000000000", "Cứu hỏa", "", "", "01/01/2020", "", ""],
            ])
            let dry = try Self.report(
                try await importFile(app, "memberships", file, token: world.adminToken, dryRun: true)
            )
            #expect(
                dry.problems.map { "\($0.row)|\($0.column)" } == [
                    "4|Từ ngày", "5|Số CCCD hoặc mã nhân viên", "5|Lực lượng", "5|Từ ngày",
                ],
                "\(dry.problems)"
            )
            let fixed = ImportFixtures.csv([
                ["staff", "force", "role", "start_date", "certificate_number", "certificate_issued"],
                ["099085001234", "Bảo vệ", "Tổ trưởng", "01/03/2024", "GCN-01", "15/02/2024"],
                ["099085001234", "self_defence", "", "2024-01-01", "", ""],
            ])
            let applied = try await importFile(app, "memberships", fixed, token: world.adminToken, dryRun: false)
            #expect(applied.status == .ok, "\(applied.text)")
            let memberships = try await ForceMembership.query(on: app.db).filter(\.$staff.$id == world.ducA.id).all()
            #expect(memberships.count == 2)
            let guardDuty = try #require(memberships.first { $0.force == "protection" })
            #expect(
                guardDuty.dueDate == "2029-02-15" && guardDuty.role == "leader" && guardDuty.unitID == world.unitA.id
            )
            #expect(memberships.first { $0.force == "self_defence" }?.dueDate == "2028-01-01")
        }
    }

    @Test("bad files are a clear 4xx naming the reason and write nothing", arguments: Lane.all)
    func badFiles(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // Windows-1258 CSV
            let legacy = try await importFile(app, "staff", ImportFixtures.windows1258CSV, token: token, dryRun: false)
            #expect(legacy.status == .badRequest)
            #expect(try legacy.json(ErrorBody.self).error.message.contains("Windows-1258"))
            // not a spreadsheet, whatever its type says
            let pdf = try await importFile(
                app,
                "staff",
                Data("%PDF-1.7\n\u{0}\u{1}binary".utf8),
                token: token,
                dryRun: false,
                contentType: ImportFixtures.xlsxType
            )
            #expect(pdf.status == .badRequest)
            #expect(try pdf.json(ErrorBody.self).error.message.contains("không phải bảng tính"))
            let brokenZip = try await importFile(
                app,
                "staff",
                Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
                token: token,
                dryRun: false,
                contentType: ImportFixtures.xlsxType,
                language: "en"
            )
            #expect(brokenZip.status == .badRequest, "\(brokenZip.text)")
            #expect(try brokenZip.json(ErrorBody.self).error.message.contains("spreadsheet"))
            // only a header
            let headerOnly = try await importFile(
                app,
                "staff",
                ImportFixtures.csv([ImportFixtures.staffHeader, ["", ""]]),
                token: token,
                dryRun: true
            )
            #expect(headerOnly.status == .badRequest)
            #expect(try headerOnly.json(ErrorBody.self).error.message.contains("chỉ có dòng tiêu đề"))
            // unknown kind, wrong content type, a bad dry_run
            let unknown = try await importFile(app, "vehicles", Data("a,b\n1,2\n".utf8), token: token, dryRun: true)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json(ErrorBody.self).error.message.contains("areas, units, staff, memberships"))
            let json = try await importFile(
                app,
                "staff",
                Data("{}".utf8),
                token: token,
                dryRun: true,
                contentType: "application/json"
            )
            #expect(json.status == .unsupportedMediaType)
            // 50 MB
            let huge = try await importFile(app, "staff", Data(count: 50 * 1024 * 1024), token: token, dryRun: false)
            #expect(huge.status == .payloadTooLarge)
            let body = try huge.json(ErrorBody.self)
            #expect(body.error.code == "payload_too_large" && body.error.message.contains("10 MB"))
            // a missing required column
            let missing = try Self.report(
                try await importFile(
                    app,
                    "staff",
                    ImportFixtures.csv([["Mã đơn vị", "Họ và tên", "Ghi chú"], ["SO-TP", "An", "x"]]),
                    token: token,
                    dryRun: true
                )
            )
            #expect(
                missing.problems == [
                    Problem(
                        row: 1,
                        column: "Ghi chú",
                        reason: "không phải cột của mẫu nhập: hãy đổi tên theo mẫu hoặc bỏ cột này"
                    ),
                    Problem(row: 1, column: "Chức vụ", reason: "thiếu cột bắt buộc này"),
                ]
            )
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
        }
    }

    @Test("a unit's officer importing staff into another unit gets a scope problem", arguments: Lane.all)
    func scope(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let officer = try await Fixtures.user(
                "bao_ve_so",
                role: .unitSecurityOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let token = try await Fixtures.token(for: officer, app: app)
            let staff = ImportFixtures.csv([
                ["Mã đơn vị", "Họ và tên", "Chức vụ"], ["SO-TP", "Hà Văn An", "Bảo vệ"],
                ["CT-DT", "Hà Văn Bình", "Bảo vệ"],
            ])
            let report = try Self.report(try await importFile(app, "staff", staff, token: token, dryRun: false))
            #expect(report.problems == [Problem(row: 3, column: "Mã đơn vị", reason: "nằm ngoài phạm vi của bạn")])
            #expect(!report.applied)
            let units = ImportFixtures.csv([
                ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã địa bàn", "Mã đơn vị cấp trên", "Địa chỉ"],
                ["SO-TP-TC", "Phòng Tổ chức", "Cơ quan", "", "SO-TP", "1 Lê Lợi"],
                ["CT-DT-BV", "Tổ bảo vệ", "Doanh nghiệp", "", "CT-DT", "KCN"],
                ["MOI", "Đơn vị mới", "Cơ quan", "99001", "", "x"],
            ])
            let unitReport = try Self.report(try await importFile(app, "units", units, token: token, dryRun: true))
            #expect(
                unitReport.problems == [
                    Problem(row: 3, column: "Mã đơn vị cấp trên", reason: "nằm ngoài phạm vi của bạn"),
                    Problem(row: 4, column: "Mã địa bàn", reason: "nằm ngoài phạm vi của bạn"),
                ]
            )
            let areas = try await importFile(
                app,
                "areas",
                ImportFixtures.csv([["Mã", "Tên", "Loại"], ["X1", "X", "Xã"]]),
                token: token,
                dryRun: true
            )
            #expect(areas.status == .forbidden)
        }
    }

    @Test("templates download as .xlsx and .csv with the Vietnamese headers", arguments: Lane.all)
    func templates(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            for kind in app.importKinds.all {
                let xlsx = try await api(
                    app,
                    .GET,
                    "/api/v1/import/\(kind.id)/template?format=xlsx",
                    token: world.adminToken
                )
                #expect(xlsx.status == .ok)
                #expect(xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let sheets = try XLSXReader.read(Data(xlsx.body.readableBytesView))
                #expect(sheets.first?.rows == [kind.columns.map(\.vi)])
                #expect(sheets.count == 2 && sheets[1].name == "Hướng dẫn")
                let csv = try await api(
                    app,
                    .GET,
                    "/api/v1/import/\(kind.id)/template?format=csv",
                    token: world.adminToken
                )
                #expect(csv.status == .ok)
                #expect(try CSVReader.read(Data(csv.body.readableBytesView)).rows == [kind.columns.map(\.vi)])
            }
            let bad = try await api(app, .GET, "/api/v1/import/staff/template?format=pdf", token: world.adminToken)
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test("an export imports again as a dry run whose only problems are duplicates", arguments: Lane.all)
    func exportRoundTrip(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a province with codes on everything that can carry one, and a membership
            let world = try await OrganisationTests.province(app)
            let staff = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(3, unitCode: "CT-DT")
            )
            #expect(try await importFile(app, "staff", staff, token: world.adminToken, dryRun: false).status == .ok)
            let membership = ImportFixtures.csv([
                ["staff", "force", "start_date", "certificate_issued"],
                ["NV00001", "protection", "01/01/2025", "02/01/2025"],
            ])
            #expect(
                try await importFile(app, "memberships", membership, token: world.adminToken, dryRun: false).status
                    == .ok
            )
            let item = ImportFixtures.csv([["unit_code", "kind", "serial"], ["CT-DT", "Bình bột", "MFZ4-1"]])
            #expect(try await importFile(app, "equipment", item, token: world.adminToken, dryRun: false).status == .ok)
            for kind in app.importKinds.all {
                // when
                let export = try await api(
                    app,
                    .GET,
                    "/api/v1/export/\(kind.id)?format=xlsx&reveal=identity",
                    token: world.adminToken
                )
                #expect(export.status == .ok)
                let data = Data(export.body.readableBytesView)
                let rows = try XLSXReader.read(data)[0].rows
                let again = try await importFile(
                    app,
                    kind.id,
                    data,
                    token: world.adminToken,
                    dryRun: true,
                    contentType: ImportFixtures.xlsxType
                )
                // then
                let report = try Self.report(again)
                #expect(rows.first == kind.columns.map(\.vi))
                #expect(report.rows == rows.count - 1 && report.rows > 0, "\(kind.id)")
                #expect(!report.problems.isEmpty, "\(kind.id)")
                #expect(
                    report.problems.allSatisfy { $0.reason.hasPrefix("đã có trong hệ thống") },
                    "\(kind.id): \(report.problems)"
                )
            }
            // The CSV export is the same list.
            let csv = try await api(app, .GET, "/api/v1/export/staff?format=csv", token: world.adminToken)
            #expect(try CSVReader.read(Data(csv.body.readableBytesView)).rows.count == 6)
        }
    }

    @Test("the import page checks a file, shows its problems, and follows a large import", arguments: Lane.all)
    func page(lane: Lane) async throws {
        try await withApp(lane) { app in
            _ = try await OrganisationTests.province(app)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let form = try await browser.get("/import")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"enctype="multipart/form-data""#) && form.text.contains("Kiểm tra (không ghi)"))
            #expect(form.text.contains("/import/staff/template?format=xlsx"))
            // the page's template and export links work with the page's session (the API does not take it)
            let template = try await browser.get("/import/staff/template?format=csv")
            #expect(template.status == .ok && template.text.contains("Họ và tên"))
            #expect(try await browser.get("/export/units?format=xlsx").status == .ok)
            #expect(try await browser.get("/api/v1/export/units?format=xlsx").status == .unauthorized)
            // a missing file is an error beside the field
            let noFile = try await browser.upload("/import", fields: ["kind": "staff", "mode": "check"], file: nil)
            #expect(noFile.status == .unprocessableEntity)
            #expect(noFile.text.contains(#"id="file-error""#) && noFile.text.contains("Hãy chọn tệp"))
            // a check lists problems in a table
            let bad = ImportFixtures.csv([ImportFixtures.staffHeader, ["KHONG-CO", "", "An", "Bảo vệ"]])
            let checked = try await browser.upload("/import", fields: ["kind": "staff", "mode": "check"], file: bad)
            #expect(checked.status == .ok)
            #expect(checked.text.contains(#"id="import-problems""#) && checked.text.contains("<th>Lý do</th>"))
            #expect(checked.text.contains("KHONG-CO"))
            // a small import finishes within the request
            let small = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(2, unitCode: "SO-TP")
            )
            let done = try await browser.upload("/import", fields: ["kind": "staff", "mode": "apply"], file: small)
            #expect(done.status == .ok && done.text.contains("Đã nhập 2 dòng"))
            // a large one runs in the background and its page follows it
            let large = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(1_200, unitCode: "CT-DT", first: 10)
            )
            let started = try await browser.upload("/import", fields: ["kind": "staff", "mode": "apply"], file: large)
            #expect(started.status == .seeOther)
            let location = try #require(started.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let job = try await Self.waitForJob(id, app: app)
            #expect(job.state == .done && job.created == 1_200)
            let page = try await browser.get(location)
            #expect(page.status == .ok && page.text.contains("Đã xử lý 1200/1200 dòng"))
            #expect(!page.text.contains(#"http-equiv="refresh""#))
            #expect(try await StaffMember.query(on: app.db).count() == 2 + 2 + 1_200)
            // a large file with a problem: the job page shows the table, nothing is written
            var broken = ImportFixtures.staffRows(1_100, unitCode: "CT-DT", first: 5_000)
            broken[700][2] = ""
            let failed = try await browser.upload(
                "/import",
                fields: ["kind": "staff", "mode": "apply"],
                file: ImportFixtures.csv([ImportFixtures.staffHeader] + broken)
            )
            let failedLocation = try #require(failed.headers.first(name: .location))
            let failedJob = try await Self.waitForJob(
                try #require(UUID(uuidString: String(failedLocation.split(separator: "/").last ?? ""))),
                app: app
            )
            #expect(failedJob.state == .problems && failedJob.problemCount == 1)
            let failedPage = try await browser.get(failedLocation)
            #expect(failedPage.status == .ok && failedPage.text.contains(#"id="import-problems""#))
            #expect(failedPage.text.contains("<td>702</td>"))
            #expect(try await StaffMember.query(on: app.db).count() == 2 + 2 + 1_200)
            // a running job refreshes itself
            let adminID = try #require(try await User.find(username: "quan_tri", on: app.db)?.id)
            let running = ImportJob(kind: .staff, filename: "lon.csv", userID: adminID, total: 5_000)
            running.status = ImportJob.Status.checking.rawValue
            try await running.insert(on: app.db)
            let runningPage = try await browser.get(ImportURL.job(try running.requireID()).path)
            #expect(
                runningPage.text.contains(#"http-equiv="refresh""#) && runningPage.headers.first(name: "Refresh") == "1"
            )
            #expect(runningPage.text.contains("Đã xử lý 0/5000 dòng"))
            // another account's job is not found
            try await Fixtures.user("quan_tri_2", role: .administrator, scope: .everything, on: app.db)
            var other = Browser(app)
            _ = try await other.signIn("quan_tri_2")
            #expect(try await other.get(location).status == .notFound)
        }
    }

    @Test("10,000 staff rows import in one go, timed", arguments: Lane.all)
    func tenThousandRows(lane: Lane) async throws {
        try await withApp(lane) { app in
            let world = try await OrganisationTests.province(app)
            let file = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(10_000, unitCode: "CT-DT")
            )
            let clock = ContinuousClock()
            var dryReport: ImportReportDTO?
            let dry = try await clock.measure {
                dryReport = try Self.report(
                    try await importFile(app, "staff", file, token: world.adminToken, dryRun: true)
                )
            }
            var report: ImportReportDTO?
            // More than 2,000 rows go to the background: timed until the job is done.
            let elapsed = try await clock.measure {
                let accepted = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
                #expect(accepted.status == .accepted)
                await app.importJobs.drain()
                let id = try accepted.json(ImportJobDTO.self).id
                report = try await api(app, .GET, "/api/v1/import-jobs/\(id)", token: world.adminToken)
                    .json(ImportJobDTO.self).report
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let drySeconds = Double(dry.components.seconds) + Double(dry.components.attoseconds) / 1e18
            print(
                "import timing [\(lane)]: dry run \(String(format: "%.2f", drySeconds)) s, import of 10,000 staff rows \(String(format: "%.2f", seconds)) s"
            )
            #expect(dryReport?.problems.isEmpty == true)
            #expect(report?.created == 10_000, "\(String(describing: report?.problems.prefix(5)))")
            // A debug build sharing two cores with the rest of the suite, run in parallel: this bound only
            // catches a row-by-row import. The release target (< 10 s) is the benchmark's (`make bench-org`).
            #expect(seconds < 90)
            #expect(try await StaffMember.query(on: app.db).count() == 10_002)
            let verification = try await AuditTrail.verify(on: app.db)
            guard case .intact(let entries) = verification else {
                Issue.record("audit trail: \(verification.message)")
                return
            }
            #expect(entries >= 10_000)
        }
    }

    @Test("the batch audit writes a creation exactly as a single audit entry would")
    func createdDiffMatchesDiff() {
        let samples: [[String: String]] = [
            [
                "full_name": "Nguyễn Văn Đức", "path": "/99/99001/", "note": "a\"b\\c\n\t\r\u{1}\u{1F}\u{8}\u{C}",
                "empty": "", "emoji": "👮‍♂️ ok", "del": "\u{7F}\u{2028}\u{A0}", "combining": "Nguye\u{0302}\u{0303}n",
            ],
            [:],
            [
                "identity_number": "001190000001", "phone": "0912345678", "z": "1", "a": "2", "A": "3", "_x": "4",
                "1": "5",
            ],
        ]
        for after in samples {
            #expect(
                AuditTrail.createdDiff(after, personalFields: StaffMember.personalFields)
                    == AuditTrail.diff(before: nil, after: after, personalFields: StaffMember.personalFields)
            )
        }
    }

    /// Polls the job row until the background import has finished.
    static func waitForJob(_ id: UUID, app: Application) async throws -> ImportJob {
        for _ in 0..<600 {
            if let job = try await ImportJob.find(id, on: app.db), !job.state.isRunning { return job }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError(message: "import job \(id) did not finish in 60 s")
    }
}
