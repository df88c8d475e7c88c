import AnToanCore
import Fluent
import Foundation
import Vapor

/// Pages of a unit's duty set-up and rosters: set up posts, generate, look, publish.
struct RosterPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.rosterPages(.setup(.placeholder))), use: setup)
        routes.post(SiteURL.route(.rosterPages(.setup(.placeholder))), use: saveSetup)
        routes.get(SiteURL.route(.rosterPages(.index)), use: index)
        routes.get(SiteURL.route(.rosterPages(.list(.placeholder))), use: list)
        routes.post(SiteURL.route(.rosterPages(.list(.placeholder))), use: generate)
        routes.get(SiteURL.route(.rosterPages(.roster(.placeholder))), use: roster)
        routes.post(SiteURL.route(.rosterPages(.publish(.placeholder))), use: publish)
        routes.get(SiteURL.route(.rosterPages(.print(.placeholder))), use: print)
        routes.get(SiteURL.route(.rosterPages(.xlsx(.placeholder))), use: xlsx)
        routes.post(SiteURL.route(.rosterPages(.accounts(.placeholder))), use: linkAccount)
    }

    /// The unit's posts, shift patterns and staffing as a form.
    @Sendable func setup(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let posts = try await RosterQueries.posts(of: try unit.requireID(), on: req.db)
        var values = DutySetupForm.values(posts: posts)
        if try await RosterQueries.approvalRequired(of: try unit.requireID(), on: req.db) {
            values[DutySetupPage.approvalField] = "1"
        }
        return try await renderSetup(req, principal, unit, values: values, posts: posts)
    }

    @Sendable func saveSetup(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let unitID = try unit.requireID()
        let saved = try await RosterQueries.posts(of: unitID, on: req.db)
        let form = try req.content.decode([String: String].self)
        let blocks = try await setupBlocks(unitID, saved, form, req)
        do {
            let posts = try DutySetupForm.posts(from: form, blocks: blocks, saved: saved)
            // The box is disabled for all but the head, so that no one else's save changes it.
            let approval = principal.can(.approveRosters) ? form[DutySetupPage.approvalField] == "1" : nil
            try await RosterService.saveSetup(posts, approval: approval, of: unitID, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await renderSetup(req, principal, unit, values: form, posts: saved, errors: FieldChecker(errors))
        }
        return req.redirect(
            to: .rosterPages(.setup(unitID)),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã lưu chốt trực.", "The posts were saved."))
        )
    }

    private func setupBlocks(
        _ unitID: UUID,
        _ posts: [DutyPost],
        _ values: [String: String],
        _ req: Request
    ) async throws -> [DutySetupForm.Block] {
        let sites = try await OrganisationQueries.sites(of: unitID, on: req.db)
        return DutySetupForm.blocks(
            posts: posts,
            sites: sites.map { ($0.code, $0.name) },
            values: values,
            lang: req.pageLanguage
        )
    }

    private func renderSetup(
        _ req: Request,
        _ principal: Principal,
        _ unit: OrgUnit,
        values: [String: String],
        posts: [DutyPost],
        errors: FieldChecker = FieldChecker()
    ) async throws -> Response {
        let unitID = try unit.requireID()
        let model = DutySetupPage.Model(
            unitID: unitID,
            unitName: unit.name,
            blocks: try await setupBlocks(unitID, posts, values, req),
            values: values,
            errors: errors,
            canEdit: principal.can(.manageRosters),
            canApprove: principal.can(.approveRosters)
        )
        return req.page(
            req.pageLanguage("Chốt trực và ca trực", "Duty posts and shifts"),
            status: errors.errors.isEmpty ? .ok : .unprocessableEntity
        ) { DutySetupPage.view(model, $0) }
    }

    /// The nav's "Rosters": a unit's people go to their unit's rosters, others pick a unit.
    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        if case .unit(let unitID, _) = principal.scope { return req.redirect(to: .rosterPages(.list(unitID))) }
        return req.redirect(to: .units)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        return try await renderList(req, principal, unit)
    }

    /// Generates a draft from the form, then shows it; bad dates or days come back beside their fields.
    @Sendable func generate(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let form = try req.content.decode([String: String].self)
        do {
            let input = RosterRequest(
                startDate: form["start_date"].nonEmpty,
                days: try number(form["days"], "days") ?? 31,
                seed: try number(form["seed"], "seed")
            )
            let roster = try await RosterService.generate(input, for: unit, by: principal, on: req)
            return req.redirect(
                to: .rosterPages(.roster(try roster.requireID())),
                flash: Flash(kind: .success, message: req.pageLanguage("Đã lập bản nháp.", "A draft was made."))
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderList(req, principal, unit, values: form, errors: FieldChecker(errors))
        }
    }

    private func number(_ text: String?, _ field: String) throws -> Int? {
        guard let text = text.nonEmpty else { return nil }
        guard let value = Int(text) else {
            throw AppError.invalidFields([FieldError(field: field, reason: .wrongType(expected: "số"))])
        }
        return value
    }

    func renderList(
        _ req: Request,
        _ principal: Principal,
        _ unit: OrgUnit,
        values: [String: String] = [:],
        errors: FieldChecker = FieldChecker()
    ) async throws -> Response {
        let unitID = try unit.requireID()
        let model = RostersPage.Model(
            unitID: unitID,
            unitName: unit.name,
            rows: try await RosterQueries.rosters(of: unitID, on: req.db).compactMap { roster in
                roster.id.map {
                    RostersPage.Row(
                        id: $0,
                        start: SolarDate(iso: roster.startDate),
                        end: SolarDate(iso: roster.endDate),
                        status: roster.status,
                        hardViolations: roster.hardViolations,
                        openSeats: roster.openSeats
                    )
                }
            },
            canGenerate: principal.can(.manageRosters),
            values: values,
            errors: errors,
            accounts: principal.can(.manageRosters) ? try await accountOptions(unitID, on: req.db) : nil
        )
        return req.page(
            req.pageLanguage("Lịch trực", "Rosters"),
            status: errors.errors.isEmpty ? .ok : .unprocessableEntity
        ) { RostersPage.view(model, $0) }
    }

    @Sendable func roster(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        return try await req.keptPage { _ in
            let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
            let model = try await RosterPageData.model(roster, principal, on: req.db)
            return .init(title: req.pageLanguage("Lịch trực", "Roster")) { RosterPage.view(model, $0) }
        }
    }

    /// Publishes; a roster with open seats first gets a page that shows their count and asks to confirm, and a
    /// refused one (not approved, published already) a page that says why at its top, with 422.
    @Sendable func publish(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        let lang = req.pageLanguage
        let form = req.formValues
        do {
            try await RosterService.publish(roster, confirmOpenSeats: form["confirm"] == "1", by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            let confirming = errors.contains { $0.field == "confirm_open_seats" }
            let current = try await RosterQueries.roster(try roster.requireID(), in: principal.scope, on: req.db)
            guard let start = SolarDate(iso: current.startDate), let end = SolarDate(iso: current.endDate) else {
                throw AppError.notFound
            }
            let model = RosterPublishPage.Model(
                id: try current.requireID(),
                unitName: try await OrganisationQueries.unit(current.unitID, in: principal.scope, on: req.db).name,
                start: start,
                end: end,
                openSeats: current.openSeats,
                status: current.status,
                errors: confirming ? FieldChecker() : FieldChecker(errors)
            )
            return req.page(
                lang("Ban hành lịch trực", "Publish the roster"),
                status: confirming ? .ok : .unprocessableEntity
            ) { RosterPublishPage.view(model, $0) }
        }
        return req.redirect(
            to: .rosterPages(.roster(try roster.requireID())),
            flash: Flash(kind: .success, message: lang("Đã công bố lịch trực.", "The roster was published."))
        )
    }

    /// The printable roster with the national heading, A4 landscape.
    @Sendable func print(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        let data = try await RosterPageData.load(roster, on: req.db)
        let unit = try await OrganisationQueries.unit(roster.unitID, in: principal.scope, on: req.db)
        let model = RosterPrintPage.Model(
            unitName: unit.name,
            place: try await OrganisationQueries.areaName(of: unit, on: req.db),
            today: VietnamTime.day(of: req.application.clock.now()),
            start: data.start,
            end: data.end,
            draft: roster.isUnpublished,
            grid: data.grid
        )
        return Response(
            status: .ok,
            headers: ["Content-Type": "text/html; charset=utf-8"],
            body: .init(string: RosterPrintPage.render(model, lang: req.pageLanguage))
        )
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let roster = try await RosterQueries.roster(try req.idParameter(), in: principal.scope, on: req.db)
        let data = try await RosterPageData.load(roster, on: req.db)
        let unit = try await OrganisationQueries.unit(roster.unitID, in: principal.scope, on: req.db)
        let input = RosterExport.Input(
            unitName: unit.name,
            start: data.start,
            end: data.end,
            seats: data.seats,
            names: data.names,
            grid: data.grid,
            report: data.report
        )
        return ImportFileFormat.xlsx.download(
            try XLSXWriter.write(sheets: RosterExport.sheets(input, lang: req.pageLanguage)),
            filename: "lich-truc-\(unit.code)-\(roster.startDate)"
        )
    }
}
