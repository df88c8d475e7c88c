import AnToanCore
import Foundation
import Vapor

/// An incident in a list, and in the events that tell open pages of it.
struct IncidentSummaryDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var kind: String
    var kindName: String
    var severity: String
    var stage: String
    var place: String
    var occurredAt: Date
    var reportedAt: Date
    var acknowledged: Bool
    var escalationLevel: Int

    init(_ incident: Incident, unitName: String) {
        id = incident.id ?? .placeholder
        unitId = incident.unitID
        self.unitName = unitName
        kind = incident.kind
        kindName = incident.kindValue.nameVi
        severity = incident.severity
        stage = incident.stage
        place = incident.place
        occurredAt = incident.occurredAt
        reportedAt = incident.reportedAt
        acknowledged = incident.acknowledgedAt != nil
        escalationLevel = incident.escalationLevel
    }
}

/// A list of incidents with the count of each kind over the whole filter (not only the page).
struct IncidentListDTO: Content {
    struct KindCount: Content {
        var kind: String
        var count: Int
    }

    var total: Int
    var countsByKind: [KindCount]
    var incidents: [IncidentSummaryDTO]
}

/// One entry of an incident's timeline.
struct IncidentTimelineDTO: Content {
    var kind: String
    var at: Date
    var stage: String?
    var by: String
    var note: String?
}

/// An incident with its timeline, its outcome once closed, and the addresses of its photos.
struct IncidentDTO: Content {
    struct Outcome: Content {
        var qualification: String
        var crimeSeverity: String?
        var forceMajeure: Bool
        var detectedPromptly: Bool
        var damageLimited: Bool
        var reportedToAuthorityAt: Date?
    }

    var id: UUID
    var unitId: UUID
    var unitName: String
    var kind: String
    var criteria: [String]
    var severity: String
    var stage: String
    var place: String
    var siteId: UUID?
    var occurredAt: Date
    var reportedAt: Date
    var reportedBy: String
    var description: String
    var peopleInvolved: String?
    var damageVnd: Int?
    var acknowledgedAt: Date?
    var escalationLevel: Int
    var photos: [String]
    var timeline: [IncidentTimelineDTO]
    var outcome: Outcome?
    var closedAt: Date?
}

/// An incident reported over the API (photos go with a multipart form to the page's address).
struct IncidentReportInput: APIInput {
    static let fields: Set<String> = [
        "unit_id", "kind", "severity", "site_id", "place", "occurred_at", "description", "people_involved",
        "damage_vnd",
    ]
    var unitId: UUID
    var kind: String?
    var severity: String?
    var siteId: UUID?
    var place: String?
    var occurredAt: String?
    var description: String?
    var peopleInvolved: String?
    var damageVnd: Int?

    func problems() -> [FieldError] {
        guard let occurredAt, IncidentTime.parse(occurredAt) == nil else { return [] }
        return [
            FieldError(
                field: "occurred_at",
                reason: .invalid(vi: "cần ngày giờ ISO 8601", en: "needs an ISO 8601 date and time")
            )
        ]
    }

    var input: IncidentInput {
        IncidentInput(
            unitID: unitId,
            kind: kind,
            severity: severity,
            siteID: siteId,
            place: place,
            occurredAt: occurredAt.flatMap(IncidentTime.parse),
            description: description,
            peopleInvolved: peopleInvolved,
            damageVND: damageVnd.map(Int64.init)
        )
    }
}

/// A step of the response over the API.
struct IncidentStepRequest: APIInput {
    static let fields: Set<String> = [
        "stage", "note", "skip_reason", "qualification", "crime_severity", "force_majeure", "detected_promptly",
        "damage_limited", "reported_to_authority_at",
    ]
    var stage: String?
    var note: String?
    var skipReason: String?
    var qualification: String?
    var crimeSeverity: String?
    var forceMajeure: Bool?
    var detectedPromptly: Bool?
    var damageLimited: Bool?
    var reportedToAuthorityAt: String?

    func problems() -> [FieldError] { [] }

    var input: IncidentStepInput {
        IncidentStepInput(
            stage: stage,
            note: note,
            skipReason: skipReason,
            qualification: qualification,
            crimeSeverity: crimeSeverity,
            forceMajeure: forceMajeure ?? false,
            detectedPromptly: detectedPromptly ?? false,
            damageLimited: damageLimited ?? false,
            reportedToAuthorityAt: reportedToAuthorityAt
        )
    }
}

/// The answer to an acknowledgement: whether this call acknowledged (false: the caller had already).
struct IncidentAcknowledgementDTO: Content {
    var acknowledged: Bool
    var alreadyAcknowledged: Bool
}
