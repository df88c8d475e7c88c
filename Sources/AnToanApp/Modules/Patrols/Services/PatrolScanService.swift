import AnToanCore
import Fluent
import Foundation
import Vapor

/// One scan as the phone sent it: the link's token, the NFC message when tapped, the position when given, and
/// for an offline scan its phone time, device and sequence number.
struct PatrolScanAttempt: Sendable {
    var token: String
    var piccData: String?
    var cmac: String?
    var position: GeoPoint?
    /// Offline: when the phone recorded it, by its own clock.
    var phoneAt: Date?
    var device: String?
    var sequence: Int?
    /// Offline: the server's time minus the phone's when the batch arrived.
    var clockError: TimeInterval = 0
}

/// What became of a scan.
struct PatrolScanResult: Sendable {
    var scan: PatrolScan
    var refusal: PatrolScanRefusal?
    var checkpoint: PatrolCheckpoint?
    var route: PatrolRoute?
    var round: PatrolRound?
    /// The round's accepted scans by time, this one included, and its planned checkpoints' names: what the scan
    /// page shows.
    var scans: [PatrolScan] = []
    var names: [UUID: String] = [:]
    /// The same device and sequence number was already received: nothing written.
    var duplicate = false
}

/// Scans of checkpoints (PAT-2, PAT-3): checked against the link's signature, the NFC tag's counter, the guard's
/// unit and the round due, judged (flags) and counted on the round, in one transaction with the audit entry and
/// the event. A refused scan is written too, as a refused attempt.
enum PatrolScanService {
    static let entity = "patrol_scan"
    /// A phone's clock may be this far from the server's before its offline scans are flagged.
    static let clockTolerance: TimeInterval = 120
    static let oldest: TimeInterval = 86_400

    static func scan(
        _ attempt: PatrolScanAttempt,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolScanResult {
        let now = app.clock.now()
        let link = CheckpointLink.verify(attempt.token, secret: app.secret)
        return try await app.write { db in
            try await scan(attempt, link: link, by: principal, on: db, now: now)
        }
    }

    private static func scan(
        _ attempt: PatrolScanAttempt,
        link: (checkpoint: UUID, generation: Int)?,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> PatrolScanResult {
        let scan = PatrolScan()
        scan.userID = principal.id
        scan.userName = principal.displayName
        scan.method = attempt.piccData == nil && attempt.cmac == nil ? "qr" : "nfc"
        scan.offline = attempt.phoneAt != nil
        scan.receivedAt = now
        scan.phoneAt = attempt.phoneAt
        scan.device = attempt.device
        scan.sequence = attempt.sequence
        scan.latitude = attempt.position?.latitude
        scan.longitude = attempt.position?.longitude
        scan.flags = ""
        scan.accepted = false
        scan.unitID = ownUnit(principal)
        let at = attempt.phoneAt.map { $0.addingTimeInterval(attempt.clockError) } ?? now
        scan.at = min(at, now)
        var result = PatrolScanResult(scan: scan)

        if let device = attempt.device, let sequence = attempt.sequence,
            let earlier = try await PatrolScan.query(on: db).filter(\.$userID == principal.id)
                .filter(\.$device == device).filter(\.$sequence == sequence).first()
        {
            result.scan = earlier
            result.duplicate = true
            return result
        }
        func refuse(_ reason: PatrolScanRefusal) async throws -> PatrolScanResult {
            scan.refusal = reason.rawValue
            result.refusal = reason
            try await scan.insert(on: db)
            try await audit(scan, principal: principal, on: db, now: now)
            return result
        }

        guard let link, let found = try await PatrolCheckpoint.find(link.checkpoint, on: db) else {
            return try await refuse(.forged)
        }
        scan.checkpointID = link.checkpoint
        scan.unitID = found.unitID
        result.checkpoint = found
        guard principal.can(.walkPatrols) else { return try await refuse(.notAllowed) }
        guard try await walks(found.unitID, principal, on: db) else { return try await refuse(.otherUnit) }
        guard let route = try await db.lockedRow(PatrolRoute.self, found.routeID),
            let checkpoint = try await PatrolCheckpoint.find(link.checkpoint, on: db)
        else { return try await refuse(.removed) }
        result.route = route
        result.checkpoint = checkpoint
        guard route.active, checkpoint.active else { return try await refuse(.removed) }
        guard link.generation == checkpoint.labelGeneration else { return try await refuse(.oldLabel) }
        if attempt.piccData != nil || attempt.cmac != nil {
            guard let metaKey = checkpoint.nfcMetaKey.flatMap({ SUNMessage.bytes(hex: $0, count: 16) }),
                let fileKey = checkpoint.nfcFileKey.flatMap({ SUNMessage.bytes(hex: $0, count: 16) })
            else { return try await refuse(.nfcNotSet) }
            let tap: SUNTap
            do {
                tap = try SUNMessage.verify(
                    piccData: attempt.piccData ?? "",
                    cmac: attempt.cmac ?? "",
                    metaReadKey: metaKey,
                    fileReadKey: fileKey,
                    lastCounter: checkpoint.nfcCounter.map { UInt32(clamping: $0) }
                )
            } catch {
                if case .replayed = error { return try await refuse(.nfcReplayed) }
                return try await refuse(.nfcInvalid)
            }
            if let uid = checkpoint.nfcUID, SecretToken.hex(tap.uid) != uid { return try await refuse(.nfcInvalid) }
            checkpoint.nfcCounter = Int(tap.counter)
            try await checkpoint.persist(on: db)
        }
        if at > now.addingTimeInterval(clockTolerance) { return try await refuse(.future) }
        if at < now.addingTimeInterval(-oldest) { return try await refuse(.tooOld) }

        guard let round = try await roundDue(route, at: scan.at, on: db),
            round.planIDs.contains(link.checkpoint)
        else { return try await refuse(.noRoundDue) }
        result.round = round
        scan.roundID = try round.requireID()

        // The judgement: against the round's plan and the scans before this one (an offline scan may arrive
        // after later ones).
        let planned = try await PatrolCheckpoint.query(on: db).filter(\.$id ~~ round.planIDs).all()
        let byID = Dictionary(planned.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let accepted = try await PatrolScan.query(on: db).filter(\.$roundID == scan.roundID)
            .filter(\.$accepted == true).sort(\.$at).all()
        let check = PatrolScanCheck(
            plan: round.planIDs.compactMap { id in
                byID[id].map {
                    PatrolScanCheck.Checkpoint(id: id.uuidString, position: $0.position2D, radius: $0.radius)
                }
            },
            order: route.order,
            roundEnd: round.endsAt.timeIntervalSince1970,
            minimumGap: Double(route.minimumGap),
            fastestSpeed: route.fastestSpeed
        )
        let outcome = check.judge(
            checkpointID: link.checkpoint.uuidString,
            at: scan.at.timeIntervalSince1970,
            position: attempt.position,
            after: accepted.filter { $0.at <= scan.at }.compactMap { p in
                p.checkpointID.map { .init(checkpointID: $0.uuidString, at: p.at.timeIntervalSince1970) }
            }
        )
        var flags = outcome.flags
        if scan.offline, abs(attempt.clockError) > clockTolerance { flags.insert(.clockSkew) }
        scan.flagValues = Array(flags)
        scan.distance = outcome.distance
        scan.accepted = true
        try await scan.insert(on: db)
        try await audit(scan, principal: principal, on: db, now: now)
        result.scans = (accepted + [scan]).sorted { $0.at < $1.at }
        result.names = byID.mapValues(\.name)
        try await PatrolRounds.record(
            PatrolRounds.tally(round, scans: result.scans),
            on: round,
            judgedAt: round.judgedAt,
            on: db
        )
        try await Outbox.publish(
            .patrolScanned,
            payload: PatrolScanDTO(scan, checkpointName: checkpoint.name),
            unit: round.unitID,
            area: AreaPath(round.areaPath),
            on: db,
            now: now
        )
        return result
    }

    /// The round of `route` due at `at`, locked; its rounds are made first when none covers `at` yet (the daily
    /// job makes them ahead, so a scan seldom has to).
    private static func roundDue(_ route: PatrolRoute, at: Date, on db: any Database) async throws -> PatrolRound? {
        let routeID = try route.requireID()
        var due = try await PatrolQueries.roundDue(route: routeID, at: at, grace: PatrolLimits.lateGrace, on: db)
        if due == nil {
            try await PatrolRounds.ensure(route, around: at, on: db)
            due = try await PatrolQueries.roundDue(route: routeID, at: at, grace: PatrolLimits.lateGrace, on: db)
        }
        guard let id = due?.id else { return nil }
        return try await db.lockedRow(PatrolRound.self, id)
    }

    /// Whether the account walks the patrols of unit `unitID`: its own unit or a department of it; an
    /// administrator anywhere.
    private static func walks(_ unitID: UUID, _ principal: Principal, on db: any Database) async throws -> Bool {
        switch principal.scope {
        case .everything: return true
        case .area: return false
        case .unit(let own, _):
            if own == unitID { return true }
            return try await OrgUnit.find(own, on: db)?.$parent.id == unitID
        }
    }

    private static func ownUnit(_ principal: Principal) -> UUID? {
        if case .unit(let unit, _) = principal.scope { return unit }
        return nil
    }

    private static func audit(_ scan: PatrolScan, principal: Principal, on db: any Database, now: Date) async throws {
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: try scan.requireID().uuidString,
            before: nil,
            after: [
                "checkpoint_id": scan.checkpointID?.uuidString ?? "", "round_id": scan.roundID?.uuidString ?? "",
                "accepted": scan.accepted ? "true" : "false", "refusal": scan.refusal ?? "", "method": scan.method,
                "offline": scan.offline ? "true" : "false", "at": scan.at.ISO8601Format(), "flags": scan.flags,
                "distance": scan.distance.map { String(Int($0.rounded())) } ?? "",
            ],
            now: now
        )
    }
}
