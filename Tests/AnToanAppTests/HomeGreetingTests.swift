import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Home greets a person by name: the staff record linked to the account, else the account's display name,
/// never the username they signed in with.
@Suite("Home greeting")
struct HomeGreetingTests {
    @Test(
        "home greets a linked account by its staff record's full name, another by its display name",
        arguments: Lane.all
    )
    func greeting(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a guard's account linked to his staff record, and an administrator with no staff record
            let world = try await OrganisationTests.province(app)
            let guardAccount = try await Fixtures.user(
                "baove.sotp",
                role: .dutyOfficer,
                scope: .unit(world.unitA.id, in: AreaPath(world.communeA.path)!),
                on: app.db
            )
            let member = try #require(try await StaffMember.find(world.ducA.id, on: app.db))
            member.userID = try guardAccount.requireID()
            try await member.persist(on: app.db)
            try await Fixtures.user(
                "quantri",
                role: .administrator,
                scope: .everything,
                displayName: "Trần Thị Mai",
                on: app.db
            )
            // when
            var guardBrowser = Browser(app)
            _ = try await guardBrowser.signIn("baove.sotp")
            let guardHome = try await guardBrowser.get("/")
            var adminBrowser = Browser(app)
            _ = try await adminBrowser.signIn("quantri")
            let adminHome = try await adminBrowser.get("/")
            // then
            #expect(guardHome.status == .ok)
            #expect(guardHome.text.contains("Xin chào, Nguyễn Văn Đức"), "\(guardHome.text)")
            #expect(!guardHome.text.contains("Xin chào, baove.sotp"))
            #expect(adminHome.text.contains("Xin chào, Trần Thị Mai"))
        }
    }
}
