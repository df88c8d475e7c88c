import AnToanCore
import Fluent
import Vapor

/// Routing rules (approval chains and report recipients) and the chain of one unit, under /api/v1.
struct RoutingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("routing-rules", use: listRules)
        routes.post("routing-rules", use: createRule)
        routes.delete("routing-rules", ":id", use: deleteRule)
        routes.get("units", ":id", "routing", use: chain)
    }

    /// Rules that can apply within the caller's scope.
    @Sendable func listRules(req: Request) async throws -> [RoutingRuleDTO] {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        return try await RoutingQueries.rules(in: principal.scope, on: req.db).sort(\.$purpose).sort(\.$areaPath)
            .all().map(RoutingRuleDTO.init)
    }

    @Sendable func createRule(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let rule = try await RoutingRegistry.create(try req.decodeJSON(RoutingRuleInput.self), by: principal, on: req)
        return try await RoutingRuleDTO(rule).encodeResponse(status: .created, for: req)
    }

    @Sendable func deleteRule(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let rule = try await RoutingQueries.rule(try req.idParameter(), in: principal.scope, on: req.db)
        try await RoutingRegistry.delete(rule, by: principal, on: req)
        return .noContent
    }

    /// `?purpose=plan_approval|report`: where the unit's plan goes for approval, or its reports go.
    @Sendable func chain(req: Request) async throws -> RoutingChainDTO {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        var checker = FieldChecker()
        let purpose = checker.choice("purpose", try? req.query.get(String.self, at: "purpose"), RoutingPurpose.self)
        try checker.check()
        guard let purpose else { throw AppError.notFound }
        return try RoutingChainDTO(
            unitID: try unit.requireID(),
            purpose: purpose,
            chain: try await RoutingQueries.chain(for: unit, purpose: purpose, on: req.db)
        )
    }
}
