import AnToanCore
import Fluent
import Foundation
import Vapor

extension EventType {
    static let incidentReported = EventType(rawValue: "incident.reported")
    static let incidentAcknowledged = EventType(rawValue: "incident.acknowledged")
    static let incidentEscalated = EventType(rawValue: "incident.escalated")
    static let incidentUpdated = EventType(rawValue: "incident.updated")
}

/// Incident reports and their response: every write in one transaction with its audit entry, its outbox
/// event and, for a report, the notifications and the first escalation job.
enum IncidentService {
    static let entity = "incident"

    /// Reports an incident at `input.unitID` for `principal`, in the write transaction `db` (call it inside
    /// `app.write { db in … }`; another module's write may call it inside its own). Checks that the account may
    /// report on the unit (404 outside its scope), every field (422 naming each), then writes the incident, its
    /// photos, the timeline's first entry, the audit entry, the `incident.reported` event, the notifications of
    /// the unit's leaders and the supervising authority, and the escalation job.
    @discardableResult
    static func report(
        _ input: IncidentInput,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> Incident {
        guard principal.can(.reportIncident) else { throw AppError.forbidden }
        let found = try await OrganisationQueries.unit(input.unitID, in: principal.scope, on: db)
        // Incidents belong to the top-level unit, as staff do: a department's is its unit's.
        let unit =
            if let parentID = found.$parent.id {
                try await OrganisationQueries.unit(parentID, in: .everything, on: db)
            } else { found }
        let unitID = try unit.requireID()
        var checker = FieldChecker(input.problems)
        let kind = checker.choice("kind", input.kind, IncidentKind.self)
        let severity = checker.choice("severity", input.severity, IncidentSeverity.self)
        var place = checker.name("place", input.place, max: IncidentLimits.place, optional: true)
        if let siteID = input.siteID {
            if let site = try await IncidentQueries.site(siteID, of: [unitID, try found.requireID()], on: db) {
                // A site with words beside it: "Cổng chính — cạnh nhà xe".
                place = place.isEmpty ? site.name : "\(site.name) — \(place)"
            } else {
                checker.add("site", .notFound)
            }
        } else if place.isEmpty {
            checker.add("place", .required)
        }
        let occurredAt = input.occurredAt ?? now
        if !input.problems.contains(where: { $0.field == "occurred_at" }),
            occurredAt > now.addingTimeInterval(IncidentLimits.clockSkew)
        {
            checker.add(
                "occurred_at",
                .invalid(vi: "không được ở thời điểm tương lai", en: "cannot be in the future")
            )
        }
        let description = checker.text(
            "description",
            input.description,
            max: IncidentLimits.description,
            kind: .multiline
        )
        let people = checker.text(
            "people_involved",
            input.peopleInvolved,
            max: IncidentLimits.peopleInvolved,
            optional: true,
            kind: .multiline
        )
        if let damage = input.damageVND, damage < 0 || damage > IncidentLimits.damageVND {
            checker.add(
                "damage_vnd",
                .invalid(vi: "phải từ 0 đến 10.000 tỷ đồng", en: "must be between 0 and 10,000 billion VND")
            )
        }
        if input.photos.count > PhotoUpload.maxCount {
            checker.add(
                "photos",
                .invalid(
                    vi: "tối đa \(PhotoUpload.maxCount) ảnh mỗi lần gửi",
                    en: "at most \(PhotoUpload.maxCount) photos at a time"
                )
            )
        }
        try checker.check()
        guard let kind, let severity, let area = AreaPath(unit.areaPath) else { throw AppError.notFound }

        let incident = Incident()
        incident.unitID = unitID
        incident.areaPath = area.value
        incident.siteID = input.siteID
        incident.place = place
        incident.kind = kind.rawValue
        incident.severity = severity.rawValue
        incident.occurredAt = occurredAt
        incident.reportedAt = now
        incident.reportedBy = principal.id
        incident.reporterName = principal.displayName
        incident.description = description
        incident.peopleInvolved = people
        incident.damageVND = input.damageVND
        incident.keepsLocation = input.keepsLocation
        incident.stage = IncidentStage.reported.rawValue
        incident.escalationLevel = 0
        try await incident.insert(on: db)
        let incidentID = try incident.requireID()
        for (position, upload) in input.photos.enumerated() {
            let photo = IncidentPhoto()
            photo.incidentID = incidentID
            photo.position = position
            photo.contentType = upload.format.contentType
            photo.byteCount = upload.bytes.count
            photo.bytes = upload.bytes
            try await photo.insert(on: db)
        }
        try await IncidentEvent(
            incidentID: incidentID,
            at: now,
            kind: .reported,
            stage: .reported,
            actorID: principal.id,
            actorName: principal.displayName
        ).insert(on: db)
        var snapshot = incident.auditSnapshot
        snapshot["photos"] = String(input.photos.count)
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: incidentID.uuidString,
            before: nil,
            after: snapshot,
            now: now
        )
        try await Outbox.publish(
            .incidentReported,
            payload: IncidentSummaryDTO(incident, unitName: unit.name),
            unit: unitID,
            area: area,
            on: db,
            now: now
        )
        try await IncidentEscalationService.notifyFirst(incident, unit: unit, except: principal.id, on: db, now: now)
        return incident
    }

    /// `report` in a write transaction of its own (or of the write this is called in).
    @discardableResult
    static func report(_ input: IncidentInput, by principal: Principal, on app: Application) async throws -> Incident {
        let now = app.clock.now()
        return try await app.write { db in try await report(input, by: principal, on: db, now: now) }
    }
}
