import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Control characters are refused in every text field, and bidi or zero-width characters in names, the same way
/// through the API, a page form and an import file: a 422 naming the field, and nothing written.
@Suite("Text hygiene")
struct TextHygieneTests {
    @Test("the API refuses a NUL in any text and a bidi override in a name, naming the field", arguments: Lane.all)
    func api(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let unitsBefore = try await OrgUnit.query(on: app.db).count()
            // when: a NUL inside a name, which used to be stored and read back cut short as "Lê"
            let nul = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json: #"{"unit_id":"\#(world.unitA.id)","full_name":"Lê\u0000Văn","position":"Bảo vệ"}"#
            )
            // then
            #expect(nul.status == .unprocessableEntity)
            #expect(nul.text.contains(#""field":"full_name""#) && nul.text.contains("U+0000"), "\(nul.text)")
            // when: a control character in a nested text, and a right-to-left override in a unit's name
            let bell = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/staff",
                token: world.adminToken,
                json: #"{"unit_id":"\#(world.unitA.id)","full_name":"Lê Văn","position":"Bảo\u0007vệ"}"#
            )
            #expect(bell.status == .unprocessableEntity)
            #expect(bell.text.contains(#""field":"position""#) && bell.text.contains("U+0007"), "\(bell.text)")
            var headers: HTTPHeaders = ["Authorization": "Bearer \(world.adminToken)", "Accept-Language": "en"]
            headers.contentType = .json
            let bidi = try await app.testing().sendRequest(
                .POST,
                "/api/v1/units",
                headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"code":"X-1","name":"Sở \u202ETư pháp","kind":"agency","area_id":"\#(world.communeA.id)","address":"1 Lê Lợi"}"#
                )
            )
            #expect(bidi.status == .unprocessableEntity)
            #expect(bidi.text.contains(#""field":"name""#) && bidi.text.contains("U+202E"), "\(bidi.text)")
            #expect(bidi.text.contains("not allowed in a name"))
            // A zero-width space in a name, but a line break is fine in a free text that allows it.
            let zeroWidth = try await AnToanAppTests.api(
                app,
                .POST,
                "/api/v1/areas",
                token: world.adminToken,
                json: #"{"code":"99003","name":"Xã\u200BMới","kind":"commune","parent_id":"\#(world.province.id)"}"#
            )
            #expect(zeroWidth.status == .unprocessableEntity && zeroWidth.text.contains("U+200B"))
            // A duty post's name is a name too.
            let post = try await AnToanAppTests.api(
                app,
                .PUT,
                "/api/v1/units/\(world.unitA.id)/duty-setup",
                token: world.adminToken,
                json: #"{"posts":[{"id":"gate","name":"Cổng\u2066 chính","pattern":"24h","requirements":[]}]}"#
            )
            #expect(post.status == .unprocessableEntity)
            #expect(post.text.contains(#""field":"posts[0].name""#) && post.text.contains("U+2066"), "\(post.text)")
            // and nothing was written
            #expect(try await DutySetup.query(on: app.db).count() == 0)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
            #expect(try await OrgUnit.query(on: app.db).count() == unitsBefore)
            #expect(try await Area.query(on: app.db).filter(\.$code == "99003").count() == 0)
        }
    }

    @Test("a page form refuses a control character and a bidi override beside the field", arguments: Lane.all)
    func form(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // when
            let nul = try await admin.post(
                "/units/\(world.unitA.id)/staff",
                form: ["full_name": "Lê\u{0}Văn", "position": "Nhân viên bảo vệ"]
            )
            let bidi = try await admin.post(
                "/units",
                form: [
                    "code": "TR-09", "name": "Trường \u{202E}Hòa An", "kind": "agency",
                    "area_id": world.communeA.id.uuidString, "address": "Thôn 1",
                ]
            )
            // then
            #expect(nul.status == .unprocessableEntity)
            #expect(nul.text.contains(#"id="staff-full_name-error""#) && nul.text.contains("U+0000"))
            #expect(bidi.status == .unprocessableEntity)
            #expect(bidi.text.contains(#"id="name-error""#) && bidi.text.contains("U+202E"))
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$code == "TR-09").count() == 0)
        }
    }

    @Test(
        "an import file with a control character or a zero-width joiner names the row and column",
        arguments: Lane.all
    )
    func importFile(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let file = ImportFixtures.csv([
                ImportFixtures.staffHeader,
                ["SO-TP", "", "Trần\u{200D}Thị Mai", "Văn thư"],
                ["SO-TP", "", "Lê Văn An", "Bảo\u{1B}vệ"],
                ["SO-TP", "", "Phạm Văn Bình", "Bảo vệ"],
            ])
            // when
            let response = try await AnToanAppTests.importFile(
                app,
                "staff",
                file,
                token: world.adminToken,
                dryRun: false
            )
            // then
            #expect(response.status == .unprocessableEntity)
            let problems = try response.json(ImportReportDTO.self).problems
            #expect(problems.map { "\($0.row)|\($0.column)" } == ["2|Họ và tên", "3|Chức vụ"], "\(problems)")
            #expect(problems.first?.reason.contains("U+200D") == true)
            #expect(problems.last?.reason.contains("U+001B") == true)
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore)
        }
    }
}
