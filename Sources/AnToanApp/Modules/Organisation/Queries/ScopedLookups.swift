import AnToanCore
import Fluent
import Foundation

/// Single routing rules and bodies by code, as the forms and the API name them, within the reader's scope.
extension RoutingQueries {
    /// The rule if it can apply within `scope` (see `rules(in:on:)`); 404 otherwise.
    static func rule(_ id: UUID, in scope: Scope, on db: any Database) async throws -> RoutingRule {
        guard let rule = try await rules(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return rule
    }
}

extension BodyQueries {
    /// The bodies in `scope` that have one of `codes`.
    static func bodies(codes: [String], in scope: Scope, on db: any Database) async throws -> [SupervisingBody] {
        guard !codes.isEmpty else { return [] }
        return try await bodies(in: scope, on: db).filter(\.$code ~~ codes).all()
    }
}
