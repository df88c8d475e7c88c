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
        return try await req.keptPage { head in try await oversightPage(req, principal, head: head) }
    }

    /// The filters checked, the cover at `head` read and narrowed, and the page of rows asked for.
    private func oversightPage(_ req: Request, _ principal: Principal, head: Int) async throws -> KeptPages.Build {
        // Today's areas in scope, for the commune filter: three columns each, in path order.
        let areas = try await req.db.rows("SELECT id, name, path FROM areas WHERE valid_to IS NULL ORDER BY path") {
            (id: try $0.next(UUID.self), name: try $0.next(String.self), path: AreaPath(try $0.next(String.self)))
        }
        .filter { area in area.path.map { principal.scope.covers(.area($0)) } ?? false }
        let filter = OversightPage.Filter(
            area: (try? req.query.get(String.self, at: "area")) ?? "",
            kind: (try? req.query.get(String.self, at: "kind")) ?? "",
            state: (try? req.query.get(String.self, at: "state")) ?? ""
        )
        var checker = FieldChecker()
        let area = areas.first { $0.id.uuidString == filter.area }
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
        let scope = area?.path.map { Scope.area($0) } ?? principal.scope
        let page = try req.pageParameter()
        let (at, all) = try await DutyOversight.current(in: scope, head: head, on: req)
        // Positions in `all`, not copies: a province's covers are thousands of records.
        let matching = all.indices.filter { index in
            let cover = all[index]
            guard filter.kind.isEmpty || cover.kind == filter.kind else { return false }
            switch state {
            case nil: return true
            case .short: return !cover.gaps.isEmpty
            case .noSetup: return cover.noSetup
            case .notCheckedIn: return !cover.notCheckedIn.isEmpty
            }
        }
        let pageCount = max(1, (matching.count + OversightPage.pageSize - 1) / OversightPage.pageSize)
        // The most urgent first; `all` is in name order, which the positions keep within each.
        let urgency = Dictionary(uniqueKeysWithValues: matching.map { ($0, OversightPage.urgency(all[$0])) })
        let ordered = matching.sorted { (urgency[$0] ?? 0, $0) < (urgency[$1] ?? 0, $1) }
        let shown = ordered.dropFirst((min(page, pageCount) - 1) * OversightPage.pageSize)
            .prefix(OversightPage.pageSize)
        let model = OversightPage.Model(
            rows: shown.map { all[$0] },
            at: at,
            filter: filter,
            areaOptions: areas.map { ($0.id.uuidString, $0.name) },
            short: matching.count { all[$0].noSetup || !all[$0].gaps.isEmpty },
            noSetup: matching.count { all[$0].noSetup },
            absent: matching.count { !all[$0].notCheckedIn.isEmpty },
            page: min(page, pageCount),
            pageCount: pageCount
        )
        return .init(title: req.pageLanguage("Giám sát trực", "Duty oversight")) { OversightPage.view(model, $0) }
    }
}
