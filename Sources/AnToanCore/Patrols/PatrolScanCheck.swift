import Foundation

/// A place on Earth, in degrees (WGS 84, as a phone reports it).
public struct GeoPoint: Codable, Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// The great-circle distance in metres (haversine): metres apart on a site, a few kilometres on a route.
    public func distance(to other: GeoPoint) -> Double {
        let radius = 6_371_000.0
        let (lat1, lat2) = (latitude * .pi / 180, other.latitude * .pi / 180)
        let dLat = lat2 - lat1
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }
}

/// What is doubtful about a scan (PAT-2). A flagged scan still counts; the flags show on the round's report and
/// reach the duty leader.
public enum PatrolScanFlag: String, Codable, Sendable, CaseIterable {
    /// The phone was farther from the checkpoint than its radius.
    case outsideRadius = "outside_radius"
    /// Less than the route's "not before" gap after the previous checkpoint.
    case tooSoon = "too_soon"
    /// Faster than a person can go between the two checkpoints.
    case tooFast = "too_fast"
    /// The checkpoint was already scanned in this round.
    case repeated
    /// Not the checkpoint the round's order expects next.
    case outOfOrder = "out_of_order"
    /// After the round's window closed.
    case late
    /// An offline scan whose phone clock disagrees with the server's.
    case clockSkew = "clock_skew"

    public var nameVi: String {
        switch self {
        case .outsideRadius: "Quét xa điểm tuần tra"
        case .tooSoon: "Quét quá sớm sau điểm trước"
        case .tooFast: "Di chuyển nhanh bất thường"
        case .repeated: "Quét lại điểm đã quét"
        case .outOfOrder: "Sai thứ tự"
        case .late: "Quét sau khi hết lượt"
        case .clockSkew: "Giờ điện thoại lệch"
        }
    }
}

/// The checks of one scan against the round so far. Times are seconds (any common origin).
public struct PatrolScanCheck: Sendable {
    /// A checkpoint of the route as a scan needs it.
    public struct Checkpoint: Sendable, Equatable {
        public var id: String
        public var position: GeoPoint?
        /// Metres; a phone's fix is rarely better than 10–20 m outdoors.
        public var radius: Double

        public init(id: String, position: GeoPoint?, radius: Double) {
            self.id = id
            self.position = position
            self.radius = radius
        }
    }

    /// A scan already accepted in the round.
    public struct Previous: Sendable, Equatable {
        public var checkpointID: String
        public var at: Double

        public init(checkpointID: String, at: Double) {
            self.checkpointID = checkpointID
            self.at = at
        }
    }

    /// The round's checkpoints in the order it asks for (PatrolRoundPlan).
    public var plan: [Checkpoint]
    public var order: CheckpointOrder
    public var roundEnd: Double
    /// The route's "not before" gap between two checkpoints, in seconds.
    public var minimumGap: Double
    /// Metres per second a guard can keep up: about 3 on foot (a brisk walk with a jog), more on a motorbike.
    public var fastestSpeed: Double

    public init(
        plan: [Checkpoint],
        order: CheckpointOrder,
        roundEnd: Double,
        minimumGap: Double,
        fastestSpeed: Double = 3
    ) {
        self.plan = plan
        self.order = order
        self.roundEnd = roundEnd
        self.minimumGap = minimumGap
        self.fastestSpeed = fastestSpeed
    }

    /// The result: the flags, and the distance from the checkpoint when the phone gave its position.
    public struct Outcome: Sendable, Equatable {
        public var flags: Set<PatrolScanFlag>
        public var distance: Double?
    }

    /// Judges a scan of `checkpointID` at `at`, with the phone's `position` if it gave one, after `previous` (in
    /// time order). The caller has checked that the checkpoint belongs to the round.
    public func judge(checkpointID: String, at: Double, position: GeoPoint?, after previous: [Previous]) -> Outcome {
        var flags: Set<PatrolScanFlag> = []
        let checkpoint = plan.first { $0.id == checkpointID }
        var distance: Double?
        if let position, position.isValid, let checkpoint, let place = checkpoint.position {
            let metres = position.distance(to: place)
            distance = metres
            if metres > checkpoint.radius { flags.insert(.outsideRadius) }
        }
        if previous.contains(where: { $0.checkpointID == checkpointID }) { flags.insert(.repeated) }
        if at > roundEnd { flags.insert(.late) }
        if let last = previous.last {
            let elapsed = at - last.at
            if elapsed < minimumGap { flags.insert(.tooSoon) }
            let from = plan.first { $0.id == last.checkpointID }?.position
            if let from, let to = checkpoint?.position, last.checkpointID != checkpointID {
                let needed = from.distance(to: to) / max(fastestSpeed, 0.1)
                if elapsed < needed { flags.insert(.tooFast) }
            }
        }
        if order != .free {
            let done = Set(previous.map(\.checkpointID))
            let expected = plan.first { !done.contains($0.id) }?.id
            if !flags.contains(.repeated), let expected, expected != checkpointID { flags.insert(.outOfOrder) }
        }
        return Outcome(flags: flags, distance: distance)
    }
}
