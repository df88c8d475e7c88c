import Fluent
import Foundation
import Vapor

/// Reads of the jobs table for the administrator's page (jobs belong to no scope: only administrators read them).
enum JobQueries {
    /// Jobs in `state` (every state when nil), the latest first.
    static func list(state: Job.State?, limit: Int = 200, on db: any Database) async throws -> [Job] {
        var query = Job.query(on: db)
        if let state { query = query.filter(\.$state == state.rawValue) }
        return try await query.sort(\.$runAt, .descending).limit(limit).all()
    }

    static func counts(on db: any Database) async throws -> [Job.State: Int] {
        var counts: [Job.State: Int] = [:]
        for state in Job.State.allCases {
            counts[state] = try await Job.query(on: db).filter(\.$state == state.rawValue).count()
        }
        return counts
    }
}

/// The administrator's action on a failed job.
enum JobsAdmin {
    /// Runs a failed job again: queued now, its attempts from zero, its key taken again unless another
    /// unfinished job has it meanwhile. Anything else is left as it is.
    static func retry(_ id: UUID, by principal: Principal, app: Application) async throws {
        let now = app.clock.now()
        try await app.write { db in
            guard let job = try await db.lockedRow(Job.self, id) else { throw AppError.notFound }
            guard job.status == .failed else { return }
            if let key = job.key {
                let taken = try await Job.query(on: db).filter(\.$openKey == key).count() > 0
                job.openKey = taken ? nil : key
            }
            job.state = Job.State.queued.rawValue
            job.attempts = 0
            job.runAt = now
            job.leaseUntil = nil
            job.finishedAt = nil
            try await job.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: "job",
                entityID: id.uuidString,
                before: ["state": "failed"],
                after: ["state": "queued", "kind": job.kind],
                now: now
            )
        }
        app.jobs.poke()
    }
}
