import Fluent
import Foundation
import SQLKit

/// Check-then-write inside one transaction: a service locks what it is about to check, reads it again and
/// only then decides. PostgreSQL takes the locks; SQLite's write queue already runs one writer at a time,
/// so there these are plain reads. Call them inside `app.write`: the locks last until it commits.
extension Database {
    /// Reads row `id` of `M` after locking it (`SELECT … FOR UPDATE`): a concurrent writer that locks the same
    /// row waits for this transaction to end and then reads what it wrote.
    func lockedRow<M: Model>(_ type: M.Type, _ id: UUID) async throws -> M? where M.IDValue == UUID {
        if sql.dialect.exclusiveSelectLockExpression != nil {
            let _: [any SQLRow] = try await sql.select().column("id").from(M.schema).where("id", .equal, id)
                .for(.update).all()
        }
        return try await M.find(id, on: self)
    }

    /// Serialises the writers that check a key is free before they take it (a unit's code, an area's code),
    /// where there is no row yet to lock: a PostgreSQL advisory lock on the key, held until commit.
    func lockKey(_ key: String) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        let _: Void = try await sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
    }
}
