import AnToanCore
import Fluent
import Foundation

/// One round of a route on one day: its window, its plan (the checkpoints in the order it asks for) and, once
/// its deadline passed, the verdict. Made ahead by the daily job (and when a route changes).
/// `@unchecked Sendable`: Fluent model.
final class PatrolRound: Model, @unchecked Sendable {
    static let schema = "patrol_rounds"

    enum Status: String, Sendable, CaseIterable {
        /// Its window is open or yet to come.
        case due
        /// Every checkpoint scanned within the window.
        case complete
        /// The deadline passed with checkpoints late or missing.
        case incomplete
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    /// The schedule's day (Vietnam) the round belongs to, yyyy-MM-dd: a night's rounds after midnight too.
    @Field(key: "day") var day: String
    @Field(key: "round_index") var index: Int
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// The checkpoints' ids in the order the round asks for, separated by spaces.
    @Field(key: "plan") var plan: String
    @Field(key: "status") var status: String
    @Field(key: "done_count") var doneCount: Int
    @Field(key: "late_count") var lateCount: Int
    @Field(key: "missed_count") var missedCount: Int
    /// When the deadline job judged it.
    @OptionalField(key: "judged_at") var judgedAt: Date?

    init() {}
}

extension PatrolRound {
    var statusValue: Status { Status(rawValue: status) ?? .due }
    var planIDs: [UUID] { plan.split(separator: " ").compactMap { UUID(uuidString: String($0)) } }
}

/// A scan of a checkpoint, accepted or refused (a refused attempt is kept: a forged link, a replayed tag, a scan
/// with no round due). `@unchecked Sendable`: Fluent model.
final class PatrolScan: Model, @unchecked Sendable {
    static let schema = "patrol_scans"

    @ID(key: .id) var id: UUID?
    /// The checkpoint's unit, else the scanner's (a forged link names no checkpoint).
    @OptionalField(key: "unit_id") var unitID: UUID?
    @OptionalField(key: "round_id") var roundID: UUID?
    @OptionalField(key: "checkpoint_id") var checkpointID: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "user_name") var userName: String
    @Field(key: "accepted") var accepted: Bool
    /// Why it was refused (`PatrolScanRefusal`).
    @OptionalField(key: "refusal") var refusal: String?
    /// qr or nfc.
    @Field(key: "method") var method: String
    @Field(key: "offline") var offline: Bool
    /// When the scan happened as judged: the server's time, or an offline scan's phone time corrected by the
    /// phone's clock error.
    @Field(key: "at") var at: Date
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "phone_at") var phoneAt: Date?
    @OptionalField(key: "device") var device: String?
    @OptionalField(key: "sequence") var sequence: Int?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    /// Metres from the checkpoint, when the phone gave its position and the checkpoint has one.
    @OptionalField(key: "distance") var distance: Double?
    /// `PatrolScanFlag`s separated by spaces.
    @Field(key: "flags") var flags: String

    init() {}
}

extension PatrolScan {
    /// The flags, in their declared order (set: kept as words separated by spaces, each once).
    var flagValues: [PatrolScanFlag] {
        get { flags.split(separator: " ").compactMap { PatrolScanFlag(rawValue: String($0)) } }
        set {
            let set = Set(newValue)
            flags = PatrolScanFlag.allCases.filter(set.contains).map(\.rawValue).joined(separator: " ")
        }
    }
}

/// Something seen at a checkpoint during a round, with a photo; it can become an incident.
/// `@unchecked Sendable`: Fluent model.
final class PatrolObservation: Model, @unchecked Sendable {
    static let schema = "patrol_observations"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @OptionalField(key: "round_id") var roundID: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "user_name") var userName: String
    @Field(key: "at") var at: Date
    @Field(key: "text") var text: String
    @OptionalField(key: "photo_type") var photoType: String?
    @OptionalField(key: "photo") var photo: Data?
    @OptionalField(key: "incident_id") var incidentID: UUID?

    init() {}
}
