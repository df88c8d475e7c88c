import AnToanCore
import Fluent
import Foundation
import Vapor

/// What a guard notes at a checkpoint during a round (PAT-3), with a photo, one tap from the scan page; the
/// unit's leadership can turn it into an incident.
enum PatrolObservations {
    static let entity = "patrol_observation"

    /// Notes `text` (and the photo) at checkpoint `checkpointID` of a unit the guard walks; `roundID` when it was
    /// seen during a round of that route.
    static func note(
        checkpoint checkpointID: UUID,
        round roundID: UUID?,
        text: String?,
        photos: [PhotoUpload],
        problems: [FieldError],
        by principal: Principal,
        on app: Application
    ) async throws -> PatrolObservation {
        guard principal.can(.walkPatrols) else { throw AppError.forbidden }
        let checkpoint = try await PatrolQueries.checkpoint(checkpointID, in: principal.scope, on: app.db)
        let route = try await PatrolQueries.route(checkpoint.routeID, in: principal.scope, on: app.db)
        var checker = FieldChecker(problems)
        let text = checker.text("text", text, max: PatrolLimits.observation, kind: .multiline)
        if photos.count > 1 {
            checker.add("photo", .invalid(vi: "tối đa một ảnh", en: "at most one photo"))
        }
        var foundRound: UUID?
        if let roundID {
            foundRound = try await PatrolRound.query(on: app.db).filter(\.$id == roundID)
                .filter(\.$routeID == checkpoint.routeID).first()?.id
            if foundRound == nil { checker.add("round", .notFound) }
        }
        try checker.check()
        let round = foundRound
        let now = app.clock.now()
        let observation = PatrolObservation()
        observation.unitID = checkpoint.unitID
        observation.areaPath = route.areaPath
        observation.checkpointID = checkpointID
        observation.roundID = round
        observation.userID = principal.id
        observation.userName = principal.displayName
        observation.at = now
        observation.text = text
        observation.photoType = photos.first?.format.contentType
        observation.photo = photos.first?.bytes
        return try await app.write { db in
            try await observation.insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try observation.requireID().uuidString,
                before: nil,
                after: [
                    "checkpoint_id": checkpointID.uuidString, "round_id": round?.uuidString ?? "", "text": text,
                    "photo": observation.photo == nil ? "false" : "true",
                ],
                now: now
            )
            return observation
        }
    }

    /// Reports the observation as an incident at its checkpoint (the photo goes with it); once only.
    static func turnIntoIncident(
        _ id: UUID,
        kind: String?,
        severity: String?,
        by principal: Principal,
        on app: Application
    ) async throws -> Incident {
        guard principal.can(.reportIncident) else { throw AppError.forbidden }
        _ = try await PatrolQueries.observation(id, in: principal.scope, on: app.db)
        let now = app.clock.now()
        return try await app.write { db in
            guard let observation = try await db.lockedRow(PatrolObservation.self, id) else { throw AppError.notFound }
            guard observation.incidentID == nil else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "kind",
                        reason: .invalid(vi: "đã được chuyển thành vụ việc", en: "was already turned into an incident")
                    )
                ])
            }
            let checkpoint = try await PatrolCheckpoint.find(observation.checkpointID, on: db)
            var photos: [PhotoUpload] = []
            if let bytes = observation.photo, let type = observation.photoType,
                let format = PhotoFile.Format.allCases.first(where: { $0.contentType == type })
            {
                photos.append(PhotoUpload(format: format, bytes: bytes))
            }
            let incident = try await IncidentService.report(
                IncidentInput(
                    unitID: observation.unitID,
                    kind: kind,
                    severity: severity,
                    siteID: checkpoint?.siteID,
                    place: checkpoint?.name,
                    occurredAt: observation.at,
                    description: observation.text,
                    photos: photos
                ),
                by: principal,
                on: db,
                now: now
            )
            observation.incidentID = try incident.requireID()
            try await observation.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: id.uuidString,
                before: ["incident_id": ""],
                after: ["incident_id": try incident.requireID().uuidString],
                now: now
            )
            return incident
        }
    }
}
