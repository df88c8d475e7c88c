/// The kind of a background job, e.g. `incident.escalate`. Each module declares its own in its own files,
/// `extension JobKind { static let incidentEscalation = JobKind(rawValue: "incident.escalate") }`, and
/// registers its handler with `app.jobs.register(_:maxAttempts:_:)` where it registers its routes.
struct JobKind: RawRepresentable, Hashable, Sendable, Codable {
    let rawValue: String

    init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// The payload of a job that needs none (a recurring job's): encodes as `{}`.
struct NoPayload: Codable, Sendable {}
