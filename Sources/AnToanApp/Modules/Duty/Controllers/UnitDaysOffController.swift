import AnToanCore
import Vapor

/// A unit's days off: its weekly rest days (a unit setting) and the year's holidays with the compensatory days
/// those rest days give it, as a page and under /api/v1.
struct UnitDaysOffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.unitDaysOff(.placeholder)), use: page)
        routes.post(SiteURL.route(.unitDaysOff(.placeholder)), use: save)
    }

    /// The unit's days off in `?year=` (this year in Vietnam by default) and, for its managers, the rest-day form.
    @Sendable func page(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        return try await render(req, principal, unit, errors: FieldChecker())
    }

    @Sendable func save(req: Request) async throws -> Response {
        struct Form: Decodable { var weekly_rest: String? }
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        do {
            try await DutyCalendar.setWeeklyRest(
                try req.content.decode(Form.self).weekly_rest,
                of: unit,
                by: principal,
                on: req
            )
        } catch AppError.invalidFields(let errors) {
            return try await render(req, principal, unit, errors: FieldChecker(errors), status: .unprocessableEntity)
        }
        return req.redirect(
            to: .unitDaysOff(try unit.requireID()),
            flash: Flash(
                kind: .success,
                message: req.pageLanguage("Đã lưu ngày nghỉ hằng tuần.", "The weekly rest days were saved.")
            )
        )
    }

    private func render(
        _ req: Request,
        _ principal: Principal,
        _ unit: OrgUnit,
        errors: FieldChecker,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let thisYear = VietnamTime.day(of: req.application.clock.now()).year
        let year =
            (try? req.query.get(Int.self, at: "year")).flatMap { (1900...2199).contains($0) ? $0 : nil } ?? thisYear
        let (rest, chosen) = try await DutyCalendar.weeklyRest(of: unit, on: req.db)
        let model = UnitDaysOffPage.Model(
            unitID: try unit.requireID(),
            unitName: unit.name,
            year: year,
            rest: rest,
            chosen: chosen,
            standard: WeeklyRest.standard(for: UnitKind(rawValue: unit.kind)),
            days: try await DutyCalendar.daysOff(year: year, rest: rest, on: req.db),
            canEdit: principal.can(.manageRosters),
            errors: errors
        )
        let lang = req.pageLanguage
        return req.page(lang("Ngày nghỉ của \(unit.name)", "Days off of \(unit.name)"), status: status) {
            UnitDaysOffPage.view(model, $0)
        }
    }
}

/// /api/v1: a unit's weekly rest days and its days off in a year.
struct UnitDaysOffAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", ":id", "days-off", ":year", use: daysOff)
        routes.put("units", ":id", "weekly-rest", use: setWeeklyRest)
    }

    @Sendable func daysOff(req: Request) async throws -> UnitDaysOffDTO {
        let principal = try req.principal(allowedTo: .viewRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        return try await Self.dto(unit, year: try req.yearParameter(), on: req)
    }

    /// Sets the unit's rest days and answers with this year's days off.
    @Sendable func setWeeklyRest(req: Request) async throws -> UnitDaysOffDTO {
        let principal = try req.principal(allowedTo: .manageRosters)
        let unit = try await RosterQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let input = try req.decodeJSON(WeeklyRestInput.self)
        try await DutyCalendar.setWeeklyRest(input.weeklyRest, of: unit, by: principal, on: req)
        return try await Self.dto(unit, year: VietnamTime.day(of: req.application.clock.now()).year, on: req)
    }

    private static func dto(_ unit: OrgUnit, year: Int, on req: Request) async throws -> UnitDaysOffDTO {
        let (rest, chosen) = try await DutyCalendar.weeklyRest(of: unit, on: req.db)
        return UnitDaysOffDTO(
            unitId: try unit.requireID(),
            year: year,
            weeklyRest: rest.rawValue,
            chosen: chosen,
            days: try await DutyCalendar.daysOff(year: year, rest: rest, on: req.db).map {
                UnitDaysOffDTO.Day(day: DayDTO($0.date.iso), name: $0.nameVi, kind: $0.kind.rawValue)
            }
        )
    }
}

extension UnitDaysOffAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/units/{id}/days-off/{year}",
                "The unit's weekly rest days and its days off in the year, compensatory days worked out for them",
                response: UnitDaysOffDTO.self
            ),
            .put(
                "/api/v1/units/{id}/weekly-rest",
                "Set the unit's weekly rest days (sun or sat_sun; left out: the standard for its kind)",
                request: WeeklyRestInput.self,
                response: UnitDaysOffDTO.self
            ),
        ]
    }
}
