/// The kind of an outbox event, e.g. `incident.reported`. Each module declares its own in its own files:
/// `extension EventType { static let incidentReported = EventType(rawValue: "incident.reported") }`.
struct EventType: RawRepresentable, Hashable, Sendable, Codable {
    let rawValue: String

    init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A notification landed in the inbox of the account the event is addressed to.
    static let notificationCreated = EventType(rawValue: "notification.created")
    /// The account read or acknowledged notifications (its other open pages update their count).
    static let notificationRead = EventType(rawValue: "notification.read")
}
