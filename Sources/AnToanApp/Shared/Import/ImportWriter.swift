import Fluent
import Foundation

/// Inserts an import's rows in chunks and records one audit entry per row with `AuditTrail.recordAll`.
enum ImportWriter {
    static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        for chunk in SQLBatch.chunks(models) {
            let _: Void = try await chunk.create(on: db)
        }
    }

    /// Inserts `models` with one audit entry each, a chunk of rows and a chunk of entries at a time, reporting
    /// progress after each chunk. The models carry their ids already, so the entries can be made first.
    static func insertAudited<M: Model>(
        _ models: [M],
        entity: String,
        snapshot: (M) -> [String: String],
        personalFields: Set<String> = [],
        on db: any Database,
        actor: AuditActor,
        now: Date,
        progress: ImportProgress
    ) async throws where M.IDValue == UUID {
        let changes = try models.map { model in
            AuditChange(
                action: .create,
                entity: entity,
                entityID: try model.requireID().uuidString,
                before: nil,
                after: snapshot(model),
                personalFields: personalFields
            )
        }
        try await AuditTrail.recordAll(on: db, actor: actor, entries: changes, now: now) { range in
            let _: Void = try await Array(models[range]).create(on: db)
            await progress.report(.writing, range.upperBound, models.count)
        }
    }
}
