import Fluent
import Foundation

/// One run of a background job (a one-off, or one occurrence of a recurring one): what to do, when, and how
/// its attempts went. Any node claims it with a lease (`JobRunner`). `@unchecked Sendable`: Fluent model.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    /// queued → running → done; or back to queued after a failed attempt, failed after the last one.
    enum State: String, Sendable, CaseIterable {
        case queued
        case running
        case done
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "kind") var kind: String
    /// The JSON of the payload.
    @Field(key: "payload") var payload: String
    @Field(key: "run_at") var runAt: Date
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    /// While running: the node holding it may work until then; after that any node may take it again.
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    /// The node that claimed it last.
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "last_error") var lastError: String?
    /// The key it was enqueued with, kept for the record.
    @OptionalField(key: "key") var key: String?
    /// The key while the job is unfinished, nil once done or failed: a unique index on it makes a second
    /// enqueue with the same key a no-op on both databases (NULLs never collide).
    @OptionalField(key: "open_key") var openKey: String?
    /// A recurring job's schedule (`JobSchedule.rawValue`); nil for a one-off.
    @OptionalField(key: "schedule") var schedule: String?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var status: State { State(rawValue: state) ?? .failed }
}
