import AnToanCore
import Fluent
import Foundation
import Vapor

/// A situation note as a page or the API gives it.
struct SituationNoteInput: APIInput {
    static let fields: Set<String> = ["text", "place", "unit_id"]
    var text: String?
    var place: String?
    /// The unit; for an account of one unit, its own (and may be left out).
    var unitId: UUID?

    func problems() -> [FieldError] { [] }
}

/// Turning a note into an incident: what the incident register needs that a note does not say.
struct NoteIncidentInput: APIInput {
    static let fields: Set<String> = ["kind", "severity"]
    var kind: String?
    var severity: String?

    func problems() -> [FieldError] { [] }
}

extension EventType {
    static let situationNoteWritten = EventType(rawValue: "situation_note.written")
}

/// Situation notes (INC-5): anyone of a unit who may report an incident may note a sign of trouble; the unit's
/// head and security officer and the authorities over it are told, read them, and may turn one into an incident.
enum SituationNotes {
    static let entity = "situation_note"
    static let maxText = 4_000
    static let maxPlace = 300

    static func write(
        _ input: SituationNoteInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> SituationNote
    {
        guard principal.can(.reportIncident) else { throw AppError.forbidden }
        var checker = FieldChecker()
        let text = checker.text("text", input.text, max: maxText, kind: .multiline)
        let place = checker.text("place", input.place, max: maxPlace, optional: true)
        var unit: OrgUnit?
        switch (principal.scope, input.unitId) {
        case (.unit(let own, _), let posted) where posted == nil || posted == own:
            unit = try await OrganisationQueries.unit(own, in: principal.scope, on: app.db)
        case (_, let posted?):
            unit = try await OrganisationQueries.unit(posted, in: principal.scope, on: app.db)
        case (_, nil):
            checker.add("unit_id", .required)
        }
        try checker.check()
        guard let unit else { throw AppError.invalidFields(checker.errors) }
        let top =
            if let parent = unit.$parent.id {
                try await OrganisationQueries.unit(parent, in: .everything, on: app.db)
            } else { unit }
        let now = app.clock.now()
        let note = SituationNote()
        note.unitID = try top.requireID()
        note.areaPath = top.areaPath
        note.text = text
        note.place = place
        note.writtenAt = now
        note.writtenBy = principal.id
        note.authorName = principal.displayName
        try await app.write { db in try await store(note, by: principal, on: db, now: now) }
        return note
    }

    /// Inserts a note with its audit entry, event and the leadership's notification, in the write `db`.
    static func store(_ note: SituationNote, by principal: Principal, on db: any Database, now: Date) async throws {
        try await note.insert(on: db)
        let noteID = try note.requireID()
        try await AuditTrail.record(
            on: db,
            actor: principal.auditActor,
            action: .create,
            entity: entity,
            entityID: noteID.uuidString,
            before: nil,
            after: note.auditSnapshot,
            now: now
        )
        try await Outbox.publish(
            .situationNoteWritten,
            payload: SituationNoteEventDTO(note),
            unit: note.unitID,
            area: AreaPath(note.areaPath),
            on: db,
            now: now
        )
        var told = try await TipRecipients.accounts(unit: note.unitID, area: note.areaPath, on: db)
        told.remove(principal.id)
        try await Notifications.send(
            to: told,
            title: LocalizedText(
                vi: "Tình hình đáng chú ý: \(TipService.summary(note.text))",
                en: "Situation note: \(TipService.summary(note.text))"
            ),
            link: SiteURL.tips(.notes).path,
            needsAcknowledgement: false,
            entity: entity,
            entityID: noteID,
            on: db,
            now: now
        )
    }

    /// Turns a note into an incident, through the incidents' one way in; a note is turned once.
    static func turnIntoIncident(
        _ noteID: UUID,
        _ input: NoteIncidentInput,
        by principal: Principal,
        on app: Application
    ) async throws -> SituationNote {
        guard principal.can(.handleIncidents) else { throw AppError.forbidden }
        _ = try await SituationNoteQueries.note(noteID, in: principal.scope, on: app.db)
        let now = app.clock.now()
        return try await app.write { db in
            guard let note = try await db.lockedRow(SituationNote.self, noteID) else { throw AppError.notFound }
            guard note.incidentID == nil else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "note",
                        reason: .invalid(vi: "đã được chuyển thành vụ việc", en: "was already turned into an incident")
                    )
                ])
            }
            guard let unitID = note.unitID else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "unit_id",
                        reason: .invalid(
                            vi: "ghi nhận này chưa gắn với đơn vị nào",
                            en: "this note is not tied to a unit"
                        )
                    )
                ])
            }
            let before = note.auditSnapshot
            // A note need not say where; an incident must: the unit's address stands in.
            var place = note.place
            if place.isEmpty {
                let unit = try await OrganisationQueries.unit(unitID, in: .everything, on: db)
                place = unit.address.isEmpty ? unit.name : unit.address
            }
            let incident = try await IncidentService.report(
                IncidentInput(
                    unitID: unitID,
                    kind: input.kind,
                    severity: input.severity,
                    place: place,
                    occurredAt: note.writtenAt,
                    description: note.text
                ),
                by: principal,
                on: db,
                now: now
            )
            note.incidentID = try incident.requireID()
            note.turnedAt = now
            try await note.persist(on: db)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .update,
                entity: entity,
                entityID: noteID.uuidString,
                before: before,
                after: note.auditSnapshot,
                now: now
            )
            return note
        }
    }
}
