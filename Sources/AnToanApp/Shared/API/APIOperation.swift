import AnToanCore
import OpenAPIKit
import Vapor

/// One route of the API as the OpenAPI document describes it. Each module lists its operations beside its
/// route collection (`DocumentedAPI`); `OpenAPITests` fails when a route and its operation disagree.
struct APIOperation: Sendable {
    /// What a request or response carries.
    enum Body: Sendable {
        /// JSON of a type that knows its schema.
        case json(any APISchema.Type)
        /// A file in one of these media types, described in words.
        case file([String], description: String)
    }

    var method: OpenAPI.HttpMethod
    /// The full path, parameters in braces: `/api/v1/units/{id}`.
    var path: String
    var summary: String
    var request: Body? = nil
    /// False when the body may be left out (publishing a roster that needs no confirmation).
    var requestRequired = true
    var response: Body? = nil
    var status = 200
    var query: [APIParameter] = []
    /// What a 422 carries besides the error body (an import answers its report).
    var unprocessable: (any APISchema.Type)? = nil
    /// What a 202 carries when the work goes on in the background, with a `Location` to follow (a large import).
    var accepted: (any APISchema.Type)? = nil

    static func get(
        _ path: String,
        _ summary: String,
        response: (any APISchema.Type)? = nil,
        query: [APIParameter] = []
    ) -> Self {
        APIOperation(method: .get, path: path, summary: summary, response: response.map { .json($0) }, query: query)
    }

    static func post(
        _ path: String,
        _ summary: String,
        request: (any APISchema.Type)? = nil,
        response: (any APISchema.Type)? = nil,
        status: Int = 200
    ) -> Self {
        APIOperation(
            method: .post,
            path: path,
            summary: summary,
            request: request.map { .json($0) },
            response: response.map { .json($0) },
            status: status
        )
    }

    static func put(
        _ path: String,
        _ summary: String,
        request: any APISchema.Type,
        response: any APISchema.Type
    )
        -> Self
    {
        APIOperation(method: .put, path: path, summary: summary, request: .json(request), response: .json(response))
    }

    static func patch(
        _ path: String,
        _ summary: String,
        request: any APISchema.Type,
        response: any APISchema.Type
    )
        -> Self
    {
        APIOperation(method: .patch, path: path, summary: summary, request: .json(request), response: .json(response))
    }

    static func delete(_ path: String, _ summary: String) -> Self {
        APIOperation(method: .delete, path: path, summary: summary, status: 204)
    }
}

/// A query parameter; none is required.
struct APIParameter: Sendable {
    var name: String
    var schema: JSONSchema
    var description: String? = nil

    /// A search text, folded and matched without diacritics.
    static let q = APIParameter(name: "q", schema: .text(max: 100), description: "Search text, without diacritics")
    static let page = APIParameter(name: "page", schema: .integer(minimum: (1, exclusive: false)))
}

/// A route collection under /api/v1 that lists the operations it serves.
protocol DocumentedAPI: RouteCollection {
    static var operations: [APIOperation] { get }
}

extension Application {
    /// Registers `collection` under /api/v1 and its operations in the document: a module documents its API where
    /// it registers it.
    func registerAPI<Collection: DocumentedAPI>(_ collection: Collection) throws {
        try grouped("api", "v1").register(collection: collection)
        apiOperations.append(contentsOf: Collection.operations)
    }

    /// The operations registered so far, in registration order.
    var apiOperations: [APIOperation] {
        get { storage[APIOperationsKey.self] ?? [] }
        set { storage[APIOperationsKey.self] = newValue }
    }

    private struct APIOperationsKey: StorageKey {
        typealias Value = [APIOperation]
    }
}
