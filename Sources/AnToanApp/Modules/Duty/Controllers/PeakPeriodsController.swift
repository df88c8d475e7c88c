import AnToanCore
import Vapor

/// The peak periods page: the periods that concern the reader, and the form an authority declares one with
/// (`DutyCalendar.declarePeak`, as `POST /api/v1/peak-periods`).
struct PeakPeriodsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.peakPeriods), use: list)
        routes.post(SiteURL.route(.peakPeriods), use: declare)
        routes.post(SiteURL.route(.peakPeriod(.placeholder)), use: edit)
        routes.post(SiteURL.route(.peakPeriodEnd(.placeholder)), use: end)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    @Sendable func declare(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .declarePeakPeriod)
        let form = try req.content.decode([String: String].self)
        let input = PeakPeriodInput(
            name: form["name"],
            areaId: form["area_id"].flatMap(UUID.init(uuidString:)),
            startDate: form["start_date"],
            endDate: form["end_date"],
            extraLeaders: Self.count(form["extra_leaders"]),
            extraOfficers: Self.count(form["extra_officers"])
        )
        do {
            _ = try await DutyCalendar.declarePeak(input, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(req, failed: .init(form: "peak", errors: errors, values: form))
        }
        return req.redirect(
            to: .peakPeriods,
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đã khai báo đợt cao điểm.", "The peak period was declared.")
            )
        )
    }

    /// Saves an edit of one period; refused fields come back beside the fields of that period's form.
    @Sendable func edit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .declarePeakPeriod)
        let id = try req.idParameter()
        let form = try req.content.decode([String: String].self)
        let change = PeakPeriodEdits.Change(
            name: form["name"],
            startDate: form["start_date"],
            endDate: form["end_date"],
            extraLeaders: Self.count(form["extra_leaders"]),
            extraOfficers: Self.count(form["extra_officers"])
        )
        do {
            _ = try await PeakPeriodEdits.update(id, change, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                failed: .init(form: PeakPeriodsPage.editForm(id), errors: errors, values: form)
            )
        }
        return req.redirect(
            to: .peakPeriods,
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đã lưu đợt cao điểm.", "The peak period was saved.")
            )
        )
    }

    /// Ends a period under way today.
    @Sendable func end(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .declarePeakPeriod)
        let id = try req.idParameter()
        do {
            _ = try await PeakPeriodEdits.endToday(id, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                failed: .init(form: PeakPeriodsPage.editForm(id), errors: errors, values: [:])
            )
        }
        return req.redirect(
            to: .peakPeriods,
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đợt cao điểm kết thúc hôm nay.", "The peak period ends today.")
            )
        )
    }

    /// A form's count: empty is 0, so that a period adding nobody is refused; text that is not a number is
    /// passed on as -1, which the service refuses by name.
    private static func count(_ text: String?) -> Int {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? 0 : Int(trimmed) ?? -1
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let peaks = try await PeakPeriodQueries.visible(in: principal.scope, on: req.db)
        let names = try await OrganisationQueries.areaNames(Set(peaks.map(\.areaID)), on: req.db)
        let canDeclare = principal.can(.declarePeakPeriod)
        let areas = canDeclare ? try await PeakPeriodQueries.declarableAreas(for: principal.scope, on: req.db) : []
        let model = PeakPeriodsPage.Model(
            rows: peaks.map {
                PeakPeriodsPage.Row(
                    id: $0.id,
                    editable: canDeclare && AreaPath($0.areaPath).map { principal.scope.covers(.area($0)) } == true,
                    name: $0.name,
                    areaName: names[$0.areaID] ?? $0.areaPath,
                    start: $0.startDate,
                    end: $0.endDate,
                    extraLeaders: $0.extraLeaders,
                    extraOfficers: $0.extraOfficers
                )
            },
            canDeclare: canDeclare,
            today: VietnamTime.day(of: req.application.clock.now()).iso,
            areas: areas.compactMap { area in area.id.map { ($0.uuidString, "\(area.name) (\(area.code))") } },
            failed: failed
        )
        return req.page(
            req.pageLanguage("Đợt cao điểm", "Peak periods"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { PeakPeriodsPage.view(model, $0) }
    }
}
