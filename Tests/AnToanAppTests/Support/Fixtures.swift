import AnToanCore
import Fluent
import Foundation
import Vapor
import VaporTesting

@testable import AnToanApp

/// Accounts and tokens made straight in the database, so tests do not pay bcrypt for every account.
enum Fixtures {
    static let password = "mat-khau-kiem-thu-2026"
    /// Hashed once per test process with the app's real cost.
    static let passwordHash: String = try! Bcrypt.hash(password, cost: 12)

    static let province = AreaPath("/79/")!
    static let communeA = AreaPath("/79/26734/")!
    static let communeB = AreaPath("/79/26737/")!
    static let otherProvince = AreaPath("/01/")!

    @discardableResult
    static func user(
        _ username: String,
        role: Role,
        scope: Scope,
        displayName: String? = nil,
        on db: any Database
    ) async throws -> User {
        let user = User(
            username: username,
            displayName: displayName ?? username,
            role: role,
            scope: scope,
            passwordHash: passwordHash
        )
        try await user.insert(on: db)
        return user
    }

    /// A raw bearer token for `user`.
    static func token(for user: User, app: Application) async throws -> String {
        try await Tokens.create(name: "test", ownerID: try user.requireID(), actor: .system, app: app, on: app.db).1
    }
}

/// A JSON call to the API with a bearer token.
func api(
    _ app: Application,
    _ method: HTTPMethod,
    _ path: String,
    token: String,
    json: String? = nil
) async throws -> TestingHTTPResponse {
    var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
    if json != nil { headers.add(name: .contentType, value: "application/json") }
    return try await app.testing().sendRequest(
        method,
        path,
        headers: headers,
        body: json.map { ByteBuffer(string: $0) }
    )
}
