import Fluent
import SQLKit

/// Fluent offers EventLoopFuture and async methods under the same names; an unannotated call can pick the
/// future and never wait for it. These wrappers can only mean the awaited one (`Void` is not a future).
extension Model {
    func insert(on db: any Database) async throws {
        let _: Void = try await create(on: db)
    }

    func persist(on db: any Database) async throws {
        let _: Void = try await update(on: db)
    }

    /// Inserts a new row or updates a fetched one.
    func store(on db: any Database) async throws {
        let _: Void = try await save(on: db)
    }

    func remove(on db: any Database) async throws {
        let _: Void = try await delete(force: true, on: db)
    }
}

extension Database {
    /// Refreshes the planner's statistics of `tables` after a bulk load, so that the next queries walk
    /// the right indexes at once instead of after the next autovacuum (PostgreSQL) or never (SQLite).
    /// (A VACUUM here would not help: PostgreSQL marks pages all-visible only from another session.)
    func analyze(_ tables: [String]) async throws {
        for table in tables {
            let _: Void = try await sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}
