import AnToanCore
import Vapor

/// Duty pages.
struct DutyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.dutyOversight), use: oversight)
    }

    /// The units short of cover, narrowed by commune, kind and state (GET parameters; an unknown value is a 422).
    @Sendable func oversight(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .oversee)
        let at = req.application.clock.now()
        let areas = try await OrganisationQueries.areas(asOf: nil, on: req.db)
            .filter { principal.scope.covers(.area($0.areaPath)) }
        let filter = OversightPage.Filter(
            area: (try? req.query.get(String.self, at: "area")) ?? "",
            kind: (try? req.query.get(String.self, at: "kind")) ?? "",
            state: (try? req.query.get(String.self, at: "state")) ?? ""
        )
        var checker = FieldChecker()
        let area = areas.first { $0.id?.uuidString == filter.area }
        if !filter.area.isEmpty, area == nil {
            checker.add(
                "area",
                .invalid(vi: "không có địa bàn này trong phạm vi của bạn", en: "no such area in your scope")
            )
        }
        if !filter.kind.isEmpty, UnitKind(rawValue: filter.kind) == nil {
            checker.add("kind", .invalid(vi: "không có loại đơn vị này", en: "no such kind of unit"))
        }
        let state = OversightPage.State(rawValue: filter.state)
        if !filter.state.isEmpty, state == nil {
            checker.add("state", .invalid(vi: "không có tình trạng này", en: "no such state"))
        }
        try checker.check()
        let scope = area.map { Scope.area($0.areaPath) } ?? principal.scope
        let covers = try await DutyOversight.gaps(in: scope, at: at, now: at, on: req.db).filter { cover in
            guard filter.kind.isEmpty || cover.kind == filter.kind else { return false }
            switch state {
            case nil: return true
            case .short: return !cover.gaps.isEmpty
            case .noSetup: return cover.noSetup
            case .notCheckedIn: return !cover.notCheckedIn.isEmpty
            }
        }
        let model = OversightPage.Model(
            rows: covers,
            at: at,
            filter: filter,
            areaOptions: areas.sorted { $0.path < $1.path }.compactMap { area in
                area.id.map { ($0.uuidString, area.name) }
            },
            outOfDate: try await RosterQueries.outOfDateUnits(in: scope, today: VietnamTime.day(of: at), on: req.db)
        )
        return req.page(req.pageLanguage("Giám sát trực", "Duty oversight")) { OversightPage.view(model, $0) }
    }
}
