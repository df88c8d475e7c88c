import AnToanCore
import OpenAPIKit

extension UserDTO: APISchema {
    static let schemaName = "User"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "username": .string, "display_name": .string, "role": .choice(Role.self),
            "scope_kind": .string(allowedValues: "everything", "area", "unit"), "unit_id": .uuid.optional,
            "area_path": .string.optional, "language": .string.optional, "is_active": .boolean,
        ])
    }
}

extension MeDTO: APISchema {
    static let schemaName = "Me"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "username": .string, "display_name": .string, "role": .choice(Role.self),
            "scope_kind": .string(allowedValues: "everything", "area", "unit"), "area_path": .string.optional,
            "unit_id": .uuid.optional, "actions": .list(.string),
        ])
    }
}

/// A page of a list: the page's items and where it stands.
extension PageDTO: APISchema where Item: APISchema {
    static var schemaName: String { Item.schemaName + "Page" }
    static var schema: JSONSchema {
        .record([
            "items": .list(.component(Item.self)), "page": .integer, "per_page": .integer,
            "has_more": .boolean(description: "another page follows"),
            "total": .integer(
                required: false,
                description: "rows in all pages; absent on a search (`q`) page that has more pages after it"
            ),
        ])
    }
    static var components: [any APISchema.Type] { [Item.self] }
}

extension CreateUserInput: APISchema {
    static let schemaName = "CreateUser"
    static var schema: JSONSchema {
        .record([
            "username": .text(max: 64, min: 3), "display_name": .text(max: 120).optional, "role": .choice(Role.self),
            "unit_id": .uuid.optional, "area_path": .text(max: 200).optional,
            "password": .text(max: PasswordPolicy.maximumLength, min: PasswordPolicy.minimumLength),
        ])
    }
}

extension UpdateUserInput: APISchema {
    static let schemaName = "UpdateUser"
    static var schema: JSONSchema {
        .record([
            "display_name": .text(max: 120).optional, "role": .choice(Role.self).optional, "unit_id": .uuid.optional,
            "area_path": .text(max: 200).optional,
            "password": .text(max: PasswordPolicy.maximumLength, min: PasswordPolicy.minimumLength).optional,
            "is_active": .boolean.optional,
        ])
    }
}

extension TokenDTO: APISchema {
    static let schemaName = "Token"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "name": .string, "prefix": .string, "created_at": .timestamp.optional, "revoked": .boolean,
        ])
    }
}

extension CreatedTokenDTO: APISchema {
    static let schemaName = "CreatedToken"
    static var schema: JSONSchema { .record(["token": .string, "info": TokenDTO.schema]) }
}

extension CreateTokenInput: APISchema {
    static let schemaName = "CreateToken"
    static var schema: JSONSchema { .record(["name": .text(max: 100, min: 1)]) }
}

extension AuditEntryDTO: APISchema {
    static let schemaName = "AuditEntry"
    static var schema: JSONSchema {
        .record([
            "seq": .integer, "at": .timestamp, "actor": .string, "action": .string, "entity": .string,
            "entity_id": .string, "changes": .string,
        ])
    }
}
