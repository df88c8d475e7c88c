import AnToanCore
import Fluent
import Foundation
import Vapor

/// Why a scan did not count. Every refused attempt is kept, with who and when.
enum PatrolScanRefusal: String, Sendable, CaseIterable {
    /// The link is not one this app signed, or was altered.
    case forged
    /// A label of an older generation: new labels were printed since.
    case oldLabel = "old_label"
    /// The checkpoint or its route was taken off.
    case removed
    /// The checkpoint is another unit's.
    case otherUnit = "other_unit"
    /// The account does not walk patrols.
    case notAllowed = "not_allowed"
    /// No round of the route is under way (or just over) for this checkpoint.
    case noRoundDue = "no_round_due"
    /// The link carries an NFC message but the checkpoint has no tag keys.
    case nfcNotSet = "nfc_not_set"
    /// The NFC message does not verify under the tag's keys.
    case nfcInvalid = "nfc_invalid"
    /// The NFC counter is not above the last one accepted: a copied link.
    case nfcReplayed = "nfc_replayed"
    /// An offline scan dated after the server's time.
    case future
    /// An offline scan older than a day.
    case tooOld = "too_old"

    var nameVi: String {
        switch self {
        case .forged: "Mã điểm tuần tra không hợp lệ (không do hệ thống cấp hoặc đã bị sửa)"
        case .oldLabel: "Tem đã cũ: đơn vị đã in tem mới cho điểm này"
        case .removed: "Điểm tuần tra này không còn trên tuyến"
        case .otherUnit: "Điểm tuần tra không thuộc đơn vị của bạn"
        case .notAllowed: "Tài khoản của bạn không làm nhiệm vụ tuần tra"
        case .noRoundDue: "Không có lượt tuần tra nào đang đến hạn cho điểm này"
        case .nfcNotSet: "Điểm này chưa được khai báo thẻ NFC"
        case .nfcInvalid: "Thẻ NFC không xác thực được"
        case .nfcReplayed: "Mã NFC đã được dùng (bản sao của một lần chạm trước)"
        case .future: "Thời điểm quét ở tương lai"
        case .tooOld: "Lượt quét đã quá một ngày"
        }
    }

    var nameEn: String {
        switch self {
        case .forged: "Not a valid checkpoint code (not issued by this system, or altered)"
        case .oldLabel: "Old label: the unit has printed new labels for this checkpoint"
        case .removed: "This checkpoint is no longer on a route"
        case .otherUnit: "This checkpoint is not your unit's"
        case .notAllowed: "Your account does not walk patrols"
        case .noRoundDue: "No patrol round is due for this checkpoint"
        case .nfcNotSet: "No NFC tag is set up for this checkpoint"
        case .nfcInvalid: "The NFC tag could not be verified"
        case .nfcReplayed: "This NFC code was already used (a copy of an earlier tap)"
        case .future: "The scan is dated in the future"
        case .tooOld: "The scan is more than a day old"
        }
    }

    /// The status of a page or API answer that refuses it.
    var status: HTTPResponseStatus {
        switch self {
        case .forged, .otherUnit: .notFound
        case .notAllowed: .forbidden
        case .oldLabel, .removed: .gone
        case .noRoundDue, .nfcReplayed: .conflict
        case .nfcNotSet, .nfcInvalid, .future, .tooOld: .unprocessableEntity
        }
    }
}

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

        try await PatrolRounds.ensure(route, around: scan.at, on: db)
        guard
            let round = try await PatrolQueries.roundDue(
                route: route.requireID(),
                at: scan.at,
                grace: PatrolLimits.lateGrace,
                on: db
            ),
            let lockedRound = try await db.lockedRow(PatrolRound.self, round.requireID()),
            lockedRound.planIDs.contains(link.checkpoint)
        else { return try await refuse(.noRoundDue) }
        result.round = lockedRound
        scan.roundID = try lockedRound.requireID()

        // The judgement: against the round's plan and the scans before this one (an offline scan may arrive
        // after later ones).
        let planned = try await PatrolCheckpoint.query(on: db).filter(\.$id ~~ lockedRound.planIDs).all()
        let byID = Dictionary(planned.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let previous = try await PatrolScan.query(on: db).filter(\.$roundID == scan.roundID)
            .filter(\.$accepted == true).filter(\.$at <= scan.at).sort(\.$at).all()
        let check = PatrolScanCheck(
            plan: lockedRound.planIDs.compactMap { id in
                byID[id].map {
                    PatrolScanCheck.Checkpoint(id: id.uuidString, position: $0.position2D, radius: $0.radius)
                }
            },
            order: route.order,
            roundEnd: lockedRound.endsAt.timeIntervalSince1970,
            minimumGap: Double(route.minimumGap),
            fastestSpeed: route.fastestSpeed
        )
        let outcome = check.judge(
            checkpointID: link.checkpoint.uuidString,
            at: scan.at.timeIntervalSince1970,
            position: attempt.position,
            after: previous.compactMap { p in
                p.checkpointID.map { .init(checkpointID: $0.uuidString, at: p.at.timeIntervalSince1970) }
            }
        )
        var flags = outcome.flags
        if scan.offline, abs(attempt.clockError) > clockTolerance { flags.insert(.clockSkew) }
        scan.flags = PatrolScanFlag.allCases.filter(flags.contains).map(\.rawValue).joined(separator: " ")
        scan.distance = outcome.distance
        scan.accepted = true
        try await scan.insert(on: db)
        try await audit(scan, principal: principal, on: db, now: now)
        let tally = try await PatrolRounds.tally(lockedRound, on: db)
        try await PatrolRounds.record(tally, on: lockedRound, judgedAt: lockedRound.judgedAt, on: db)
        try await Outbox.publish(
            .patrolScanned,
            payload: PatrolScanDTO(scan, checkpointName: checkpoint.name),
            unit: lockedRound.unitID,
            area: AreaPath(lockedRound.areaPath),
            on: db,
            now: now
        )
        return result
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

extension PatrolScanService {
    /// How long after a scan its phone may still give its position.
    static let locateWindow: TimeInterval = 600

    /// The position the phone gave just after an online scan (the page asks for it once the scan is recorded):
    /// the distance to the checkpoint is kept, and a scan outside the checkpoint's radius is flagged. Only the
    /// guard's own accepted scan, once, within `locateWindow`; 404 otherwise.
    static func locate(
        _ scanID: UUID,
        latitude: Double?,
        longitude: Double?,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolScan {
        guard let latitude, let longitude, GeoPoint(latitude: latitude, longitude: longitude).isValid else {
            throw AppError.invalidFields([
                FieldError(
                    field: "latitude",
                    reason: .invalid(vi: "tọa độ không hợp lệ", en: "is not a valid coordinate")
                )
            ])
        }
        let now = app.clock.now()
        return try await app.write { db in
            guard let scan = try await db.lockedRow(PatrolScan.self, scanID), scan.userID == principal.id,
                scan.accepted, !scan.offline, scan.latitude == nil,
                now.timeIntervalSince(scan.receivedAt) <= locateWindow,
                let checkpointID = scan.checkpointID,
                let checkpoint = try await PatrolCheckpoint.find(checkpointID, on: db)
            else { throw AppError.notFound }
            let position = GeoPoint(latitude: latitude, longitude: longitude)
            scan.latitude = latitude
            scan.longitude = longitude
            if let place = checkpoint.position2D {
                let metres = position.distance(to: place)
                scan.distance = metres
                if metres > checkpoint.radius {
                    let flags = Set(scan.flagValues + [.outsideRadius])
                    scan.flags = PatrolScanFlag.allCases.filter(flags.contains).map(\.rawValue).joined(separator: " ")
                }
            }
            try await scan.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: scanID.uuidString,
                before: ["distance": "", "flags": ""],
                after: ["distance": scan.distance.map { String(Int($0.rounded())) } ?? "", "flags": scan.flags],
                now: now
            )
            return scan
        }
    }

    static let batchLimit = 500

    /// An offline batch (PAT-2, item 4): every scan checked for its form first (422 naming `scans.N.field`,
    /// nothing written), then each judged in sequence order in its own transaction, on its phone time corrected by
    /// the phone's clock error (flagged past `clockTolerance`). A sequence number already received is a duplicate.
    static func batch(
        _ input: PatrolScanBatchInput,
        by principal: Principal,
        lang: Language,
        on app: Application
    ) async throws -> [PatrolBatchResultDTO] {
        guard principal.can(.walkPatrols) else { throw AppError.forbidden }
        let now = app.clock.now()
        var checker = FieldChecker()
        let device = checker.code("device", input.device)
        var clockError: TimeInterval = 0
        if let text = input.sentAt, !text.isEmpty {
            if let sent = IncidentTime.parse(text) {
                clockError = now.timeIntervalSince(sent)
            } else {
                checker.add("sent_at", .invalid(vi: "cần thời điểm ISO 8601", en: "needs an ISO 8601 time"))
            }
        } else {
            checker.add("sent_at", .required)
        }
        let items = input.scans?.map(\.value) ?? []
        if input.scans == nil { checker.add("scans", .required) }
        if items.count > batchLimit {
            checker.add(
                "scans",
                .invalid(vi: "tối đa \(batchLimit) lượt quét mỗi lần gửi", en: "at most \(batchLimit) scans at a time")
            )
        }
        var attempts: [PatrolScanAttempt] = []
        for (index, item) in items.enumerated() {
            let field = "scans.\(index)."
            let token = checker.text(field + "token", item.token, max: 300).split(separator: "/").last.map(String.init)
            if item.sequence == nil { checker.add(field + "sequence", .required) }
            if let sequence = item.sequence, sequence < 0 {
                checker.add(field + "sequence", .invalid(vi: "không được âm", en: "cannot be negative"))
            }
            var phoneAt: Date?
            if let text = item.scannedAt, !text.isEmpty {
                phoneAt = IncidentTime.parse(text)
                if phoneAt == nil {
                    checker.add(
                        field + "scanned_at",
                        .invalid(vi: "cần thời điểm ISO 8601", en: "needs an ISO 8601 time")
                    )
                }
            } else {
                checker.add(field + "scanned_at", .required)
            }
            var position: GeoPoint?
            if let latitude = item.latitude, let longitude = item.longitude {
                position = GeoPoint(latitude: latitude, longitude: longitude)
                if position?.isValid != true {
                    checker.add(
                        field + "latitude",
                        .invalid(vi: "tọa độ không hợp lệ", en: "is not a valid coordinate")
                    )
                }
            }
            let query = token.map(Self.splitQuery) ?? (token: "", piccData: nil, cmac: nil)
            attempts.append(
                PatrolScanAttempt(
                    token: query.token,
                    piccData: item.piccData ?? query.piccData,
                    cmac: item.cmac ?? query.cmac,
                    position: position,
                    phoneAt: phoneAt,
                    device: device,
                    sequence: item.sequence,
                    clockError: clockError
                )
            )
        }
        try checker.check()
        var results: [PatrolBatchResultDTO] = []
        var seen: Set<Int> = []
        for attempt in attempts.sorted(by: { ($0.sequence ?? 0) < ($1.sequence ?? 0) }) {
            let sequence = attempt.sequence ?? 0
            guard seen.insert(sequence).inserted else {
                results.append(PatrolBatchResultDTO(sequence: sequence, status: "duplicate", flags: []))
                continue
            }
            let result = try await scan(attempt, by: principal, on: app)
            results.append(
                PatrolBatchResultDTO(
                    sequence: sequence,
                    status: result.duplicate ? "duplicate" : result.refusal == nil ? "accepted" : "refused",
                    reason: result.refusal.map { lang($0.nameVi, $0.nameEn) },
                    checkpointName: result.checkpoint?.name,
                    flags: result.scan.flagValues.map(\.rawValue)
                )
            )
        }
        return results
    }

    /// A link's last part as a phone kept it: the token, and the NFC message of a tapped tag
    /// (`TOKEN?picc_data=…&cmac=…`).
    static func splitQuery(_ text: String) -> (token: String, piccData: String?, cmac: String?) {
        let parts = text.split(separator: "?", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return (text, nil, nil) }
        var values: [String: String] = [:]
        for pair in parts[1].split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { values[kv[0]] = kv[1] }
        }
        return (parts[0], values["picc_data"], values["cmac"])
    }
}
