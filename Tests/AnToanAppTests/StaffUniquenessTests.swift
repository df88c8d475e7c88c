import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Identity numbers are unique among all staff and staff codes within a unit, by database index, and every path
/// (API, page form, import) answers a duplicate with a 422 naming the field, never a 500.
@Suite("Staff uniqueness")
struct StaffUniquenessTests {
    private func create(_ app: Application, _ json: String, token: String) async throws -> TestingHTTPResponse {
        try await AnToanAppTests.api(app, .POST, "/api/v1/staff", token: token, json: json)
    }

    @Test(
        "the API refuses an identity number held anywhere and a staff code held in the same unit",
        arguments: Lane.all
    )
    func api(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: Nguyễn Văn Đức of unit A holds 099085001234; a code NV1 in unit A
            let world = try await OrganisationTests.province(app)
            let token = world.adminToken
            let first = try await create(
                app,
                #"{"unit_id":"\#(world.unitA.id)","full_name":"Lê An","position":"Bảo vệ","code":"NV1"}"#,
                token: token
            )
            #expect(first.status == .created)
            let before = try await StaffMember.query(on: app.db).count()
            // when
            let identity = try await create(
                app,
                #"{"unit_id":"\#(world.unitB.id)","full_name":"Trần Bình","position":"Bảo vệ","identity_number":"099085001234"}"#,
                token: token
            )
            let code = try await create(
                app,
                #"{"unit_id":"\#(world.unitA.id)","full_name":"Trần Bình","position":"Bảo vệ","code":"NV1"}"#,
                token: token
            )
            // then
            #expect(identity.status == .unprocessableEntity)
            #expect(identity.text.contains(#""field":"identity_number""#) && identity.text.contains("đã được dùng"))
            #expect(code.status == .unprocessableEntity && code.text.contains(#""field":"code""#), "\(code.text)")
            #expect(try await StaffMember.query(on: app.db).count() == before)
            // The same code in another unit is another person's code.
            let elsewhere = try await create(
                app,
                #"{"unit_id":"\#(world.unitB.id)","full_name":"Trần Bình","position":"Bảo vệ","code":"NV1"}"#,
                token: token
            )
            #expect(elsewhere.status == .created)
        }
    }

    @Test("the page form shows a taken identity number beside the field", arguments: Lane.all)
    func form(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let before = try await StaffMember.query(on: app.db).count()
            // when
            let response = try await admin.post(
                "/units/\(world.unitB.id)/staff",
                form: ["full_name": "Phạm Hoa", "position": "Văn thư", "identity_number": "099085001234"]
            )
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.text.contains(#"id="staff-identity_number-error""#) && response.text.contains("đã được dùng")
            )
            #expect(try await StaffMember.query(on: app.db).count() == before)
        }
    }

    @Test("an import names a taken identity number and writes nothing", arguments: Lane.all)
    func importFile(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let before = try await StaffMember.query(on: app.db).count()
            let file = ImportFixtures.csv([
                ImportFixtures.staffHeader,
                ["CT-DT", "", "Phạm Hoa", "Văn thư", "", "", "", "", "099085001234", "NV9"],
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
            #expect(problems.map(\.column) == ["Số CCCD"], "\(problems)")
            #expect(try await StaffMember.query(on: app.db).count() == before)
        }
    }

    @Test("a duplicate that slips past the check is refused by the index and answered as a 422", arguments: Lane.all)
    func index(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a record written straight to the database, as a request at the same moment would
            let world = try await OrganisationTests.province(app)
            func member(identity: String?, code: String?) -> StaffMember {
                let member = StaffMember()
                member.fullName = "Đỗ Hùng"
                member.nameFolded = Folding.fold(member.fullName)
                member.position = "Bảo vệ"
                member.isLeader = false
                member.status = "active"
                member.identityNumber = identity
                member.code = code
                member.$unit.id = world.unitA.id
                member.areaPath = world.communeA.path
                return member
            }
            try await member(identity: "001190000777", code: "X1").insert(on: app.db)
            // when / then
            for (duplicate, field) in [
                (member(identity: "001190000777", code: nil), "identity_number"),
                (member(identity: nil, code: "X1"), "code"),
            ] {
                do {
                    try await StaffUniqueness.mapViolation { try await duplicate.insert(on: app.db) }
                    Issue.record("a duplicate \(field) was written")
                } catch AppError.invalidFields(let fields) {
                    #expect(fields == [FieldError(field: field, reason: .taken)])
                }
            }
            // Records without a number or a code never collide.
            try await member(identity: nil, code: nil).insert(on: app.db)
            try await member(identity: nil, code: nil).insert(on: app.db)
        }
    }

    @Test("four creates of one identity number at once make one record and three 422s", arguments: Lane.all)
    func concurrent(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let before = try await StaffMember.query(on: app.db).count()
            let json =
                #"{"unit_id":"\#(world.unitB.id)","full_name":"Vũ Lan","position":"Bảo vệ","identity_number":"001190000999"}"#
            // when
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await create(app, json, token: world.adminToken).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 3, "\(statuses)")
            #expect(try await StaffMember.query(on: app.db).count() == before + 1)
        }
    }
}
