import AnToanCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The pages a node keeps (a unit's, a roster's, oversight) are never older than the last write, never another
/// person's, and their forms carry the reader's own session token.
@Suite("Kept pages")
struct KeptPagesTests {
    @Test(
        "a kept unit page shows an edit made since, at once, and each session's forms carry that session's token",
        arguments: Lane.all
    )
    func freshAndOwnToken(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the administrator signed in twice (a phone and a desk), both reading unit B's page
            let world = try await OrganisationTests.province(app)
            var desk = Browser(app)
            var phone = Browser(app)
            _ = try await desk.signIn("quan_tri")
            _ = try await phone.signIn("quan_tri")
            let path = SiteURL.unit(world.unitB.id).path
            let first = try await desk.get(path).text
            #expect(try await desk.get(path).text == first)
            #expect(!first.contains("0912 000 111"))
            let onPhone = try await phone.get(path).text

            // then: every form on each copy posts that browser's own token
            func tokens(_ html: String) -> Set<String> {
                Set(HTMLForms.forms(html).compactMap { $0.submission { _ in "" }["_csrf"] })
            }
            func token(_ browser: Browser) -> String {
                SecretToken.hmac(browser.cookies[CSRFCookieMiddleware.cookie] ?? "", secret: Lane.testSecret)
            }
            #expect(HTMLForms.forms(first).count > 2)
            #expect(tokens(first) == [token(desk)])
            #expect(tokens(onPhone) == [token(phone)])
            #expect(token(desk) != token(phone))

            // when: the phone saves a new number through the unit's edit form, with the defaults it shows
            let editPath = SiteURL.unitEdit(world.unitB.id).path
            let form = try #require(
                HTMLForms.forms(try await phone.get(editPath).text).first { $0.action == editPath }
            )
            var values = form.submission { _ in "" }
            values["phone"] = "0912 000 111"
            let saved = try await phone.post(editPath, form: values, csrf: false)

            // then: the desk's next read of the page it had shows the number
            #expect(saved.status == .seeOther)
            let after = try await desk.get(path).text
            #expect(after.contains("0912000111") || after.contains("0912 000 111"), "\(after)")
        }
    }

    @Test("a page kept for an authority is never served to a unit outside it", arguments: Lane.all)
    func neverAnothersPage(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the province authority has read unit A's page and its roster list
            let world = try await OrganisationTests.province(app)
            var authority = try await OrganisationTests.provinceAuthority(app, world)
            let pageA = SiteURL.unit(world.unitA.id).path
            #expect(try await authority.get(pageA).status == .ok)
            _ = try await Fixtures.user(
                "truong_b",
                role: .unitHead,
                scope: .unit(world.unitB.id, in: AreaPath(world.communeB.path)!),
                on: app.db
            )
            var headB = Browser(app)
            _ = try await headB.signIn("truong_b")

            // when
            let crossing = try await headB.get(pageA)
            let own = try await headB.get(SiteURL.unit(world.unitB.id).path)

            // then
            #expect(crossing.status == .notFound)
            #expect(!crossing.text.contains(world.unitA.name))
            #expect(own.status == .ok && own.text.contains(world.unitB.name))
        }
    }

    @Test("pages are kept per head and minute, older ones dropped, within the budget")
    func generations() {
        let pages = KeptPages(budget: 80)
        let minute = Date(timeIntervalSince1970: 1_800_000_000)
        let page = KeptPages.Content(title: "t", markup: RenderedMarkup(Text(String(repeating: "a", count: 30))))

        pages.keep(page, as: "k1", head: 5, minute: minute)
        #expect(pages.page("k1", head: 5, minute: minute)?.markup.byteCount == 30)
        #expect(pages.page("k1", head: 6, minute: minute) == nil)
        #expect(pages.page("k1", head: 5, minute: minute.addingTimeInterval(60)) == nil)

        // A newer head drops the older pages; a page read at an older head is not kept after it.
        pages.keep(page, as: "k2", head: 6, minute: minute)
        pages.keep(page, as: "k3", head: 5, minute: minute)
        #expect(pages.count == 1)
        #expect(pages.page("k2", head: 6, minute: minute) != nil)

        // Past the budget, the first kept goes first.
        pages.keep(page, as: "k4", head: 6, minute: minute)
        pages.keep(page, as: "k5", head: 6, minute: minute)
        #expect(pages.page("k2", head: 6, minute: minute) == nil)
        #expect(pages.page("k4", head: 6, minute: minute) != nil && pages.page("k5", head: 6, minute: minute) != nil)
    }
}
