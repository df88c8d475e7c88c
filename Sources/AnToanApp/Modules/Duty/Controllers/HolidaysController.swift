import AnToanCore
import Vapor

/// The holidays page: a year's days off and anniversaries; administrators confirm, add and remove days through
/// the same `DutyCalendar.confirm` as `PUT /api/v1/holidays/{year}`.
struct HolidaysController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.holidays), use: currentYear)
        routes.get(SiteURL.route(.holidayYear(0)), use: year)
        routes.post(SiteURL.route(.holidayChange(0, .confirm)), use: confirm)
        routes.post(SiteURL.route(.holidayChange(0, .add)), use: add)
        routes.post(SiteURL.route(.holidayChange(0, .remove)), use: remove)
    }

    /// This year in Vietnam.
    @Sendable func currentYear(req: Request) async throws -> Response {
        try await render(req, year: VietnamTime.day(of: req.application.clock.now()).year, failed: nil)
    }

    @Sendable func year(req: Request) async throws -> Response {
        try await render(req, year: try req.yearParameter(), failed: nil)
    }

    /// Confirms the schedule as it stands (the proposal while nothing is stored).
    @Sendable func confirm(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let year = try req.yearParameter()
        _ = try await DutyCalendar.confirm(year: year, days: nil, by: principal, on: req)
        return req.redirect(
            to: .holidayYear(year),
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đã xác nhận lịch nghỉ năm \(year).", "The \(year) days off are confirmed.")
            )
        )
    }

    /// Adds a day to the schedule and confirms it; the new day's errors sit beside the form's fields.
    @Sendable func add(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let year = try req.yearParameter()
        let form = try req.content.decode([String: String].self)
        var days = try await schedule(year, on: req)
        let added = days.count
        days.append(HolidayInput.Day(date: form["date"], name: form["name"]))
        do {
            _ = try await DutyCalendar.confirm(year: year, days: days, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            // `days[n].date` of the added day is the form's `date`.
            let named = errors.map { error in
                FieldError(
                    field: error.field.replacingOccurrences(of: "days[\(added)].", with: ""),
                    reason: error.reason
                )
            }
            return try await render(
                req,
                year: year,
                failed: .init(form: "day", errors: FieldChecker(named), values: form)
            )
        }
        return req.redirect(
            to: .holidayYear(year),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã thêm ngày nghỉ.", "The day off was added."))
        )
    }

    /// Removes one day and confirms the rest; a year keeps at least one day off.
    @Sendable func remove(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let year = try req.yearParameter()
        let date = try req.content.decode([String: String].self)["date"] ?? ""
        let days = try await schedule(year, on: req)
        let rest = days.filter { $0.date != date }
        guard rest.count < days.count else { throw AppError.notFound }
        guard !rest.isEmpty else {
            return req.redirect(
                to: .holidayYear(year),
                flash: Flash(
                    kind: .error,
                    message: req.pageLanguage(
                        "Năm phải còn ít nhất một ngày nghỉ.",
                        "A year keeps at least one day off."
                    )
                )
            )
        }
        _ = try await DutyCalendar.confirm(year: year, days: rest, by: principal, on: req)
        let shown = SolarDate(iso: date)?.dmy ?? date
        return req.redirect(
            to: .holidayYear(year),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã bỏ ngày \(shown).", "\(shown) was removed."))
        )
    }

    /// The compensatory days of the reader's own unit, for its weekly rest days; without a unit (authorities,
    /// administrators), those of each pattern, side by side.
    private func compensatory(
        _ year: Int,
        for principal: Principal,
        on req: Request
    ) async throws
        -> [HolidaysPage.Compensatory]
    {
        var unit: OrgUnit?
        var rests = WeeklyRest.allCases
        if case .unit(let id, _) = principal.scope {
            let own = try await OrganisationQueries.unit(id, in: principal.scope, on: req.db)
            // A department keeps no rest days of its own: its account reads both patterns.
            if own.$parent.id == nil {
                unit = own
                rests = [try await DutyCalendar.weeklyRest(of: own, on: req.db).rest]
            }
        }
        var columns: [HolidaysPage.Compensatory] = []
        for rest in rests {
            columns.append(
                HolidaysPage.Compensatory(
                    rest: rest,
                    unitName: unit?.name,
                    unitID: unit?.id,
                    days: try await DutyCalendar.daysOff(year: year, rest: rest, on: req.db)
                        .filter { $0.kind == .compensatory }
                )
            )
        }
        return columns
    }

    private func schedule(_ year: Int, on req: Request) async throws -> [HolidayInput.Day] {
        try await DutyCalendar.daysOff(year: year, on: req.db).map { HolidayInput.Day(date: $0.date, name: $0.name) }
    }

    private func render(_ req: Request, year: Int, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let days = try await DutyCalendar.daysOff(year: year, on: req.db)
        let model = HolidaysPage.Model(
            year: year,
            // Compensatory days depend on the weekly rest days: they are listed for each pattern below.
            days: days.filter { $0.kind != Holiday.Kind.compensatory.rawValue }.compactMap { day in
                SolarDate(iso: day.date).map { HolidaysPage.Day(date: $0, name: day.name, kind: day.kind) }
            },
            compensatory: try await compensatory(year, for: principal, on: req),
            confirmed: days.contains { $0.confirmed },
            anniversaries: HolidayCalendar.anniversaries(year: year),
            canEdit: principal.can(.manageAccounts),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Ngày nghỉ lễ \(year)", "Public holidays \(year)"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { HolidaysPage.view(model, $0) }
    }
}
