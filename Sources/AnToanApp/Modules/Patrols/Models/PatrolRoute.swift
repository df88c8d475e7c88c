import AnToanCore
import Fluent
import Foundation

/// A unit's patrol route (PAT-1): its checkpoints in order, how they must follow each other, and when it is
/// walked. `@unchecked Sendable`: Fluent model.
final class PatrolRoute: Model, @unchecked Sendable {
    static let schema = "patrol_routes"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's area path, so that an authority's scope selects by prefix with no join.
    @Field(key: "area_path") var areaPath: String
    @Field(key: "name") var name: String
    /// `CheckpointOrder`: fixed, free or random.
    @Field(key: "checkpoint_order") var checkpointOrder: String
    /// The "not before" gap between two checkpoints, in seconds.
    @Field(key: "minimum_gap") var minimumGap: Int
    /// Metres per second a guard can keep up on this route (about 3 on foot).
    @Field(key: "fastest_speed") var fastestSpeed: Double
    // The schedule (PatrolSchedule)
    @Field(key: "schedule_kind") var scheduleKind: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @OptionalField(key: "every_minutes") var everyMinutes: Int?
    @OptionalField(key: "rounds") var rounds: Int?
    @OptionalField(key: "window_minutes") var windowMinutes: Int?
    @Field(key: "active") var active: Bool

    init() {}
}

extension PatrolRoute {
    var order: CheckpointOrder { CheckpointOrder(rawValue: checkpointOrder) ?? .fixed }

    var schedule: PatrolSchedule {
        get {
            PatrolSchedule(
                kind: PatrolSchedule.Kind(rawValue: scheduleKind) ?? .interval,
                startMinute: startMinute,
                endMinute: endMinute,
                everyMinutes: everyMinutes,
                rounds: rounds,
                windowMinutes: windowMinutes
            )
        }
        set {
            scheduleKind = newValue.kind.rawValue
            startMinute = newValue.startMinute
            endMinute = newValue.endMinute
            everyMinutes = newValue.everyMinutes
            rounds = newValue.rounds
            windowMinutes = newValue.windowMinutes
        }
    }

    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "name": name, "checkpoint_order": checkpointOrder,
            "minimum_gap": String(minimumGap), "fastest_speed": String(fastestSpeed), "schedule_kind": scheduleKind,
            "start_minute": String(startMinute), "end_minute": String(endMinute),
            "every_minutes": everyMinutes.map(String.init) ?? "", "rounds": rounds.map(String.init) ?? "",
            "window_minutes": windowMinutes.map(String.init) ?? "", "active": active ? "true" : "false",
        ]
    }
}

/// A checkpoint of a route (PAT-2): a place a guard must reach, with its printed label (QR) and, optionally, an
/// NFC tag (NTAG 424 DNA) whose keys are kept here and never shown again. `@unchecked Sendable`: Fluent model.
final class PatrolCheckpoint: Model, @unchecked Sendable {
    static let schema = "patrol_checkpoints"

    @ID(key: .id) var id: UUID?
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// Its place on the route, from 0.
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @OptionalField(key: "site_id") var siteID: UUID?
    @Field(key: "instructions") var instructions: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    /// Metres around the position within which a phone counts as there.
    @Field(key: "radius") var radius: Double
    /// The generation of the printed labels: printing new ones makes the old links worthless.
    @Field(key: "label_generation") var labelGeneration: Int
    /// The tag's keys in hex (AES-128): SDM meta-read (PICCData) and SDM file-read (MAC).
    @OptionalField(key: "nfc_meta_key") var nfcMetaKey: String?
    @OptionalField(key: "nfc_file_key") var nfcFileKey: String?
    /// The tag's UID in hex, when known: a tap of another tag with the same keys is refused.
    @OptionalField(key: "nfc_uid") var nfcUID: String?
    /// The last SUN counter accepted: a tap must bring a higher one.
    @OptionalField(key: "nfc_counter") var nfcCounter: Int?
    @Field(key: "active") var active: Bool

    init() {}
}

extension PatrolCheckpoint {
    var position2D: GeoPoint? {
        guard let latitude, let longitude else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    var hasNFC: Bool { nfcMetaKey != nil && nfcFileKey != nil }

    /// What the audit trail keeps: never the keys, only whether there are some.
    var auditSnapshot: [String: String] {
        [
            "route_id": routeID.uuidString, "position": String(position), "name": name,
            "site_id": siteID?.uuidString ?? "", "instructions": instructions,
            "latitude": latitude.map { String($0) } ?? "", "longitude": longitude.map { String($0) } ?? "",
            "radius": String(radius), "label_generation": String(labelGeneration),
            "nfc": hasNFC ? "true" : "false", "nfc_uid": nfcUID ?? "", "active": active ? "true" : "false",
        ]
    }
}
