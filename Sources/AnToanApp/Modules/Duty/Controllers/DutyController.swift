import AnToanCore
import Vapor

/// Duty pages.
struct DutyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.dutyOversight), use: oversight)
    }

    @Sendable func oversight(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .oversee)
        let at = req.application.clock.now()
        let covers = try await DutyOversight.gaps(in: principal.scope, at: at, now: at, on: req.db)
        let model = OversightPage.Model(
            rows: covers.map {
                OversightPage.Row(
                    unitID: $0.unitID,
                    name: $0.name,
                    code: $0.code,
                    noSetup: $0.noSetup,
                    gaps: $0.gaps,
                    notCheckedIn: $0.notCheckedIn
                )
            },
            at: at
        )
        return req.page(req.pageLanguage("Giám sát trực", "Duty oversight")) { OversightPage.view(model, $0) }
    }
}
