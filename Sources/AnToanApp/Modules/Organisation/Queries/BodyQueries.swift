import AnToanCore
import Fluent
import Foundation

/// Reads of supervising bodies through the reader's scope.
enum BodyQueries {
    /// An authority sees the bodies in its area; a unit sees those over its own area, which supervise it.
    static func bodies(in scope: Scope, on db: any Database) -> QueryBuilder<SupervisingBody> {
        let query = SupervisingBody.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(_, let path): return query.filter(\.$areaPath ~~ path.lineage.map(\.value))
        }
    }

    /// The body if the scope may see it; 404 otherwise.
    static func body(_ id: UUID, in scope: Scope, on db: any Database) async throws -> SupervisingBody {
        guard let body = try await bodies(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return body
    }

    /// Bodies by id, whatever the scope: the names a chain or a form shows.
    static func byID(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: SupervisingBody] {
        guard !ids.isEmpty else { return [:] }
        let bodies = try await SupervisingBody.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: bodies.compactMap { body in body.id.map { ($0, body) } })
    }
}
