import Foundation
import OpenAPIKit
import Vapor

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json, built with OpenAPIKit from the operations
/// each module registered (`Application.registerAPI`). OpenAPIKit's 3.1 module (not OpenAPIKit30): the document
/// was 3.1 already, and 3.1 is JSON Schema 2020-12, which the schemas' `type: [..]` and formats follow.
enum APIDocument {
    /// `importKinds` are the registered import kinds (`app.importKinds`): the values of `{kind}` and `ImportKind`.
    static func build(_ operations: [APIOperation], importKinds: [String] = []) -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        var schemas: OpenAPI.ComponentDictionary<JSONSchema> = [:]
        func add(_ type: any APISchema.Type) {
            let key = OpenAPI.ComponentKey(stringLiteral: type.schemaName)
            guard schemas[key] == nil else { return }
            schemas[key] = type.schema
            type.components.forEach(add)
        }
        add(APIErrorBody.self)
        for operation in operations {
            for body in [operation.request, operation.response].compactMap({ $0 }) {
                if case .json(let type) = body { add(type) }
            }
            operation.unprocessable.map(add)
            operation.accepted.map(add)
            let path = OpenAPI.Path(stringLiteral: operation.path)
            var item = paths[path]?.pathItemValue ?? OpenAPI.PathItem()
            item.set(operation: self.operation(operation, importKinds: importKinds), for: operation.method)
            paths[path] = .b(item)
        }
        schemas[OpenAPI.ComponentKey(stringLiteral: ImportKindSchema.schemaName)] = kindSchema(importKinds)
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: .init(
                title: "AnToan API",
                description: "Errors share one body: {\"error\":{\"code\",\"message\",\"fields\"}}. "
                    + "Messages are Vietnamese unless Accept-Language: en. "
                    + "A field that has no value is left out of a response, never null.",
                version: "1.0.0"
            ),
            servers: [.init(url: URL(string: "/")!)],
            paths: paths,
            components: .init(schemas: schemas, securitySchemes: ["bearer": .b(.http(scheme: "bearer"))]),
            security: [[.component(named: "bearer"): []]]
        )
    }

    /// The document as JSON, keys sorted so that it reads the same every time.
    static func json(_ operations: [APIOperation], importKinds: [String] = []) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(build(operations, importKinds: importKinds))
    }

    /// The schema of a path parameter, by its name.
    static func pathParameter(_ name: String, importKinds: [String] = []) -> JSONSchema {
        switch name {
        case "year": .integer(maximum: (2199, exclusive: false), minimum: (1900, exclusive: false))
        case "kind": kindSchema(importKinds)
        default: .uuid
        }
    }

    /// One of the registered import kinds; any string when none is known.
    private static func kindSchema(_ importKinds: [String]) -> JSONSchema {
        importKinds.isEmpty ? ImportKindSchema.schema : .string(allowedValues: importKinds.map { AnyCodable($0) })
    }

    private static func operation(_ operation: APIOperation, importKinds: [String]) -> OpenAPI.Operation {
        let names = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { $0.dropFirst().dropLast() }
        let pathParameters = names.map { name in
            OpenAPI.Parameter.path(name: String(name), schema: pathParameter(String(name), importKinds: importKinds))
        }
        let queryParameters = operation.query.map { parameter in
            OpenAPI.Parameter.query(name: parameter.name, schema: parameter.schema, description: parameter.description)
        }
        return OpenAPI.Operation(
            summary: operation.summary,
            operationId: operationID(operation),
            parameters: (pathParameters + queryParameters).map { .b($0) },
            requestBody: operation.request.map {
                OpenAPI.Request(content: content($0), required: operation.requestRequired)
            },
            responses: responses(operation)
        )
    }

    /// `get` + `/api/v1/units/{id}/sites` → `getUnitsIdSites`.
    private static func operationID(_ operation: APIOperation) -> String {
        operation.method.rawValue.lowercased()
            + operation.path.replacingOccurrences(of: "/api/v1", with: "").split(separator: "/")
            .map { $0.filter { $0.isLetter || $0.isNumber }.capitalized }.joined()
    }

    private static func content(_ body: APIOperation.Body) -> OpenAPI.Content.Map {
        switch body {
        case .json(let type):
            return [.json: .b(OpenAPI.Content(schema: JSONSchema.component(type)))]
        case .file(let types, _):
            var map: OpenAPI.Content.Map = [:]
            for type in types.compactMap(OpenAPI.ContentType.init(rawValue:)) {
                map[type] = .b(OpenAPI.Content(schema: .string(contentEncoding: .binary)))
            }
            return map
        }
    }

    private static func responses(_ operation: APIOperation) -> OpenAPI.Response.Map {
        var responses: OpenAPI.Response.Map = [:]
        let success: OpenAPI.Response
        switch operation.response {
        case .json(let type)?:
            success = .init(description: "OK", content: content(.json(type)))
        case .file(_, let description)?:
            success = .init(description: description, content: content(operation.response!))
        case nil:
            success = .init(description: "Done")
        }
        responses[.status(code: operation.status)] = .b(success)
        let error = OpenAPI.Response(description: "Error", content: content(.json(APIErrorBody.self)))
        for code in [400, 401, 403, 404, 413, 415, 422] { responses[.status(code: code)] = .b(error) }
        if let report = operation.unprocessable {
            let either = JSONSchema.one(of: [.component(APIErrorBody.self), .component(report)])
            responses[.status(code: 422)] = .b(
                OpenAPI.Response(description: "Error", content: [.json: .b(OpenAPI.Content(schema: either))])
            )
        }
        if let job = operation.accepted {
            responses[.status(code: 202)] = .b(
                OpenAPI.Response(
                    description: "Accepted: it goes on in the background",
                    headers: [
                        "Location": .b(
                            OpenAPI.Header(schema: .string, description: "Where to follow the job", required: true)
                        )
                    ],
                    content: content(.json(job))
                )
            )
        }
        return responses
    }
}

extension APIErrorBody: APISchema {
    static let schemaName = "Error"
    static var schema: JSONSchema {
        .record([
            "error": .record([
                "code": .string, "message": .string,
                "fields": .list(.record(["field": .string, "message": .string])),
            ])
        ])
    }
}
