import AnToanCore
import Fluent
import Foundation
import Vapor

/// The patrol pages: today's rounds and the routes of the reader's scope, a route with its checkpoints and
/// forms, the label sheet, a round's report (print and XLSX), the sổ tuần tra, observations.
struct PatrolsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.patrols(.index)), use: index)
        routes.get(SiteURL.route(.patrols(.routeNew(unit: .placeholder))), use: newRoute)
        routes.post(SiteURL.route(.patrols(.routeNew(unit: .placeholder))), use: createRoute)
        routes.get(SiteURL.route(.patrols(.route(.placeholder))), use: showRoute)
        routes.post(SiteURL.route(.patrols(.routeEdit(.placeholder))), use: editRoute)
        routes.post(SiteURL.route(.patrols(.checkpointAdd(route: .placeholder))), use: addCheckpoint)
        routes.post(SiteURL.route(.patrols(.checkpoint(.placeholder))), use: editCheckpoint)
        routes.post(SiteURL.route(.patrols(.checkpointRemove(.placeholder))), use: removeCheckpoint)
        routes.post(SiteURL.route(.patrols(.checkpointRenew(.placeholder))), use: renewLabels)
        routes.post(SiteURL.route(.patrols(.checkpointNFC(.placeholder))), use: setNFC)
        routes.get(SiteURL.route(.patrols(.labels(route: .placeholder))), use: labels)
        routes.get(SiteURL.route(.patrols(.round(.placeholder))), use: round)
        routes.get(SiteURL.route(.patrols(.roundExport(.placeholder))), use: exportRound)
        routes.get(SiteURL.route(.patrols(.book)), use: book)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let now = req.application.clock.now()
        let today = VietnamTime.day(of: now)
        // Tonight's rounds belong to the day the night began: before the morning, yesterday's are shown too.
        var rounds = try await PatrolQueries.rounds(in: principal.scope, on: req.db)
            .filter(\.$endsAt > now.addingTimeInterval(-12 * 3_600))
            .filter(\.$startsAt < now.addingTimeInterval(12 * 3_600)).sort(\.$startsAt).limit(300).all()
        rounds.sort { $0.startsAt < $1.startsAt }
        let routes = try await PatrolQueries.routes(in: principal.scope, on: req.db).sort(\.$name).limit(500).all()
        let routeNames = Dictionary(
            routes.compactMap { r in r.id.map { ($0, r.name) } },
            uniquingKeysWith: { a, _ in a }
        )
        let unitNames = try await OrganisationQueries.unitNames(Set(routes.map(\.unitID)), on: req.db)
        let model = PatrolsPage.Model(
            day: today,
            rounds: rounds.map { round in
                PatrolsPage.RoundRow(round: round, routeName: routeNames[round.routeID] ?? "", now: now)
            },
            routes: routes.map { ($0, unitNames[$0.unitID] ?? "") },
            newRouteUnit: principal.can(.managePatrols) ? IncidentsController.ownUnit(principal) : nil,
            showUnits: principal.scope.kind != .unit
        )
        return req.page(req.pageLanguage("Tuần tra", "Patrols")) { PatrolsPage.view(model, $0) }
    }

    @Sendable func newRoute(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        return try await renderNew(req, principal: principal, unitID: try req.idParameter(), failed: nil)
    }

    private func renderNew(
        _ req: Request,
        principal: Principal,
        unitID: UUID,
        failed: FormFailure?
    ) async throws
        -> Response
    {
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db)
        let model = PatrolRouteForm.NewModel(unitID: try unit.requireID(), unitName: unit.name, failed: failed)
        return req.page(
            req.pageLanguage("Thêm tuyến tuần tra", "New patrol route"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { PatrolRouteForm.newPage(model, $0) }
    }

    @Sendable func createRoute(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let unitID = try req.idParameter()
        let values = req.formValues
        do {
            let route = try await PatrolService.createRoute(
                unit: unitID,
                PatrolForms.route(values),
                by: principal,
                on: req.application
            )
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage(
                    "Đã thêm tuyến. Hãy thêm các điểm tuần tra.",
                    "Route added. Now add its checkpoints."
                )
            )
            return req.redirect(to: .patrols(.route(try route.requireID())), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: PatrolRouteForm.routeForm, errors: errors, values: values)
            return try await renderNew(req, principal: principal, unitID: unitID, failed: failed)
        }
    }

    @Sendable func showRoute(req: Request) async throws -> Response {
        try await renderRoute(req, id: try req.idParameter(), failed: nil)
    }

    private func renderRoute(_ req: Request, id: UUID, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let route = try await PatrolQueries.route(id, in: principal.scope, on: req.db)
        let checkpoints = try await PatrolQueries.checkpoints(of: id, on: req.db)
        let now = req.application.clock.now()
        let rounds = try await PatrolQueries.rounds(in: principal.scope, on: req.db).filter(\.$routeID == id)
            .filter(\.$endsAt > now.addingTimeInterval(-86_400)).sort(\.$startsAt).limit(100).all()
        let sites = try await IncidentQueries.sites(of: route.unitID, on: req.db)
        let unitNames = try await OrganisationQueries.unitNames([route.unitID], on: req.db)
        let model = PatrolRoutePage.Model(
            route: route,
            unitName: unitNames[route.unitID] ?? "",
            checkpoints: checkpoints,
            sites: sites.compactMap { site in site.id.map { ($0, site.name) } },
            rounds: rounds,
            now: now,
            canManage: principal.can(.managePatrols),
            failed: failed
        )
        return req.page(route.name, status: failed == nil ? .ok : .unprocessableEntity) {
            PatrolRoutePage.view(model, $0)
        }
    }

    @Sendable func editRoute(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let id = try req.idParameter()
        let values = req.formValues
        do {
            _ = try await PatrolService.updateRoute(id, PatrolForms.route(values), by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: PatrolRouteForm.routeForm, errors: errors, values: values)
            return try await renderRoute(req, id: id, failed: failed)
        }
        return req.redirect(to: .patrols(.route(id)), flash: saved(req))
    }

    @Sendable func addCheckpoint(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let id = try req.idParameter()
        let values = req.formValues
        do {
            _ = try await PatrolService.addCheckpoint(
                route: id,
                PatrolForms.checkpoint(values),
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: PatrolRoutePage.addForm, errors: errors, values: values)
            return try await renderRoute(req, id: id, failed: failed)
        }
        return req.redirect(to: .patrols(.route(id)), flash: saved(req))
    }

    @Sendable func editCheckpoint(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let id = try req.idParameter()
        let values = req.formValues
        let found = try await PatrolQueries.checkpoint(id, in: principal.scope, on: req.db)
        do {
            _ = try await PatrolService.updateCheckpoint(
                id,
                PatrolForms.checkpoint(values),
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(
                form: PatrolRoutePage.editForm(id),
                errors: errors,
                values: values
            )
            return try await renderRoute(req, id: found.routeID, failed: failed)
        }
        return req.redirect(to: .patrols(.route(found.routeID)), flash: saved(req))
    }

    @Sendable func removeCheckpoint(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let checkpoint = try await PatrolService.updateCheckpoint(
            try req.idParameter(),
            nil,
            remove: true,
            by: principal,
            on: req.application
        )
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã bỏ điểm khỏi tuyến.", "Checkpoint removed."))
        return req.redirect(to: .patrols(.route(checkpoint.routeID)), flash: flash)
    }

    @Sendable func renewLabels(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let checkpoint = try await PatrolService.renewLabels(try req.idParameter(), by: principal, on: req.application)
        let flash = Flash(
            kind: .success,
            message: req.pageLanguage(
                "Đã cấp tem mới; tem cũ của điểm \(checkpoint.name) không còn hiệu lực. Hãy in và dán tem mới.",
                "New labels issued; the old labels of \(checkpoint.name) no longer count. Print and put up the new ones."
            )
        )
        return req.redirect(to: .patrols(.route(checkpoint.routeID)), flash: flash)
    }

    @Sendable func setNFC(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let id = try req.idParameter()
        let values = req.formValues
        let found = try await PatrolQueries.checkpoint(id, in: principal.scope, on: req.db)
        do {
            _ = try await PatrolService.setNFC(
                id,
                PatrolNFCInput(metaKey: values["meta_key"], fileKey: values["file_key"], uid: values["uid"]),
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            // The keys are never shown again, not even as typed.
            let failed = FormFailure(form: PatrolRoutePage.nfcForm(id), errors: errors, values: [:])
            return try await renderRoute(req, id: found.routeID, failed: failed)
        }
        return req.redirect(to: .patrols(.route(found.routeID)), flash: saved(req))
    }

    @Sendable func labels(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .managePatrols)
        let route = try await PatrolQueries.route(try req.idParameter(), in: principal.scope, on: req.db)
        let checkpoints = try await PatrolQueries.checkpoints(of: try route.requireID(), on: req.db)
        let unitNames = try await OrganisationQueries.unitNames([route.unitID], on: req.db)
        let base = req.application.appConfig.baseURL
        let secret = req.application.secret
        // Encoding a hundred symbols is CPU work: off the event loops.
        let labels = try await req.application.offLoop {
            try PatrolLabelsPage.labels(checkpoints, base: base, secret: secret)
        }
        let model = PatrolLabelsPage.Model(
            unitName: unitNames[route.unitID] ?? "",
            routeName: route.name,
            routeID: try route.requireID(),
            labels: labels
        )
        return req.page(req.pageLanguage("Tem điểm tuần tra", "Checkpoint labels")) {
            PatrolLabelsPage.view(model, $0)
        }
    }

    @Sendable func round(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let detail = try await PatrolRoundDetail.load(
            try req.idParameter(),
            in: principal.scope,
            now: req.application.clock.now(),
            on: req.db
        )
        let title = req.pageLanguage("Lượt tuần tra", "Patrol round") + " " + PatrolWords.window(detail.round)
        return req.page(title) { PatrolRoundPage.view(detail, $0) }
    }

    @Sendable func exportRound(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let detail = try await PatrolRoundDetail.load(
            try req.idParameter(),
            in: principal.scope,
            now: req.application.clock.now(),
            on: req.db
        )
        let lang = req.pageLanguage
        let bytes = try await req.application.offLoop {
            try XLSXWriter.write(sheets: [PatrolRoundPage.sheet(detail, lang)])
        }
        return ImportFileFormat.xlsx.download(bytes, filename: "luot-tuan-tra-\(detail.round.day)")
    }

    @Sendable func book(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewPatrols)
        let now = req.application.clock.now()
        var checker = FieldChecker()
        let day =
            checker.date("day", try? req.query.get(String.self, at: "day")).flatMap(SolarDate.init(iso:))
            ?? VietnamTime.day(of: now)
        let rounds = try await PatrolQueries.rounds(on: day.iso, in: principal.scope, on: req.db)
        let routeNames = try await PatrolQueries.routeNames(Set(rounds.map(\.routeID)), on: req.db)
        var entries: [PatrolBookPage.Entry] = []
        for round in rounds {
            let scans = try await PatrolQueries.scans(of: try round.requireID(), on: req.db)
            let names = try await PatrolQueries.checkpointNames(of: round.routeID, on: req.db)
            entries.append(
                PatrolBookPage.Entry(
                    round: round,
                    routeName: routeNames[round.routeID] ?? "",
                    rows: PatrolRoundDetail.rows(round, scans: scans, names: names, now: now),
                    walkers: Array(Set(scans.filter(\.accepted).map(\.userName))).sorted()
                )
            )
        }
        let unitNames = try await OrganisationQueries.unitNames(Set(rounds.map(\.unitID)), on: req.db)
        let model = PatrolBookPage.Model(
            day: day,
            unitName: unitNames.count == 1 ? unitNames.values.first ?? "" : "",
            entries: entries,
            errors: checker
        )
        return req.page(
            req.pageLanguage("Sổ tuần tra", "Patrol log book"),
            status: checker.errors.isEmpty ? .ok : .unprocessableEntity
        ) { PatrolBookPage.view(model, $0) }
    }

    private func saved(_ req: Request) -> Flash {
        Flash(kind: .success, message: req.pageLanguage("Đã lưu.", "Saved."))
    }
}
