import AnToanCore
import Fluent
import Foundation

/// An incident (vụ việc) at a unit: what, where, when, how grave, and where its response stands.
/// `@unchecked Sendable`: Fluent model.
final class Incident: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?

    @Field(key: "unit_id") var unitID: UUID
    /// The unit's area path, kept beside it so that an authority's scope selects by prefix with no join.
    @Field(key: "area_path") var areaPath: String
    @OptionalField(key: "site_id") var siteID: UUID?
    /// The site's name, or the place as the reporter wrote it.
    @Field(key: "place") var place: String
    @Field(key: "kind") var kind: String
    @Field(key: "severity") var severity: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "reported_at") var reportedAt: Date
    @OptionalField(key: "reported_by") var reportedBy: UUID?
    @Field(key: "reporter_name") var reporterName: String
    @Field(key: "description") var description: String
    @Field(key: "people_involved") var peopleInvolved: String
    @OptionalField(key: "damage_vnd") var damageVND: Int64?
    @Field(key: "keeps_location") var keepsLocation: Bool

    // response
    @Field(key: "stage") var stage: String
    /// The first acknowledgement by anyone told of it; escalation stops there.
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    /// 0: the unit's leaders and the first supervising body; n: the n-th body of the chain above it.
    @Field(key: "escalation_level") var escalationLevel: Int

    // outcome, when closed
    @OptionalField(key: "qualification") var qualification: String?
    @OptionalField(key: "crime_severity") var crimeSeverity: String?
    @OptionalField(key: "force_majeure") var forceMajeure: Bool?
    @OptionalField(key: "detected_promptly") var detectedPromptly: Bool?
    @OptionalField(key: "damage_limited") var damageLimited: Bool?
    @OptionalField(key: "reported_to_authority_at") var reportedToAuthorityAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

extension Incident {
    var kindValue: IncidentKind { IncidentKind(rawValue: kind) ?? .other }
    var severityValue: IncidentSeverity { IncidentSeverity(rawValue: severity) ?? .medium }
    var stageValue: IncidentStage { IncidentStage(rawValue: stage) ?? .reported }

    var outcome: IncidentOutcome? {
        guard let qualification = qualification.flatMap(LegalQualification.init(rawValue:)) else { return nil }
        return IncidentOutcome(
            qualification: qualification,
            crimeSeverity: crimeSeverity.flatMap(CrimeSeverity.init(rawValue:)),
            forceMajeure: forceMajeure ?? false,
            detectedPromptly: detectedPromptly ?? false,
            damageLimited: damageLimited ?? false,
            reportedToAuthorityAt: reportedToAuthorityAt
        )
    }

    var auditSnapshot: [String: String] {
        var snapshot = [
            "unit_id": unitID.uuidString, "site_id": siteID?.uuidString ?? "", "place": place, "kind": kind,
            "severity": severity, "occurred_at": occurredAt.ISO8601Format(), "description": description,
            "people_involved": peopleInvolved, "damage_vnd": damageVND.map(String.init) ?? "",
            "keeps_location": keepsLocation ? "true" : "false", "stage": stage,
        ]
        if let outcome {
            snapshot["qualification"] = outcome.qualification.rawValue
            snapshot["crime_severity"] = outcome.crimeSeverity?.rawValue ?? ""
            snapshot["force_majeure"] = outcome.forceMajeure ? "true" : "false"
            snapshot["detected_promptly"] = outcome.detectedPromptly ? "true" : "false"
            snapshot["damage_limited"] = outcome.damageLimited ? "true" : "false"
            snapshot["reported_to_authority_at"] = outcome.reportedToAuthorityAt?.ISO8601Format() ?? ""
        }
        return snapshot
    }
}

/// A photo of an incident, as the phone gave it but for its location metadata (unless the reporter kept it).
/// `@unchecked Sendable`: Fluent model.
final class IncidentPhoto: Model, @unchecked Sendable {
    static let schema = "incident_photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "bytes") var bytes: Data

    init() {}
}

/// One entry of an incident's timeline: the report, an acknowledgement, an escalation, a step taken or
/// skipped, a note. Entries are only ever added. `@unchecked Sendable`: Fluent model.
final class IncidentEvent: Model, @unchecked Sendable {
    static let schema = "incident_events"

    enum Kind: String, Sendable {
        case reported
        case acknowledged
        case escalated
        case step
        case skipped
        case note
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "kind") var kind: String
    @OptionalField(key: "stage") var stage: String?
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// The person's name (or the body's, for an escalation), as it was then.
    @Field(key: "actor_name") var actorName: String
    @Field(key: "note") var note: String

    init() {}

    init(
        incidentID: UUID,
        at: Date,
        kind: Kind,
        stage: IncidentStage? = nil,
        actorID: UUID?,
        actorName: String,
        note: String = ""
    ) {
        self.incidentID = incidentID
        self.at = at
        self.kind = kind.rawValue
        self.stage = stage?.rawValue
        self.actorID = actorID
        self.actorName = actorName
        self.note = note
    }
}

/// An account told of an incident (at escalation level `level`), and when it acknowledged.
/// `@unchecked Sendable`: Fluent model.
final class IncidentAddressee: Model, @unchecked Sendable {
    static let schema = "incident_addressees"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "level") var level: Int
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?

    init() {}

    init(incidentID: UUID, accountID: UUID, level: Int) {
        self.incidentID = incidentID
        self.accountID = accountID
        self.level = level
    }
}
