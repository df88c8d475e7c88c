import AnToanCore
import Fluent
import Foundation
import Vapor

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
                    scan.flagValues.append(.outsideRadius)
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
