import Foundation

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. A test checks it against the routes.
enum OpenAPI {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var request: String?
        var response: String?
        var status = 200
        var query: [String] = []
    }

    static let operations: [Operation] =
        [
            Operation(
                method: "get",
                path: "/api/v1/me",
                summary: "The signed-in account and its permitted actions",
                response: "Me"
            ),
            Operation(
                method: "get",
                path: "/api/v1/users",
                summary: "Accounts within the caller's scope",
                response: "UserPage",
                query: ["q", "page"]
            ),
            Operation(
                method: "post",
                path: "/api/v1/users",
                summary: "Create an account",
                request: "CreateUser",
                response: "User",
                status: 201
            ),
            Operation(
                method: "get",
                path: "/api/v1/users/{id}",
                summary: "One account (404 outside the caller's scope)",
                response: "User"
            ),
            Operation(
                method: "patch",
                path: "/api/v1/users/{id}",
                summary: "Change an account",
                request: "UpdateUser",
                response: "User"
            ),
            Operation(method: "get", path: "/api/v1/tokens", summary: "The caller's API tokens", response: "TokenList"),
            Operation(
                method: "post",
                path: "/api/v1/tokens",
                summary: "Create an API token (its value is shown once)",
                request: "CreateToken",
                response: "CreatedToken",
                status: 201
            ),
            Operation(
                method: "delete",
                path: "/api/v1/tokens/{id}",
                summary: "Revoke one of the caller's tokens",
                status: 204
            ),
            Operation(
                method: "get",
                path: "/api/v1/audit",
                summary: "The audit trail, newest first",
                response: "AuditPage",
                query: ["entity", "page"]
            ),
        ] + organisationOperations + importOperations + dutyOperations + dutyWatchOperations + rosterEditOperations

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var entry: [String: Any] = [
                "summary": operation.summary,
                "operationId": operation.method
                    + operation.path.replacingOccurrences(of: "/api/v1", with: "")
                    .split(separator: "/").map {
                        $0.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").capitalized
                    }.joined(),
                "security": [["bearer": [String]()]],
                "responses": responses(operation),
            ]
            var parameters: [[String: Any]] = operation.query.map { name in
                [
                    "name": name, "in": "query", "required": false,
                    "schema": name == "page"
                        ? ["type": "integer", "minimum": 1] : ["type": "string", "maxLength": 100],
                ]
            }
            if operation.path.contains("{id}") {
                parameters.append([
                    "name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
                ])
            }
            if !parameters.isEmpty { entry["parameters"] = parameters }
            if let request = operation.request {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
            }
            paths[operation.path, default: [:]][operation.method] = entry
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "AnToan API", "version": "1.0.0",
                "description":
                    "Errors share one body: {\"error\":{\"code\",\"message\",\"fields\"}}. Messages are Vietnamese unless Accept-Language: en.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": [organisationSchemas, importSchemas, dutySchemas, dutyWatchSchemas].reduce(schemas) {
                    all,
                    module in
                    all.merging(module) { first, _ in first }
                },
            ],
        ]
    }

    /// One page of `item`s, as every list route returns it.
    static func pageOf(_ item: String) -> [String: Any] {
        object(
            [
                "items": ["type": "array", "items": ref(item)], "page": ["type": "integer"],
                "per_page": ["type": "integer"],
                "has_more": ["type": "boolean", "description": "another page follows"],
                "total": [
                    "type": "integer",
                    "description": "rows in all pages; absent on a search (`q`) page that has more pages after it",
                ],
            ],
            required: ["items", "page", "per_page", "has_more"]
        )
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func responses(_ operation: Operation) -> [String: Any] {
        var responses: [String: Any] = [:]
        let success: [String: Any] =
            operation.response.map { ["description": "OK", "content": ["application/json": ["schema": ref($0)]]] } ?? [
                "description": "Done"
            ]
        responses[String(operation.status)] = success
        let error: [String: Any] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]]
        for code in ["400", "401", "403", "404", "413", "415", "422"] { responses[code] = error }
        return responses
    }

    static func object(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
    }

    /// A response object whose properties are listed by name (types are in the field names' DTOs).
    static func record(_ names: [String]) -> [String: Any] {
        [
            "type": "object", "properties": Dictionary(uniqueKeysWithValues: names.map { ($0, [String: Any]()) }),
            "required": names,
        ]
    }

    /// A request object: only the listed fields are accepted.
    static func input(_ names: [String], required: [String]) -> [String: Any] {
        object(Dictionary(uniqueKeysWithValues: names.map { ($0, [String: Any]()) }), required: required)
    }

    private static var string: [String: Any] { ["type": "string"] }
    private static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    private static func text(_ max: Int) -> [String: Any] { ["type": "string", "maxLength": max] }

    private static var schemas: [String: Any] {
        let roles = [
            "administrator", "authority_leader", "authority_officer", "unit_head", "unit_security_officer",
            "duty_officer", "gate_receptionist", "team_member",
        ]
        let user = object(
            [
                "id": uuid, "username": string, "display_name": string, "role": ["type": "string", "enum": roles],
                "scope_kind": ["type": "string", "enum": ["everything", "area", "unit"]],
                "unit_id": ["type": ["string", "null"], "format": "uuid"],
                "area_path": ["type": ["string", "null"]], "language": ["type": ["string", "null"]],
                "is_active": ["type": "boolean"],
            ],
            required: ["id", "username", "display_name", "role", "scope_kind", "is_active"]
        )
        let token = object(
            [
                "id": uuid, "name": string, "prefix": string,
                "created_at": ["type": ["string", "null"], "format": "date-time"], "revoked": ["type": "boolean"],
            ],
            required: ["id", "name", "prefix", "revoked"]
        )
        let audit = object(
            [
                "seq": ["type": "integer"], "at": ["type": "string", "format": "date-time"], "actor": string,
                "action": string,
                "entity": string, "entity_id": string, "changes": string,
            ],
            required: ["seq", "at", "actor", "action", "entity", "entity_id", "changes"]
        )
        return [
            "User": user,
            "UserPage": pageOf("User"),
            "Me": object(
                [
                    "id": uuid, "username": string, "display_name": string, "role": string, "scope_kind": string,
                    "area_path": ["type": ["string", "null"]],
                    "unit_id": ["type": ["string", "null"], "format": "uuid"],
                    "actions": ["type": "array", "items": string],
                ],
                required: ["id", "username", "display_name", "role", "scope_kind", "actions"]
            ),
            "CreateUser": object(
                [
                    "username": text(64), "display_name": text(120), "role": ["type": "string", "enum": roles],
                    "unit_id": uuid,
                    "area_path": text(200), "password": ["type": "string", "minLength": 12, "maxLength": 128],
                ],
                required: ["username", "role", "password"]
            ),
            "UpdateUser": object(
                [
                    "display_name": text(120), "role": ["type": "string", "enum": roles], "unit_id": uuid,
                    "area_path": text(200),
                    "password": ["type": "string", "minLength": 12, "maxLength": 128], "is_active": ["type": "boolean"],
                ],
                required: []
            ),
            "Token": token,
            "TokenList": ["type": "array", "items": ref("Token")],
            "CreateToken": object(["name": text(100)], required: ["name"]),
            "CreatedToken": object(["token": string, "info": ref("Token")], required: ["token", "info"]),
            "AuditEntry": audit,
            "AuditPage": pageOf("AuditEntry"),
            "Error": object(
                [
                    "error": object(
                        [
                            "code": string, "message": string,
                            "fields": [
                                "type": "array",
                                "items": object(["field": string, "message": string], required: ["field", "message"]),
                            ],
                        ],
                        required: ["code", "message", "fields"]
                    )
                ],
                required: ["error"]
            ),
        ]
    }
}
