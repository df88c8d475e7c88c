import AnToanCore
import Foundation
import Vapor

/// A route as the API takes it.
struct PatrolRouteAPIInput: APIInput {
    static let fields: Set<String> = [
        "unit_id", "name", "order", "minimum_gap_minutes", "fastest_speed", "schedule_kind", "start", "end",
        "every_minutes", "rounds", "window_minutes", "active",
    ]
    /// The unit; an account of one unit may leave it out.
    var unitId: UUID?
    var name: String?
    var order: String?
    var minimumGapMinutes: Int?
    var fastestSpeed: Double?
    var scheduleKind: String?
    var start: String?
    var end: String?
    var everyMinutes: Int?
    var rounds: Int?
    var windowMinutes: Int?
    var active: Bool?

    func problems() -> [FieldError] { [] }

    var input: PatrolRouteInput {
        PatrolRouteInput(
            name: name,
            order: order,
            minimumGapMinutes: minimumGapMinutes,
            fastestSpeed: fastestSpeed,
            scheduleKind: scheduleKind,
            start: start,
            end: end,
            everyMinutes: everyMinutes,
            rounds: rounds,
            windowMinutes: windowMinutes,
            active: active ?? true
        )
    }
}

/// A checkpoint as the API takes it.
struct PatrolCheckpointAPIInput: APIInput {
    static let fields: Set<String> = ["name", "site_id", "instructions", "latitude", "longitude", "radius"]
    var name: String?
    var siteId: UUID?
    var instructions: String?
    var latitude: Double?
    var longitude: Double?
    var radius: Double?

    func problems() -> [FieldError] { [] }

    var input: PatrolCheckpointInput {
        PatrolCheckpointInput(
            name: name,
            siteID: siteId,
            instructions: instructions,
            latitude: latitude,
            longitude: longitude,
            radius: radius
        )
    }
}

struct PatrolCheckpointDTO: Content {
    var id: UUID
    var name: String
    var position: Int
    var siteId: UUID?
    var instructions: String
    var latitude: Double?
    var longitude: Double?
    var radius: Double
    var nfc: Bool
    /// The link its label and tag carry (the current generation).
    var link: String

    init(_ checkpoint: PatrolCheckpoint, baseURL: String, secret: String) throws {
        id = try checkpoint.requireID()
        name = checkpoint.name
        position = checkpoint.position
        siteId = checkpoint.siteID
        instructions = checkpoint.instructions
        latitude = checkpoint.latitude
        longitude = checkpoint.longitude
        radius = checkpoint.radius
        nfc = checkpoint.hasNFC
        link =
            baseURL
            + CheckpointLink.path(checkpoint: id, generation: checkpoint.labelGeneration, secret: secret)
    }
}

struct PatrolRouteDTO: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var order: String
    var minimumGapMinutes: Int
    var fastestSpeed: Double
    var scheduleKind: String
    var start: String
    var end: String
    var everyMinutes: Int?
    var rounds: Int?
    var windowMinutes: Int?
    var active: Bool
    var checkpoints: [PatrolCheckpointDTO]

    init(_ route: PatrolRoute, checkpoints: [PatrolCheckpointDTO]) throws {
        id = try route.requireID()
        unitId = route.unitID
        name = route.name
        order = route.checkpointOrder
        minimumGapMinutes = route.minimumGap / 60
        fastestSpeed = route.fastestSpeed
        scheduleKind = route.scheduleKind
        start = PatrolWords.clock(route.startMinute)
        end = PatrolWords.clock(route.endMinute)
        everyMinutes = route.everyMinutes
        rounds = route.rounds
        windowMinutes = route.windowMinutes
        active = route.active
        self.checkpoints = checkpoints
    }
}

struct PatrolRouteListDTO: Content {
    var routes: [PatrolRouteDTO]
}

/// One checkpoint of a round: planned, and when it was scanned (on time or late), or missing.
struct PatrolRoundCheckpointDTO: Content {
    var checkpointId: UUID
    var name: String
    /// on_time, late, missing (after the deadline) or pending.
    var state: String
    var scannedAt: Date?
}

struct PatrolRoundDTO: Content {
    var id: UUID
    var routeId: UUID
    var routeName: String
    var unitId: UUID
    var day: String
    var startsAt: Date
    var endsAt: Date
    var status: String
    var done: Int
    var late: Int
    var missed: Int
    var checkpoints: [PatrolRoundCheckpointDTO]

    init(_ round: PatrolRound, routeName: String, checkpoints: [PatrolRoundCheckpointDTO]) throws {
        id = try round.requireID()
        routeId = round.routeID
        self.routeName = routeName
        unitId = round.unitID
        day = round.day
        startsAt = round.startsAt
        endsAt = round.endsAt
        status = round.status
        done = round.doneCount
        late = round.lateCount
        missed = round.missedCount
        self.checkpoints = checkpoints
    }
}

struct PatrolRoundListDTO: Content {
    var rounds: [PatrolRoundDTO]
}

/// A scan as the event and the API tell it: where, when, flagged how; never a position.
struct PatrolScanDTO: Content {
    var id: UUID
    var checkpointId: UUID?
    var checkpointName: String?
    var roundId: UUID?
    var accepted: Bool
    var refusal: String?
    var at: Date
    var offline: Bool
    var flags: [String]
    var distance: Double?

    init(_ scan: PatrolScan, checkpointName: String?) throws {
        id = try scan.requireID()
        checkpointId = scan.checkpointID
        self.checkpointName = checkpointName
        roundId = scan.roundID
        accepted = scan.accepted
        refusal = scan.refusal
        at = scan.at
        offline = scan.offline
        flags = scan.flagValues.map(\.rawValue)
        distance = scan.distance.map { $0.rounded() }
    }
}

/// Scans kept on a phone while offline, sent when the network is back (also what the scan page's script posts).
struct PatrolScanBatchInput: APIInput {
    static let fields: Set<String> = ["device", "sent_at", "scans"]
    var device: String?
    /// The phone's clock when it sent the batch: the server compares it with its own.
    var sentAt: String?
    var scans: [Strict<PatrolOfflineScan>]?

    func problems() -> [FieldError] { [] }
}

/// The same batch from the scan page's script, with the page's form token.
struct PatrolScanSyncInput: APIInput {
    static let fields = PatrolScanBatchInput.fields.union(["_csrf"])
    var batch: PatrolScanBatchInput

    init(from decoder: any Decoder) throws {
        batch = try PatrolScanBatchInput(from: decoder)
    }

    func problems() -> [FieldError] { [] }
}

struct PatrolOfflineScan: NestedInput {
    static let fields: Set<String> = ["token", "sequence", "scanned_at", "latitude", "longitude", "picc_data", "cmac"]
    /// The checkpoint link's token (what follows /p/), or the whole link.
    var token: String?
    var sequence: Int?
    var scannedAt: String?
    var latitude: Double?
    var longitude: Double?
    var piccData: String?
    var cmac: String?
}

/// What became of each scan of a batch, by its sequence number.
struct PatrolBatchResultDTO: Content {
    var sequence: Int
    /// accepted, refused or duplicate.
    var status: String
    var reason: String?
    var checkpointName: String?
    var flags: [String]
}

struct PatrolBatchDTO: Content {
    var results: [PatrolBatchResultDTO]
}
