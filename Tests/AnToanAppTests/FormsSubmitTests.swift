import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Every form of the site, found by following links from home as each role of the demo province, submitted as a
/// browser would with its defaults untouched, saves; every page has unique element ids.
@Suite("Forms submit as a browser would")
struct FormsSubmitTests {
    /// The demo's accounts whose pages hold forms: administrator, authority, unit head, security officer, guard.
    static let roles = ["quantri", "congan.tinh", "thutruong", "antt", "baove"]

    /// Forms left out, by the shape of their action, and why.
    static let skipped: [String: String] = [
        "/logout": "signs out",
        "/language": "changes only a cookie, writes nothing",
        "/account/password": "needs the current password and changes the account's",
        "/account/tokens/{id}/revoke": "destructive: revokes a token",
        "/admin/users/{id}/reset-password": "destructive: replaces the account's password",
        "/routing-rules/{id}/delete": "destructive: deletes a rule",
        "/holidays/{n}/remove": "destructive: removes a day off",
        "/import": "needs a spreadsheet file chosen by the person",
        "/admin/users/new": "a unit-scoped account (the default role) needs its unit found by a search and chosen",
        "/areas/merge": "its defaults merge an area into itself, which is refused by rule",
        "/areas/split": "restructures the province; its parts need codes of existing units",
        "/duty/check-in": "depends on the hour: only a seat under way can be checked in to",
        "/duty/check-out": "depends on the hour: only a shift checked in to can be ended",
        "/duty/handover": "depends on the hour: only the shift under way hands over",
        "/tips/follow": "looks a tip up by the code its sender was given: a made-up code is refused by rule",
        "/gate/watchlist":
            "needs a document number, or a name with a date of birth: one of two, which a form cannot require by itself",
    ]

    @Test(
        "every form, submitted untouched but for its required fields, saves; no page repeats an id",
        arguments: Lane.all
    )
    func everyForm(lane: Lane) async throws {
        try await withApp(lane, now: DemoDutyTests.now) { app in
            // given: a small demo province without duty data, so that its rosters do not slow the crawl down
            let demo = try await DemoCommand.load(app: app, communes: 3, units: 6, staff: 120, duty: false)
            // Each unit keeps duty at its first site only: its other sites stay at "Không bố trí trực".
            let admin = try await Fixtures.token(
                for: try #require(try await User.find(username: "quantri", on: app.db)),
                app: app
            )
            for unit in try await OrgUnit.query(on: app.db).filter(\.$parent.$id == nil).all() {
                guard let site = try await OrganisationQueries.sites(of: try unit.requireID(), on: app.db).first else {
                    continue
                }
                let setup = try await api(
                    app,
                    .PUT,
                    "/api/v1/units/\(try unit.requireID())/duty-setup",
                    token: admin,
                    json: #"{"posts":[{"id":"\#(site.code)","pattern":"2x12","requirements":["#
                        + #"{"shift":"D","working":{"leaders":0,"officers":1}},"#
                        + #"{"shift":"N","working":{"leaders":0,"officers":1}}]}]}"#
                )
                #expect(setup.status == .ok, "\(setup.text)")
            }
            var forms: [(role: String, page: String, form: HTMLForms.Form)] = []
            var formShapes: Set<String> = []
            var browsers: [String: Browser] = [:]
            for role in Self.roles {
                var browser = Browser(app)
                let signIn = try await browser.signIn(role, password: demo.password)
                #expect(signIn.status == .seeOther, "\(role) signs in")
                for (page, html) in try await Self.crawl(&browser) {
                    let ids = HTMLForms.ids(html)
                    let repeated = Set(ids.filter { id in ids.count(where: { $0 == id }) > 1 })
                    #expect(repeated.isEmpty, "\(page) repeats the ids \(repeated.sorted())")
                    for form in HTMLForms.forms(html) where form.method == "post" {
                        let shape = Self.shape(form.action)
                        if Self.skipped[shape] == nil, formShapes.insert(shape).inserted {
                            forms.append((role, page, form))
                        }
                    }
                }
                browsers[role] = browser
            }
            // The forms this test is about are among them.
            #expect(formShapes.contains("/units"), "the new-unit form")
            #expect(formShapes.contains("/units/{id}/duty"), "the duty set-up")
            #expect(formShapes.contains("/gate/goods"), "a goods release note")
            #expect(formShapes.contains("/gate/vehicles"), "a vehicle's check-in")
            #expect(formShapes.contains("/gate/approvers"), "a release note approver")

            // when / then: each form, as its role would post it untouched, saves with its audit entry
            var counter = 0
            for (role, page, crawled) in forms {
                var browser = try #require(browsers[role])
                // The page as it is now (an earlier form may have renamed an area it offers), as a person opens it.
                let fresh = HTMLForms.forms(try await browser.get(page).text)
                let form = try #require(
                    fresh.first { $0.method == "post" && Self.shape($0.action) == Self.shape(crawled.action) }
                )
                let before = try await AuditEntry.query(on: app.db).count()
                let values = form.submission { field in
                    counter += 1
                    return Self.plausible(field, counter)
                }
                let response = try await browser.post(form.action, form: values, csrf: false)
                let after = try await AuditEntry.query(on: app.db).count()
                let name = "\(role) on \(page): “\(form.title)” → \(form.action)"
                #expect(
                    response.status != .unprocessableEntity,
                    "\(name) was refused: \(Self.errors(response.text)) \(values)"
                )
                #expect(response.status.code < 400, "\(name) answered \(response.status)")
                // Saved: its audit entry is written, or it said so (an edit that changed nothing writes nothing).
                let saidSaved = response.headers.setCookie?["antoan_flash"]?.string.hasPrefix("success.") == true
                #expect(after > before || saidSaved, "\(name) wrote nothing")
                browsers[role] = browser
            }
        }
    }

    @Test("a unit's kind decides its details: a school level for an enterprise is a 422 naming it", arguments: Lane.all)
    func unitKindDetails(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            let form = try #require(
                HTMLForms.forms(try await admin.get("/units").text).first {
                    $0.method == "post" && $0.action == "/units"
                }
            )
            var values = form.submission { _ in "" }
            values.merge(
                [
                    "code": "CT-MOI", "name": "Công ty Mới", "kind": "enterprise",
                    "area_id": world.communeA.id.uuidString,
                ]
            ) { $1 }
            let units = try await OrgUnit.query(on: app.db).count()

            // when: the "none" school level left as it is, then a school level chosen for the enterprise
            #expect(values["school_level"] == "" && values["enterprise_size"] == "")
            values["school_level"] = "primary"
            let refused = try await admin.post("/units", form: values, csrf: false)
            values["school_level"] = ""
            values["enterprise_size"] = "small"
            values["address"] = "1 Lê Lợi"
            let saved = try await admin.post("/units", form: values, csrf: false)

            // then: the refusal names the field at the top of the form and beside it; the enterprise has no level
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(#"<div class="error-summary" role="alert">"#))
            #expect(refused.text.contains(##"<a href="#school_level">"##))
            #expect(refused.text.contains("chỉ dành cho trường học</a>"))
            #expect(refused.text.contains(#"aria-describedby="school_level-error""#))
            #expect(refused.text.contains(#"aria-invalid="true""#))
            #expect(saved.status == .seeOther, "\(Self.errors(saved.text))")
            let unit = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "CT-MOI").first())
            #expect(unit.enterpriseSize == "small" && unit.schoolLevel == nil)
            #expect(try await OrgUnit.query(on: app.db).count() == units + 1)
        }
    }

    /// Pages reachable from home, one per address shape (`/units/{id}` once), GET only, at most 80.
    static func crawl(_ browser: inout Browser) async throws -> [(String, String)] {
        var queue = ["/"]
        var shapes: Set<String> = ["/"]
        var pages: [(String, String)] = []
        while !queue.isEmpty, pages.count < 80 {
            let path = queue.removeFirst()
            let response = try await browser.get(path)
            guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
            pages.append((path, response.text))
            for link in HTMLForms.links(response.text) {
                let address = String(link.prefix { $0 != "?" })
                guard !address.hasPrefix("/api/"), !address.hasPrefix("/static"), address != "/logout" else {
                    continue
                }
                if shapes.insert(shape(address)).inserted { queue.append(link) }
            }
        }
        return pages
    }

    /// An address with its ids and numbers as placeholders: `/units/{id}/duty`, `/holidays/{n}`.
    static func shape(_ path: String) -> String {
        path.prefix { $0 != "?" }.split(separator: "/", omittingEmptySubsequences: false).map { part in
            if UUID(uuidString: String(part)) != nil { return "{id}" }
            if !part.isEmpty, part.allSatisfy(\.isNumber) { return "{n}" }
            return String(part)
        }
        .joined(separator: "/")
    }

    /// What a person would type into a required field the form left empty.
    static func plausible(_ field: HTMLForms.Field, _ counter: Int) -> String {
        let name = field.name
        switch field.type {
        case "number": return "1"
        case "email": return "kiemthu\(counter)@example.vn"
        case "tel": return "0912345\(String(format: "%03d", counter))"
        case "password": return "Mat-khau-kiem-thu-\(counter)-2027"
        case "date": return "2027-02-15"
        case "url": return "https://example.vn/nhan-\(counter)"
        default: break
        }
        if name.contains("date") || name.hasSuffix("_from") || name.hasSuffix("_to") || name.contains("issued") {
            return "15/02/2027"
        }
        // A chip ID card's number: 12 digits (the gate's check-in form).
        if name == "document_number" { return "0791900" + String(format: "%05d", counter) }
        if name.contains("phone") { return "0912345\(String(format: "%03d", counter))" }
        if name.contains("code") || name == "username" || name.hasSuffix("_code") { return "KT\(counter)" }
        return "Kiểm thử \(counter)"
    }

    /// The messages beside the fields of a refused form.
    static func errors(_ html: String) -> String {
        html.matches(of: /<a href="#([^"]*)">([^<]*)</).map {
            "\($0.output.1) \(HTMLForms.decode(String($0.output.2)))"
        }
        .joined(separator: "; ")
    }
}
