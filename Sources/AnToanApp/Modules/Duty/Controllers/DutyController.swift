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
        let page = try req.pageParameter()
        let (at, all) = try await DutyOversight.current(in: scope, on: req)
        let covers = all.filter { cover in
            guard filter.kind.isEmpty || cover.kind == filter.kind else { return false }
            switch state {
            case nil: return true
            case .short: return !cover.gaps.isEmpty
            case .noSetup: return cover.noSetup
            case .notCheckedIn: return !cover.notCheckedIn.isEmpty
            }
        }
        let pageCount = max(1, (covers.count + OversightPage.pageSize - 1) / OversightPage.pageSize)
        // The most urgent first; `covers` is in name order, which a stable sort keeps within each.
        let ordered = covers.enumerated()
            .sorted { (OversightPage.urgency($0.element), $0.offset) < (OversightPage.urgency($1.element), $1.offset) }
            .map(\.element)
        let model = OversightPage.Model(
            rows: Array(
                ordered.dropFirst((min(page, pageCount) - 1) * OversightPage.pageSize).prefix(OversightPage.pageSize)
            ),
            at: at,
            filter: filter,
            areaOptions: areas.sorted { $0.path < $1.path }.compactMap { area in
                area.id.map { ($0.uuidString, area.name) }
            },
            short: covers.count { $0.noSetup || !$0.gaps.isEmpty },
            noSetup: covers.count(where: \.noSetup),
            absent: covers.count { !$0.notCheckedIn.isEmpty },
            page: min(page, pageCount),
            pageCount: pageCount
        )
        return req.page(req.pageLanguage("Giám sát trực", "Duty oversight")) { OversightPage.view(model, $0) }
    }
}
