import Fluent
import Foundation
import Vapor

/// The administrator's page over the audit trail.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.audit), use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        _ = try req.principal(allowedTo: .viewAuditTrail)
        let filters = AuditFilters(
            entity: (try? req.query.get(String.self, at: "entity")).map { String($0.prefix(64)) },
            actor: (try? req.query.get(String.self, at: "actor")).map { String($0.prefix(64)) },
            fromText: (try? req.query.get(String.self, at: "from")).map { String($0.prefix(10)) },
            toText: (try? req.query.get(String.self, at: "to")).map { String($0.prefix(10)) }
        )
        var checker = FieldChecker()
        let range = filters.range(checker: &checker)
        let page = (try? req.query.get(Int.self, at: "page")) ?? 1
        let result = try await AuditQueries.list(filters, from: range.from, to: range.to, page: page, on: req.db)
        let model = AuditPage.Model(
            rows: try await AuditQueries.stories(result.items, on: req.db),
            filters: filters,
            page: result.metadata.page,
            pageCount: result.metadata.pageCount,
            errors: checker
        )
        let status: HTTPResponseStatus = checker.errors.isEmpty ? .ok : .unprocessableEntity
        return req.page(req.pageLanguage("Nhật ký thay đổi", "Audit trail"), status: status) {
            AuditPage.view(model, $0)
        }
    }
}
