import AnToanCore
import OpenAPIKit

/// Incidents in the OpenAPI document.
extension IncidentsAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        let day = JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd", maxLength: 10)
        let states = IncidentStage.allCases.map { AnyCodable($0.rawValue) } + [AnyCodable("open")]
        return [
            .get(
                "/api/v1/incidents",
                "The incidents of the caller's scope, open ones first (unacknowledged first), with the count of "
                    + "each kind; filtered by kind, severity, state (a stage, or open), days of occurrence and unit",
                response: IncidentListDTO.self,
                query: [
                    APIParameter(name: "kind", schema: .choice(IncidentKind.self)),
                    APIParameter(name: "severity", schema: .choice(IncidentSeverity.self)),
                    APIParameter(name: "state", schema: .string(allowedValues: states)),
                    APIParameter(name: "from", schema: day),
                    APIParameter(name: "to", schema: day),
                    APIParameter(name: "unit", schema: .uuid),
                ]
            ),
            .post(
                "/api/v1/incidents",
                "Report an incident at a unit of the caller's scope (photos: the report form, multipart); its "
                    + "unit's leaders and supervising authority are told at once, and it escalates unacknowledged",
                request: IncidentReportInput.self,
                response: IncidentDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/incidents/{id}",
                "An incident with its timeline, photos and outcome",
                response: IncidentDTO.self
            ),
            .post(
                "/api/v1/incidents/{id}/acknowledge",
                "Acknowledge an incident (the unit's leadership and the authorities over it); idempotent",
                response: IncidentAcknowledgementDTO.self
            ),
            .post(
                "/api/v1/incidents/{id}/steps",
                "Record the next step of the response, or a later one with skip_reason; closing (stage closed) "
                    + "records the outcome",
                request: IncidentStepRequest.self,
                response: IncidentDTO.self
            ),
        ]
    }
}
