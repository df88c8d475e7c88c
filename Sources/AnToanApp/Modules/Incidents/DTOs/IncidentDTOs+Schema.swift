import AnToanCore
import OpenAPIKit

extension IncidentSummaryDTO: APISchema {
    static let schemaName = "IncidentSummary"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string, "kind": .choice(IncidentKind.self),
            "kind_name": .string, "severity": .choice(IncidentSeverity.self), "stage": .choice(IncidentStage.self),
            "place": .string, "occurred_at": .timestamp, "reported_at": .timestamp, "acknowledged": .boolean,
            "escalation_level": .integer(minimum: (0, exclusive: false)),
        ])
    }
}

extension IncidentListDTO: APISchema {
    static let schemaName = "IncidentList"
    static var schema: JSONSchema {
        .record([
            "total": .integer(minimum: (0, exclusive: false)),
            "counts_by_kind": .list(
                .record(["kind": .choice(IncidentKind.self), "count": .integer(minimum: (1, exclusive: false))])
            ),
            "incidents": [IncidentSummaryDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [IncidentSummaryDTO.self] }
}

extension IncidentDTO: APISchema {
    static let schemaName = "Incident"
    static var schema: JSONSchema {
        let kinds = ["reported", "acknowledged", "escalated", "step", "skipped", "note"].map { AnyCodable($0) }
        return .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string, "kind": .choice(IncidentKind.self),
            "criteria": .list(.string), "severity": .choice(IncidentSeverity.self),
            "stage": .choice(IncidentStage.self), "place": .string, "site_id": .uuid.optional,
            "occurred_at": .timestamp, "reported_at": .timestamp, "reported_by": .string, "description": .string,
            "people_involved": .string.optional, "damage_vnd": .integer(minimum: (0, exclusive: false)).optional,
            "acknowledged_at": .timestamp.optional, "escalation_level": .integer(minimum: (0, exclusive: false)),
            "photos": .list(.string(description: "Addresses of the photos, on this site")),
            "timeline": .list(
                .record([
                    "kind": .string(allowedValues: kinds), "at": .timestamp,
                    "stage": .choice(IncidentStage.self).optional, "by": .string, "note": .string.optional,
                ])
            ),
            "outcome": JSONSchema.record([
                "qualification": .choice(LegalQualification.self),
                "crime_severity": .choice(CrimeSeverity.self).optional, "force_majeure": .boolean,
                "detected_promptly": .boolean, "damage_limited": .boolean,
                "reported_to_authority_at": .timestamp.optional,
            ]).optional,
            "closed_at": .timestamp.optional,
        ])
    }
}

extension IncidentReportInput: APISchema {
    static let schemaName = "IncidentReportInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "kind": .choice(IncidentKind.self), "severity": .choice(IncidentSeverity.self),
            "site_id": .uuid.optional, "place": .text(max: IncidentLimits.place).optional,
            "occurred_at": JSONSchema.string(format: .dateTime, description: "Now when left out").optional,
            "description": .text(max: IncidentLimits.description, min: 1),
            "people_involved": .text(max: IncidentLimits.peopleInvolved).optional,
            "damage_vnd": JSONSchema.integer(
                maximum: (Int(IncidentLimits.damageVND), exclusive: false),
                minimum: (0, exclusive: false)
            ).optional,
        ])
    }
}

extension IncidentStepRequest: APISchema {
    static let schemaName = "IncidentStepInput"
    static var schema: JSONSchema {
        .record([
            "stage": .choice(IncidentStage.self), "note": .text(max: IncidentLimits.note).optional,
            "skip_reason": .text(max: IncidentLimits.reason).optional,
            "qualification": JSONSchema.choice(LegalQualification.self).optional,
            "crime_severity": JSONSchema.choice(CrimeSeverity.self).optional,
            "force_majeure": JSONSchema.boolean.optional, "detected_promptly": JSONSchema.boolean.optional,
            "damage_limited": JSONSchema.boolean.optional,
            "reported_to_authority_at": JSONSchema.string(format: .dateTime).optional,
        ])
    }
}

extension IncidentAcknowledgementDTO: APISchema {
    static let schemaName = "IncidentAcknowledgement"
    static var schema: JSONSchema { .record(["acknowledged": .boolean, "already_acknowledged": .boolean]) }
}
