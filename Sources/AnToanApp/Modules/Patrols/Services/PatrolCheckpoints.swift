import AnToanCore
import Fluent
import Foundation
import Vapor

/// A checkpoint as a form or the API gives it.
struct PatrolCheckpointInput: Sendable {
    var name: String?
    var siteID: UUID?
    var instructions: String?
    var latitude: Double?
    var longitude: Double?
    var radius: Double?
    var problems: [FieldError] = []
}

/// The keys of a checkpoint's NTAG 424 DNA tag, as entered or imported: 32 hex digits each; the UID (14 hex
/// digits) when known.
struct PatrolNFCInput: Sendable {
    var metaKey: String?
    var fileKey: String?
    var uid: String?
}

/// Checkpoints of a route (PAT-2): added, edited, taken off, given new labels or NFC keys; each write with the route
/// locked, its audit entry, and the rounds not yet walked made again.
extension PatrolService {
    /// A checkpoint added at the end of the route.
    static func addCheckpoint(
        route routeID: UUID,
        _ input: PatrolCheckpointInput,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        let route = try await PatrolQueries.route(routeID, in: principal.scope, on: app.db)
        let checkpoint = PatrolCheckpoint()
        checkpoint.routeID = routeID
        checkpoint.unitID = route.unitID
        checkpoint.labelGeneration = 1
        checkpoint.active = true
        try await apply(input, to: checkpoint, unit: route.unitID, on: app.db)
        let now = app.clock.now()
        return try await app.write { db in
            guard let route = try await db.lockedRow(PatrolRoute.self, routeID) else { throw AppError.notFound }
            let existing = try await PatrolQueries.checkpoints(of: routeID, removed: true, on: db)
            guard existing.filter(\.active).count < PatrolLimits.mostCheckpoints else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "name",
                        reason: .invalid(
                            vi: "một tuyến có tối đa \(PatrolLimits.mostCheckpoints) điểm",
                            en: "a route has at most \(PatrolLimits.mostCheckpoints) checkpoints"
                        )
                    )
                ])
            }
            checkpoint.position = (existing.map(\.position).max() ?? -1) + 1
            try await checkpoint.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: checkpointEntity,
                entityID: try checkpoint.requireID().uuidString,
                before: nil,
                after: checkpoint.auditSnapshot,
                now: now
            )
            try await PatrolRounds.replan(route, now: now, on: db)
            return checkpoint
        }
    }

    /// Edits a checkpoint; `remove` takes it off the route (its scans stay).
    static func updateCheckpoint(
        _ id: UUID,
        _ input: PatrolCheckpointInput?,
        remove: Bool = false,
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        let found = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        let probe = PatrolCheckpoint()
        if let input { try await apply(input, to: probe, unit: found.unitID, on: app.db) }
        return try await change(id, by: principal, on: app) { checkpoint in
            if let input {
                checkpoint.name = probe.name
                checkpoint.siteID = probe.siteID
                checkpoint.instructions = probe.instructions
                checkpoint.latitude = probe.latitude
                checkpoint.longitude = probe.longitude
                checkpoint.radius = probe.radius
            }
            if remove { checkpoint.active = false }
        }
    }

    /// New labels: the next generation, and the links of the old ones stop counting.
    static func renewLabels(_ id: UUID, by principal: Principal, on app: Application) async throws -> PatrolCheckpoint {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        _ = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        return try await change(id, by: principal, on: app) { $0.labelGeneration += 1 }
    }

    /// The keys of the checkpoint's NFC tag; a new tag starts its counter again. Empty keys remove the tag.
    static func setNFC(
        _ id: UUID,
        _ input: PatrolNFCInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> PatrolCheckpoint
    {
        guard principal.can(.managePatrols) else { throw AppError.forbidden }
        _ = try await PatrolQueries.checkpoint(id, in: principal.scope, on: app.db)
        var checker = FieldChecker()
        let meta = hex("meta_key", input.metaKey, bytes: 16, into: &checker)
        let file = hex("file_key", input.fileKey, bytes: 16, into: &checker)
        let uid = hex("uid", input.uid, bytes: 7, into: &checker)
        if (meta == nil) != (file == nil) {
            checker.add(meta == nil ? "meta_key" : "file_key", .required)
        }
        try checker.check()
        return try await change(id, by: principal, on: app) { checkpoint in
            checkpoint.nfcMetaKey = meta
            checkpoint.nfcFileKey = file
            checkpoint.nfcUID = meta == nil ? nil : uid
            checkpoint.nfcCounter = nil
        }
    }

    /// `count` bytes in hex (spaces and colons allowed, as tools print them), lower case; nil when empty.
    private static func hex(
        _ field: String,
        _ text: String?,
        bytes count: Int,
        into checker: inout FieldChecker
    )
        -> String?
    {
        let digits = (text ?? "").filter { !" :-".contains($0) }.lowercased()
        guard !digits.isEmpty else { return nil }
        guard digits.count == count * 2, digits.allSatisfy(\.isHexDigit) else {
            checker.add(
                field,
                .invalid(vi: "cần đúng \(count * 2) chữ số hex (0–9, A–F)", en: "needs exactly \(count * 2) hex digits")
            )
            return nil
        }
        return digits
    }

    private static func change(
        _ id: UUID,
        by principal: Principal,
        on app: Application,
        _ edit: @escaping @Sendable (PatrolCheckpoint) -> Void
    ) async throws -> PatrolCheckpoint {
        let now = app.clock.now()
        return try await app.write { db in
            guard let checkpoint = try await PatrolCheckpoint.find(id, on: db),
                let route = try await db.lockedRow(PatrolRoute.self, checkpoint.routeID),
                let locked = try await PatrolCheckpoint.find(id, on: db)
            else { throw AppError.notFound }
            let before = locked.auditSnapshot
            edit(locked)
            try await locked.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: checkpointEntity,
                entityID: id.uuidString,
                before: before,
                after: locked.auditSnapshot,
                now: now
            )
            try await PatrolRounds.replan(route, now: now, on: db)
            return locked
        }
    }

    private static func apply(
        _ input: PatrolCheckpointInput,
        to checkpoint: PatrolCheckpoint,
        unit: UUID,
        on db: any Database
    ) async throws {
        var checker = FieldChecker(input.problems)
        let name = checker.name("name", input.name, max: PatrolLimits.name)
        let instructions = checker.text(
            "instructions",
            input.instructions,
            max: PatrolLimits.instructions,
            optional: true,
            kind: .multiline
        )
        if let siteID = input.siteID, try await IncidentQueries.site(siteID, of: [unit], on: db) == nil {
            checker.add("site", .notFound)
        }
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case (let latitude?, let longitude?):
            if !GeoPoint(latitude: latitude, longitude: longitude).isValid {
                checker.add("latitude", .invalid(vi: "tọa độ không hợp lệ", en: "is not a valid coordinate"))
            }
        case (nil, _): checker.add("latitude", .required)
        case (_, nil): checker.add("longitude", .required)
        }
        let radius = input.radius ?? PatrolLimits.defaultRadius
        if !PatrolLimits.radius.contains(radius) {
            checker.add("radius", .invalid(vi: "từ 5 đến 2.000 mét", en: "from 5 to 2,000 metres"))
        }
        try checker.check()
        checkpoint.name = name
        checkpoint.siteID = input.siteID
        checkpoint.instructions = instructions
        checkpoint.latitude = input.latitude
        checkpoint.longitude = input.longitude
        checkpoint.radius = radius
    }
}
