import Fluent
import Vapor

/// Pages for one's own API tokens.
struct TokensController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.tokens), use: index)
        routes.post(SiteURL.route(.tokens), use: create)
        routes.post(SiteURL.route(.tokenRevoke(.placeholder)), use: revoke)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .useAPITokens)
        return try await render(principal, newToken: nil, errors: FieldChecker(), req: req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Decodable { var name: String? }
        let principal = try req.principal(allowedTo: .useAPITokens)
        do {
            let (_, raw) = try await Tokens.create(
                name: try req.content.decode(Form.self).name,
                for: principal,
                on: req
            )
            return try await render(principal, newToken: raw, errors: FieldChecker(), req: req)
        } catch AppError.invalidFields(let errors) {
            let checker = FieldChecker(errors)
            return try await render(principal, newToken: nil, errors: checker, req: req)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .useAPITokens)
        try await Tokens.revoke(try req.idParameter(), for: principal, on: req)
        let lang = req.pageLanguage
        return req.redirect(
            to: .tokens,
            flash: Flash(kind: .success, message: lang("Đã thu hồi mã.", "The token was revoked."))
        )
    }

    private func render(
        _ principal: Principal,
        newToken: String?,
        errors: FieldChecker,
        req: Request
    ) async throws -> Response {
        let rows = try await Tokens.list(for: principal, on: req.db).compactMap { token in
            token.id.map {
                TokensPage.Row(
                    id: $0,
                    name: token.name,
                    prefix: token.prefix,
                    createdAt: token.createdAt.map(VietnamTime.dateTime) ?? "",
                    revoked: token.revokedAt != nil
                )
            }
        }
        let status: HTTPResponseStatus = errors.errors.isEmpty ? .ok : .unprocessableEntity
        let model = TokensPage.Model(rows: rows, newToken: newToken, errors: errors)
        return req.page(req.pageLanguage("Mã API", "API tokens"), status: status) { TokensPage.view(model, $0) }
    }
}
