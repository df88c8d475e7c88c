import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

@Suite("Audit trail")
struct AuditTrailTests {
    @Test("creating an account through the API writes who, what and which fields, password masked", arguments: Lane.all)
    func recordsChanges(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            // when
            let created = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(
                    string:
                        #"{"username":"truong_don_vi","display_name":"Lê Văn Tám","role":"authority_officer","area_path":"/79/26734/","password":"mat-khau-kiem-thu-2026"}"#
                )
            )
            #expect(created.status == .created, "\(created.text)")
            let user = try created.json(UserDTO.self)
            let reset = try await app.testing().sendRequest(
                .PATCH,
                "/api/v1/users/\(user.id)",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"display_name":"Lê Văn Tám (Trưởng)","password":"mot-mat-khau-moi-2026"}"#)
            )
            #expect(reset.status == .ok)
            // then
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "user").sort(\.$seq).all()
            #expect(entries.count == 2)
            let create = try #require(entries.first)
            #expect(create.action == "create")
            #expect(create.actorName == "quan_tri")
            #expect(create.actorID == admin.id)
            #expect(create.entityID == user.id.uuidString)
            #expect(create.changes.contains(#""display_name":[null,"Lê Văn Tám"]"#))
            #expect(!create.changes.contains("password_hash"))
            let update = try #require(entries.last)
            #expect(update.changes.contains(#""display_name":["Lê Văn Tám","Lê Văn Tám (Trưởng)"]"#))
            #expect(update.changes.contains(#""password":["***","***"]"#))
            #expect(!update.changes.contains("mot-mat-khau-moi-2026"))
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 3))
        }
    }

    @Test("a row edited behind the app's back is named by verify", arguments: Lane.all)
    func detectsTampering(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: three changes
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            for _ in 1...3 { _ = try await Fixtures.token(for: admin, app: app) }
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 3))
            // when: someone with database access rewrites entry 2
            try await app.db.sql.raw("UPDATE audit_entries SET actor_name = 'nguoi_khac' WHERE seq = 2").run()
            // then
            let result = try await AuditTrail.verify(on: app.db)
            #expect(result == .broken(seq: 2, reason: "its content was changed after it was written"))
            #expect(result.message.hasPrefix("Audit trail broken at entry #2"))
        }
    }

    @Test("deleting the newest entries or one in the middle is detected too")
    func detectsRemoval() async throws {
        try await withApp(.sqlite) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            for _ in 1...4 { _ = try await Fixtures.token(for: admin, app: app) }
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE seq = 4").run()
            #expect(try await AuditTrail.verify(on: app.db) == .broken(seq: 4, reason: "entries after #3 were removed"))
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
            #expect(try await AuditTrail.verify(on: app.db) == .broken(seq: 2, reason: "entry is missing"))
        }
    }

    @Test("a change that fails leaves no audit entry behind", arguments: Lane.all)
    func sameTransaction(lane: Lane) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let before = try await AuditEntry.query(on: app.db).count()
            // when: the same username twice — the second is refused
            let body = #"{"username":"quan_tri","role":"administrator","password":"mat-khau-kiem-thu-2026"}"#
            let response = try await app.testing().sendRequest(
                .POST,
                "/api/v1/users",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: body)
            )
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("concurrent changes keep one unbroken chain", arguments: Lane.all)
    func concurrentWriters(lane: Lane) async throws {
        try await withApp(lane) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let adminID = try admin.requireID()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await Tokens.create(
                            name: "t\(index)",
                            ownerID: adminID,
                            actor: .system,
                            app: app,
                            on: app.db
                        )
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await APIToken.query(on: app.db).count() == 20)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: 20))
        }
    }

    @Test("the administrator's page lists and filters the trail; other roles get 403")
    func page() async throws {
        try await withApp(.sqlite) { app in
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            _ = try await Fixtures.token(for: admin, app: app)
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            let all = try await browser.get("/admin/audit")
            #expect(all.status == .ok)
            #expect(all.text.contains("api_token"))
            let filtered = try await browser.get("/admin/audit?entity=user")
            #expect(!filtered.text.contains("<td>api_token"))
            let badDate = try await browser.get("/admin/audit?from=31/02/2026")
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.text.contains("cần ngày dạng dd/MM/yyyy"))
            var guardBrowser = Browser(app)
            _ = try await guardBrowser.signIn("bao_ve")
            #expect(try await guardBrowser.get("/admin/audit").status == .forbidden)
        }
    }
}
