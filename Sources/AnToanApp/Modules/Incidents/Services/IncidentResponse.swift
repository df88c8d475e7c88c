import AnToanCore
import Fluent
import Foundation
import Vapor

/// A step of the response as a form or the API gives it.
struct IncidentStepInput: Sendable {
    var stage: String?
    var note: String?
    /// Needed when the step passes over others.
    var skipReason: String?
    // Closing only: the outcome as the authorities determined it.
    var qualification: String?
    var crimeSeverity: String?
    var forceMajeure: Bool = false
    var detectedPromptly: Bool = false
    var damageLimited: Bool = false
    var reportedToAuthorityAt: String?
}

/// Acknowledgements and the steps of the response. Only the unit's leadership (head, security officer) and the
/// authorities over it (`handleIncidents`) acknowledge and record steps; anyone else may read the incident.
enum IncidentResponse {
    /// Acknowledges the incident for `principal`: on the timeline once, with the account's notifications about it
    /// marked acknowledged. A second acknowledgement by the same account changes nothing and is no error.
    /// Returns whether this call acknowledged (false: it was already).
    @discardableResult
    static func acknowledge(_ id: UUID, by principal: Principal, on app: Application) async throws -> Bool {
        let principal = try allowed(principal)
        let now = app.clock.now()
        return try await app.write { db in
            _ = try await IncidentQueries.incident(id, in: principal.scope, on: db)
            guard let incident = try await db.lockedRow(Incident.self, id) else { throw AppError.notFound }
            let addressee =
                try await IncidentQueries.addressee(of: id, account: principal.id, on: db)
                ?? IncidentAddressee(incidentID: id, accountID: principal.id, level: incident.escalationLevel)
            guard addressee.acknowledgedAt == nil else { return false }
            addressee.acknowledgedAt = now
            // Someone not (yet) told of it may acknowledge too: the province's police before the escalation reaches it.
            try await addressee.store(on: db)
            let before = incident.auditSnapshot
            if incident.acknowledgedAt == nil {
                incident.acknowledgedAt = now
                try await incident.persist(on: db)
            }
            try await IncidentEvent(
                incidentID: id,
                at: now,
                kind: .acknowledged,
                actorID: principal.id,
                actorName: principal.displayName
            ).insert(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: IncidentService.entity,
                entityID: id.uuidString,
                before: before,
                after: incident.auditSnapshot.merging(["acknowledged_by": principal.username]) { $1 },
                now: now
            )
            try await Notifications.acknowledge(
                account: principal.id,
                entity: IncidentService.entity,
                entityID: id,
                on: db,
                now: now
            )
            try await publish(.incidentAcknowledged, incident, on: db, now: now)
            return true
        }
    }

    /// Records a step of the response: the next stage, or a later one with a reason for those passed over (each
    /// written as skipped); closing records the outcome.
    static func step(_ id: UUID, _ input: IncidentStepInput, by principal: Principal, on app: Application) async throws
    {
        let principal = try allowed(principal)
        let now = app.clock.now()
        // Outside the scope is 404 whatever the input; a closed incident says so before any field is checked.
        let current = try await IncidentQueries.incident(id, in: principal.scope, on: app.db)
        if current.stageValue == .closed {
            let problem = IncidentWorkflow.Problem.alreadyClosed
            throw AppError.invalidFields([FieldError(field: problem.field, reason: problem.reason)])
        }
        var checker = FieldChecker()
        let stage = checker.choice("stage", input.stage, IncidentStage.self)
        let note = checker.text("note", input.note, max: IncidentLimits.note, optional: true, kind: .multiline)
        let reason = checker.text("skip_reason", input.skipReason, max: IncidentLimits.reason, optional: true)
        let outcome = stage == .closed ? closingOutcome(input, now: now, into: &checker) : nil
        try checker.check()
        guard let stage else { throw AppError.notFound }
        try await app.write { db in
            _ = try await IncidentQueries.incident(id, in: principal.scope, on: db)
            guard let incident = try await db.lockedRow(Incident.self, id) else { throw AppError.notFound }
            let skipped: [IncidentStage]
            do {
                skipped = try IncidentWorkflow.advance(from: incident.stageValue, to: stage, skipReason: reason)
            } catch let problem as IncidentWorkflow.Problem {
                throw AppError.invalidFields([FieldError(field: problem.field, reason: problem.reason)])
            }
            let before = incident.auditSnapshot
            for passed in skipped {
                try await IncidentEvent(
                    incidentID: id,
                    at: now,
                    kind: .skipped,
                    stage: passed,
                    actorID: principal.id,
                    actorName: principal.displayName,
                    note: reason
                ).insert(on: db)
            }
            try await IncidentEvent(
                incidentID: id,
                at: now,
                kind: .step,
                stage: stage,
                actorID: principal.id,
                actorName: principal.displayName,
                note: note
            ).insert(on: db)
            incident.stage = stage.rawValue
            if let outcome {
                incident.qualification = outcome.qualification.rawValue
                incident.crimeSeverity = outcome.crimeSeverity?.rawValue
                incident.forceMajeure = outcome.forceMajeure
                incident.detectedPromptly = outcome.detectedPromptly
                incident.damageLimited = outcome.damageLimited
                incident.reportedToAuthorityAt = outcome.reportedToAuthorityAt
                incident.closedAt = now
            }
            try await incident.persist(on: db)
            var after = incident.auditSnapshot
            if !skipped.isEmpty {
                after["skipped"] = skipped.map(\.rawValue).joined(separator: ",")
                after["skip_reason"] = reason
            }
            if !note.isEmpty { after["note"] = note }
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: IncidentService.entity,
                entityID: id.uuidString,
                before: before,
                after: after,
                now: now
            )
            try await publish(.incidentUpdated, incident, on: db, now: now)
        }
    }

    private static func allowed(_ principal: Principal) throws -> Principal {
        guard principal.can(.handleIncidents) else { throw AppError.forbidden }
        return principal
    }

    private static func closingOutcome(
        _ input: IncidentStepInput,
        now: Date,
        into checker: inout FieldChecker
    ) -> IncidentOutcome? {
        let qualification = checker.choice("qualification", input.qualification, LegalQualification.self)
        let severity = checker.choice("crime_severity", input.crimeSeverity, CrimeSeverity.self, optional: true)
        var reportedAt: Date?
        if let text = input.reportedToAuthorityAt, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            if let date = IncidentTime.parse(text) {
                if date > now.addingTimeInterval(IncidentLimits.clockSkew) {
                    checker.add(
                        "reported_to_authority_at",
                        .invalid(vi: "không được ở thời điểm tương lai", en: "cannot be in the future")
                    )
                }
                reportedAt = date
            } else {
                checker.add(
                    "reported_to_authority_at",
                    .invalid(vi: "cần ngày giờ dạng dd/MM/yyyy HH:mm", en: "needs a date and time as dd/MM/yyyy HH:mm")
                )
            }
        }
        guard let qualification else { return nil }
        let outcome = IncidentOutcome(
            qualification: qualification,
            crimeSeverity: severity,
            forceMajeure: input.forceMajeure,
            detectedPromptly: input.detectedPromptly,
            damageLimited: input.damageLimited,
            reportedToAuthorityAt: reportedAt
        )
        do throws(IncidentOutcome.Problem) {
            try outcome.check()
        } catch IncidentOutcome.Problem.crimeSeverityMissing {
            checker.add(
                "crime_severity",
                .invalid(
                    vi: "cần mức độ tội phạm do cơ quan điều tra xác định",
                    en: "give the crime's severity as determined"
                )
            )
        } catch {
            checker.add(
                "crime_severity",
                .invalid(vi: "chỉ ghi khi vụ việc là tội phạm", en: "only for a crime")
            )
        }
        return outcome
    }

    static func publish(_ type: EventType, _ incident: Incident, on db: any Database, now: Date) async throws {
        let unit = try await OrganisationQueries.unit(incident.unitID, in: .everything, on: db)
        try await Outbox.publish(
            type,
            payload: IncidentSummaryDTO(incident, unitName: unit.name),
            unit: incident.unitID,
            area: AreaPath(incident.areaPath),
            on: db,
            now: now
        )
    }
}

extension IncidentWorkflow.Problem {
    var field: String {
        switch self {
        case .reasonRequired: "skip_reason"
        case .alreadyClosed, .notForward: "stage"
        }
    }

    var reason: FieldError.Reason {
        switch self {
        case .alreadyClosed:
            .invalid(vi: "vụ việc đã kết thúc, không ghi thêm bước", en: "the incident is closed; no more steps")
        case .notForward(let current):
            .invalid(
                vi: "bước này đã qua: vụ việc đang ở bước «\(current.nameVi)»",
                en: "this step is past: the incident is at «\(current.nameEn)»"
            )
        case .reasonRequired(let skipping):
            .invalid(
                vi: "cần lý do bỏ qua: \(skipping.map(\.nameVi).joined(separator: "; "))",
                en: "give a reason for skipping: \(skipping.map(\.nameEn).joined(separator: "; "))"
            )
        }
    }
}
