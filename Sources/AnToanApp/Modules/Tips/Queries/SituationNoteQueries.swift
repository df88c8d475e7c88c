import AnToanCore
import Fluent
import Foundation

/// Reads of situation notes, through the reader's scope.
enum SituationNoteQueries {
    static func notes(in scope: Scope, on db: any Database) -> QueryBuilder<SituationNote> {
        let query = SituationNote.query(on: db)
        switch scope {
        case .everything: return query
        case .area(let path): return query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unit, _): return query.filter(\.$unitID == unit)
        }
    }

    /// The newest first, at most `limit`.
    static func list(in scope: Scope, limit: Int = 200, on db: any Database) async throws -> [SituationNote] {
        try await notes(in: scope, on: db).sort(\.$writtenAt, .descending).limit(limit).all()
    }

    static func note(_ id: UUID, in scope: Scope, on db: any Database) async throws -> SituationNote {
        guard let note = try await notes(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return note
    }
}
