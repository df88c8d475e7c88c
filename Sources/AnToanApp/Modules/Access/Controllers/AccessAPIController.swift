import AnToanCore
import Fluent
import Vapor

/// The JSON API of accounts, tokens and the audit trail under /api/v1.
struct AccessAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", use: me)
        routes.get("users", use: listUsers)
        routes.post("users", use: createUser)
        routes.get("users", ":id", use: getUser)
        routes.patch("users", ":id", use: updateUser)
        routes.get("tokens", use: listTokens)
        routes.post("tokens", use: createToken)
        routes.delete("tokens", ":id", use: revokeToken)
        routes.get("audit", use: listAudit)
    }

    @Sendable func me(req: Request) async throws -> MeDTO {
        MeDTO(try req.principal())
    }

    @Sendable func listUsers(req: Request) async throws -> PageDTO<UserDTO> {
        let principal = try req.principal(allowedTo: .viewAccounts)
        let search = try? req.query.get(String.self, at: "q")
        if let search, search.count > 100 {
            throw AppError.invalidFields([FieldError(field: "q", reason: .tooLong(max: 100))])
        }
        let page = try req.pageParameter()
        let result = try await UserQueries.list(in: principal.scope, search: search, page: page, on: req.db)
        return PageDTO(items: try result.items.map(UserDTO.init), metadata: result.metadata)
    }

    @Sendable func getUser(req: Request) async throws -> UserDTO {
        let principal = try req.principal(allowedTo: .viewAccounts)
        return try UserDTO(try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db))
    }

    @Sendable func createUser(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let input = try req.decodeJSON(CreateUserInput.self)
        let user = try await Accounts.create(input.draft, by: principal, on: req)
        return try await UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateUser(req: Request) async throws -> UserDTO {
        let principal = try req.principal(allowedTo: .manageAccounts)
        let user = try await UserQueries.find(try req.idParameter(), in: principal.scope, on: req.db)
        let input = try req.decodeJSON(UpdateUserInput.self)
        try await Accounts.update(user, with: input.draft, by: principal, on: req)
        return try UserDTO(user)
    }

    @Sendable func listTokens(req: Request) async throws -> [TokenDTO] {
        let principal = try req.principal(allowedTo: .useAPITokens)
        return try await Tokens.list(for: principal, on: req.db).map(TokenDTO.init)
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .useAPITokens)
        let input = try req.decodeJSON(CreateTokenInput.self)
        let (token, raw) = try await Tokens.create(name: input.name, for: principal, on: req)
        return try await CreatedTokenDTO(token: raw, info: TokenDTO(token)).encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let principal = try req.principal(allowedTo: .useAPITokens)
        try await Tokens.revoke(try req.idParameter(), for: principal, on: req)
        return .noContent
    }

    @Sendable func listAudit(req: Request) async throws -> PageDTO<AuditEntryDTO> {
        _ = try req.principal(allowedTo: .viewAuditTrail)
        let entity = try? req.query.get(String.self, at: "entity")
        let result = try await AuditQueries.list(
            AuditFilters(entity: entity.map { String($0.prefix(64)) }),
            from: nil,
            to: nil,
            page: try req.pageParameter(),
            on: req.db
        )
        return PageDTO(items: result.items.map(AuditEntryDTO.init), metadata: result.metadata)
    }
}

extension Request {
    /// `?page=N`, 1 when absent; a value that is not a positive number is a 422 naming `page`.
    func pageParameter() throws -> Int {
        guard let raw = try? query.get(String.self, at: "page") else { return 1 }
        guard let page = Int(raw), page >= 1, page <= 1_000_000 else {
            throw AppError.invalidFields([
                FieldError(
                    field: "page",
                    reason: .invalid(vi: "phải là số nguyên dương", en: "must be a positive whole number")
                )
            ])
        }
        return page
    }
}
