import Fluent
import Foundation
import SQLKit
import Vapor

/// Claims due jobs with a lease and runs them. Any node may run any job: on PostgreSQL the claim skips rows
/// another node is claiming (`FOR UPDATE SKIP LOCKED`); on SQLite the write queue runs one claim at a time.
/// A job whose node died is claimed again once its lease has run out. Tests call `runDue(_:now:)` directly.
enum JobRunner {
    /// A job this node claimed: what its handler needs, and what its finish checks is still its own claim.
    struct Claim: Sendable {
        let id: UUID
        let kind: String
        let payload: String
        let attempt: Int
        let schedule: String?
    }

    /// Runs every job due at `now` once (those that become due while it runs, too) and returns how many ran.
    /// Each claim takes `concurrency` jobs and runs them at once (the background loop runs several; tests one
    /// at a time), so that no claimed job waits in this process while its lease runs out; at most `batches`
    /// claims (the loop takes one, then asks its clock again).
    @discardableResult
    static func runDue(_ app: Application, now: Date, concurrency: Int = 1, batches: Int = .max) async throws -> Int {
        try await addSchedules(app, now: now)
        for pass in app.jobs.passes { try await pass(app, now) }
        var ran = 0
        for _ in 0..<max(1, batches) {
            let claims = try await claim(app, now: now, limit: max(1, concurrency))
            if claims.isEmpty { return ran }
            await withTaskGroup(of: Void.self) { group in
                for claim in claims {
                    group.addTask { await run(claim, app: app, now: now) }
                }
            }
            ran += claims.count
        }
        return ran
    }

    /// Claims up to `limit` due jobs of the kinds this node can run: each gets a lease, this node's id and one
    /// more attempt. A job whose lease ran out on its last attempt is marked failed instead.
    static func claim(_ app: Application, now: Date, limit: Int) async throws -> [Claim] {
        let registry = app.jobs
        let kinds = registry.kinds
        guard !kinds.isEmpty else { return [] }
        return try await app.write { db in
            var select = db.sql.select().column("id").from(Job.schema)
                .where("kind", .in, kinds)
                .where("run_at", .lessThanOrEqual, now)
                .where(group: {
                    $0.where("state", .equal, Job.State.queued.rawValue)
                        .orWhere(group: {
                            $0.where("state", .equal, Job.State.running.rawValue)
                                .where("lease_until", .lessThan, now)
                        })
                })
                .orderBy("run_at")
                .limit(limit)
            if db.sql.dialect.name == "postgresql" {
                select = select.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED"))
            }
            let ids = try await select.all().map { try $0.decode(column: "id", as: UUID.self) }
            guard !ids.isEmpty else { return [] }
            let jobs = try await Job.query(on: db).filter(\.$id ~~ ids).sort(\.$runAt).all()
            var claims: [Claim] = []
            for job in jobs {
                guard let handler = registry.handler(job.kind), let id = job.id else { continue }
                job.maxAttempts = handler.maxAttempts
                if job.status == .running, job.attempts >= handler.maxAttempts {
                    try await finish(job, as: .failed, error: "lease expired during the last attempt", on: db, now: now)
                    continue
                }
                job.state = Job.State.running.rawValue
                job.attempts += 1
                job.leaseUntil = now.addingTimeInterval(handler.lease)
                job.lockedBy = registry.nodeID
                try await job.persist(on: db)
                claims.append(
                    Claim(id: id, kind: job.kind, payload: job.payload, attempt: job.attempts, schedule: job.schedule)
                )
            }
            return claims
        }
    }

    /// Runs one claimed job and records how it went: done; queued again after its back-off; or failed with
    /// its error after its last attempt. Only while the claim is still this node's (a job that outlived its
    /// lease may have been taken by another node, whose record wins).
    static func run(_ claim: Claim, app: Application, now: Date) async {
        guard let handler = app.jobs.handler(claim.kind) else { return }
        var logger = app.logger
        logger[metadataKey: "job"] = "\(claim.kind) \(claim.id)"
        let context = JobContext(app: app, now: now, logger: logger, jobID: claim.id, attempt: claim.attempt)
        let heartbeat = Task { await renewLease(of: claim, app: app, lease: handler.lease) }
        var failure: (any Error)?
        do {
            try await handler.run(context, claim.payload)
        } catch {
            failure = error
        }
        heartbeat.cancel()
        await heartbeat.value
        let outcome = failure.map { String(String(describing: $0).prefix(2_000)) }
        do {
            try await app.write { db in
                guard let job = try await db.lockedRow(Job.self, claim.id), job.status == .running,
                    job.lockedBy == app.jobs.nodeID, job.attempts == claim.attempt
                else { return }
                guard let message = outcome else {
                    try await finish(job, as: .done, error: nil, on: db, now: now)
                    return
                }
                if job.attempts >= handler.maxAttempts {
                    try await finish(job, as: .failed, error: message, on: db, now: now)
                } else {
                    job.state = Job.State.queued.rawValue
                    job.lastError = message
                    job.leaseUntil = nil
                    job.runAt = now.addingTimeInterval(max(1, handler.backoff.delay(after: job.attempts)))
                    try await job.persist(on: db)
                }
            }
        } catch {
            logger.error("could not record the job's outcome", metadata: ["error": "\(String(reflecting: error))"])
        }
        if let failure {
            logger.warning("job attempt failed", metadata: ["error": "\(String(reflecting: failure))"])
        }
    }

    /// Marks `job` done or failed, frees its key, and adds the next occurrence of a recurring one.
    private static func finish(
        _ job: Job,
        as state: Job.State,
        error: String?,
        on db: any Database,
        now: Date
    ) async throws {
        job.state = state.rawValue
        if let error { job.lastError = error }
        job.openKey = nil
        job.leaseUntil = nil
        job.finishedAt = now
        try await job.persist(on: db)
        if let raw = job.schedule, let schedule = JobSchedule(rawValue: raw) {
            let key = scheduleKey(JobKind(rawValue: job.kind))
            try await Jobs.insert(
                JobKind(rawValue: job.kind),
                payload: "{}",
                runAt: schedule.next(after: now),
                key: key,
                schedule: schedule,
                on: db
            )
        }
    }

    /// Adds the first occurrence of every recurring job once per process (a no-op where a node already has).
    private static func addSchedules(_ app: Application, now: Date) async throws {
        let registry = app.jobs
        guard registry.takeSchedulesToAdd() else { return }
        let schedules = registry.schedules
        guard !schedules.isEmpty else { return }
        do {
            try await app.write { db in
                for (kind, schedule) in schedules {
                    try await Jobs.insert(
                        kind,
                        payload: "{}",
                        runAt: schedule.next(after: now),
                        key: scheduleKey(kind),
                        schedule: schedule,
                        on: db
                    )
                }
            }
        } catch {
            registry.markSchedulesUnadded()
            throw error
        }
    }

    /// One unfinished row per recurring kind: two nodes never both add, nor both run, the same occurrence.
    static func scheduleKey(_ kind: JobKind) -> String { "schedule:\(kind.rawValue)" }

    /// Extends this node's lease on a running job every third of the lease, so a long handler keeps it.
    private static func renewLease(of claim: Claim, app: Application, lease: TimeInterval) async {
        while true {
            do {
                try await Task.sleep(for: .seconds(lease / 3))
            } catch {
                return
            }
            let until = app.clock.now().addingTimeInterval(lease)
            try? await app.write { db in
                try await Job.query(on: db)
                    .filter(\.$id == claim.id)
                    .filter(\.$lockedBy == app.jobs.nodeID)
                    .filter(\.$attempts == claim.attempt)
                    .set(\.$leaseUntil, to: until)
                    .update()
            }
        }
    }
}

extension JobSchedule {
    /// Reads `rawValue` back.
    init?(rawValue: String) {
        let parts = rawValue.split(separator: " ")
        guard parts.count == 2 else { return nil }
        if parts[0] == "every", let minutes = Int(parts[1]), minutes > 0 {
            self = .every(minutes: minutes)
            return
        }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard parts[0] == "daily", time.count == 2, (0..<24).contains(time[0]), (0..<60).contains(time[1]) else {
            return nil
        }
        self = .daily(hour: time[0], minute: time[1])
    }
}
