import AnToanCore
import Fluent
import Foundation
import Vapor

/// What a triager posts: the decision, its text (the question, or the dismissal's reason), and for an incident
/// its kind, severity and — for a tip that named only an area — the unit it happened at.
struct TipDecisionInput: APIInput {
    static let fields: Set<String> = ["decision", "text", "kind", "severity", "unit_id"]
    var decision: String?
    var text: String?
    var kind: String?
    var severity: String?
    var unitId: UUID?

    func problems() -> [FieldError] { [] }
}

/// Triage of a tip by the unit it names or the authority over its area.
enum TipTriageService {
    static func decide(
        _ tipID: UUID,
        _ input: TipDecisionInput,
        by principal: Principal,
        on app: Application
    )
        async throws -> Tip
    {
        guard principal.can(.handleIncidents) else { throw AppError.forbidden }
        _ = try await TipQueries.tip(tipID, in: principal.scope, on: app.db)
        var checker = FieldChecker()
        let decision = checker.choice("decision", input.decision, TipDecision.self)
        let limit = decision == .askSender ? TipService.maxQuestion : TipService.maxReason
        let text = checker.text("text", input.text, max: limit, optional: true, kind: .multiline)
        try checker.check()
        guard let decision else { throw AppError.invalidFields(checker.errors) }
        let now = app.clock.now()
        return try await app.write { db in
            guard let tip = try await db.lockedRow(Tip.self, tipID) else { throw AppError.notFound }
            let status: TipStatus
            switch TipTriage.decide(decision, on: tip.statusValue, text: text) {
            case .success(let next): status = next
            case .failure(.textRequired): throw TipService.invalid("text", problem: .textRequired)
            case .failure(let problem): throw TipService.invalid("decision", problem: problem)
            }
            let before = tip.auditSnapshot
            tip.status = status.rawValue
            switch decision {
            case .askSender:
                try await TipMessage(
                    tipID: tipID,
                    kind: .question,
                    text: text,
                    at: now,
                    authorID: principal.id,
                    authorName: principal.displayName
                )
                .insert(on: db)
            case .dismiss:
                tip.reason = text
            case .acceptAsNote:
                tip.noteID = try await note(from: tip, by: principal, on: db, now: now)
            case .acceptAsIncident:
                tip.incidentID = try await incident(from: tip, input, by: principal, on: db, now: now)
            }
            if status.isDecided {
                tip.decidedAt = now
                tip.decidedBy = principal.id
                tip.decidedByName = principal.displayName
            }
            try await tip.persist(on: db)
            var after = tip.auditSnapshot
            if decision == .askSender { after["question"] = text }
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: TipService.entity,
                entityID: tipID.uuidString,
                before: before,
                after: after,
                now: now
            )
            return tip
        }
    }

    /// The situation note an accepted tip becomes, in the tip's unit (or area).
    private static func note(
        from tip: Tip,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws
        -> UUID
    {
        let note = SituationNote()
        note.unitID = tip.unitID
        note.areaPath = tip.areaPath
        note.text = tip.what
        note.place = tip.place
        note.writtenAt = now
        note.writtenBy = principal.id
        note.authorName = principal.displayName
        note.tipID = tip.id
        try await SituationNotes.store(note, by: principal, on: db, now: now)
        return try note.requireID()
    }

    /// The incident an accepted tip becomes, through the incidents' one way in: its description is the tip with
    /// the sender's answers, its photos the tip's.
    private static func incident(
        from tip: Tip,
        _ input: TipDecisionInput,
        by principal: Principal,
        on db: any Database,
        now: Date
    ) async throws -> UUID {
        guard let unitID = input.unitId ?? tip.unitID else {
            throw AppError.invalidFields([FieldError(field: "unit_id", reason: .required)])
        }
        // A unit the tip's area holds: an authority places an area's tip at one of its units.
        let unit = try await OrganisationQueries.unit(unitID, in: principal.scope, on: db)
        guard let area = AreaPath(tip.areaPath), let unitArea = AreaPath(unit.areaPath), area.contains(unitArea) else {
            throw AppError.invalidFields([
                FieldError(
                    field: "unit_id",
                    reason: .invalid(vi: "không thuộc địa bàn của tin báo", en: "is not in the tip's area")
                )
            ])
        }
        let tipID = try tip.requireID()
        let answers = try await TipQueries.messages(of: tipID, on: db).map { message in
            (message.kind == TipMessage.Kind.question.rawValue ? "Hỏi: " : "Người báo tin: ") + message.text
        }
        var description = "Từ tin báo nhận lúc \(VietnamTime.dateTime(tip.receivedAt)): \(tip.what)"
        if !tip.happened.isEmpty { description += "\nThời gian theo người báo: \(tip.happened)" }
        if !answers.isEmpty { description += "\n" + answers.joined(separator: "\n") }
        let photos = try await TipQueries.photoFiles(of: tipID, on: db).prefix(PhotoUpload.maxCount).compactMap {
            photo in
            PhotoFile.Format.allCases.first { $0.contentType == photo.contentType }
                .map { PhotoUpload(format: $0, bytes: photo.bytes) }
        }
        let incident = try await IncidentService.report(
            IncidentInput(
                unitID: unitID,
                kind: input.kind,
                severity: input.severity,
                place: tip.place,
                occurredAt: tip.receivedAt,
                description: String(description.prefix(IncidentLimits.description)),
                photos: Array(photos)
            ),
            by: principal,
            on: db,
            now: now
        )
        return try incident.requireID()
    }
}
