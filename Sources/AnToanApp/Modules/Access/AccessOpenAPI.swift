import OpenAPIKit

/// The account, token and audit routes in the OpenAPI document.
extension AccessAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get("/api/v1/me", "The signed-in account and its permitted actions", response: MeDTO.self),
            .get(
                "/api/v1/users",
                "Accounts within the caller's scope",
                response: PageDTO<UserDTO>.self,
                query: [.q, .page]
            ),
            .post(
                "/api/v1/users",
                "Create an account",
                request: CreateUserInput.self,
                response: UserDTO.self,
                status: 201
            ),
            .get("/api/v1/users/{id}", "One account (404 outside the caller's scope)", response: UserDTO.self),
            .patch("/api/v1/users/{id}", "Change an account", request: UpdateUserInput.self, response: UserDTO.self),
            .get("/api/v1/tokens", "The caller's API tokens", response: [TokenDTO].self),
            .post(
                "/api/v1/tokens",
                "Create an API token (its value is shown once)",
                request: CreateTokenInput.self,
                response: CreatedTokenDTO.self,
                status: 201
            ),
            .delete("/api/v1/tokens/{id}", "Revoke one of the caller's tokens"),
            .get(
                "/api/v1/audit",
                "The audit trail, newest first",
                response: PageDTO<AuditEntryDTO>.self,
                query: [APIParameter(name: "entity", schema: .text(max: 64)), .page]
            ),
        ]
    }
}
