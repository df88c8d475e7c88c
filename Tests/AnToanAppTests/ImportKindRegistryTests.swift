import AnToanCore
import Fluent
import Foundation
import OpenAPIKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The import engine is Shared: a kind that no module of the app knows, registered by a test, is listed,
/// templated, checked, imported and exported through the same API, page and document as the registry's kinds.
@Suite("Import kind registry")
struct ImportKindRegistryTests {
    @Test("a kind registered in a test app is listed, templated, dry-run, imported and exported", arguments: Lane.all)
    func registeredKind(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the test's kind beside the registry's, and an administrator
            app.importKinds.register(.testNotes)
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let bad = ImportFixtures.csv([["Khoá", "Giá trị"], ["test.mot", "Một"], ["test.hai", ""]])
            let good = ImportFixtures.csv([["Khoá", "Giá trị"], ["test.mot", "Một"], ["test.hai", "Hai"]])
            let settingsBefore = try await Setting.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            // when: the document, the template, a dry run with a problem, a good dry run, the import
            let document = try await app.testing().sendRequest(.GET, "/api/openapi.json")
            let template = try await api(app, .GET, "/api/v1/import/notes/template?format=csv", token: token)
            let problems = try ImportTests.report(try await importFile(app, "notes", bad, token: token, dryRun: true))
            let checked = try ImportTests.report(try await importFile(app, "notes", good, token: token, dryRun: true))
            let settingsAfterCheck = try await Setting.query(on: app.db).count()
            let imported = try await importFile(app, "notes", good, token: token, dryRun: false)
            let export = try await api(app, .GET, "/api/v1/export/notes?format=csv", token: token)
            let unknown = try await api(app, .GET, "/api/v1/import/khong-co/template", token: token)
            // then: the document lists it as a kind
            let kinds = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(document.body.readableBytesView))
                .components.schemas["ImportKind"]?.allowedValues?.compactMap { $0.value as? String }
            #expect(kinds == ["areas", "units", "staff", "memberships", "equipment", "notes"])
            #expect(try CSVReader.read(Data(template.body.readableBytesView)).rows == [["Khoá", "Giá trị"]])
            #expect(problems.problems.map { "\($0.row)|\($0.column)|\($0.reason)" } == ["3|Giá trị|bắt buộc phải nhập"])
            #expect(checked.kind == "notes" && checked.rows == 2 && checked.problems.isEmpty && !checked.applied)
            #expect(settingsAfterCheck == settingsBefore)
            #expect(imported.status == .ok)
            let report = try ImportTests.report(imported)
            #expect(report.applied && report.created == 2)
            #expect(try await Setting.find("test.hai", on: app.db)?.value == "Hai")
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + 2)
            let exported = try CSVReader.read(Data(export.body.readableBytesView)).rows
            #expect(exported == [["Khoá", "Giá trị"], ["test.hai", "Hai"], ["test.mot", "Một"]])
            #expect(unknown.status == .badRequest && unknown.body.string.contains("memberships, equipment, notes"))
        }
    }

    @Test("the import page offers a registered kind and imports it", arguments: Lane.all)
    func page(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            app.importKinds.register(.testNotes)
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let file = ImportFixtures.csv([["khoa", "gia tri"], ["test.ba", "Ba"]])
            // when
            let form = try await browser.get("/import?kind=notes")
            let done = try await browser.upload("/import", fields: ["kind": "notes", "mode": "apply"], file: file)
            // then
            #expect(form.status == .ok)
            #expect(
                form.text.contains(/<option (value="notes" selected="selected"|selected="selected" value="notes")>/)
            )
            #expect(form.text.contains("Ghi chú thử"))
            #expect(form.text.contains("/import/notes/template?format=xlsx") && form.text.contains("/export/notes?"))
            #expect(done.status == .ok && done.text.contains("Đã nhập 1 dòng ghi chú thử"))
            #expect(try await Setting.find("test.ba", on: app.db)?.value == "Ba")
        }
    }
}

extension ImportKind {
    /// Settings whose key starts with `test.`: a kind of the test's own, on a table no import kind writes.
    static let testNotes = ImportKind(
        id: "notes",
        name: (vi: "Ghi chú thử", en: "Test notes"),
        sheetName: "Ghi chú",
        columns: [.init("key", "Khoá", required: true), .init("value", "Giá trị", required: true)],
        permission: .manageOrganisation,
        viewPermission: .viewOrganisation,
        plan: { sheet, _, db, _ in try await TestNotesPlan(sheet, on: db) },
        export: { _, _, app in
            try await Setting.query(on: app.db).filter(\.$id >= "test.").filter(\.$id < "test/").sort(\.$id).all()
                .map { [$0.id ?? "", $0.value] }
        }
    )
}

/// Checks each row's key and value, and writes the settings with one audit entry each.
private struct TestNotesPlan: ImportPlan {
    var rowCount: Int
    var problems: [ImportProblem]
    var settings: [Setting] = []

    init(_ sheet: ImportSheet, on db: any Database) async throws {
        rowCount = sheet.records.count
        problems = sheet.problems
        for record in sheet.records {
            var row = ImportRow(sheet, record)
            let key = row.text("key", max: 60)
            let value = row.text("value", max: 200)
            if !key.hasPrefix("test.") {
                row.add("key", .invalid(vi: "phải bắt đầu bằng test.", en: "must start test."))
            }
            problems += row.problems
            settings.append(Setting(key: key, value: value))
        }
    }

    func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
        for setting in settings {
            try await setting.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: actor,
                action: .create,
                entity: "setting",
                entityID: setting.id ?? "",
                before: nil,
                after: ["value": setting.value],
                now: now
            )
        }
        return settings.count
    }
}
