import AnToanCore
import OpenAPIKit

/// Patrols in the OpenAPI document.
extension PatrolsAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/patrols/routes",
                "The patrol routes of the caller's scope, with their checkpoints",
                response: PatrolRouteListDTO.self
            ),
            .post(
                "/api/v1/patrols/routes",
                "A new route of a unit (unit_id may be left out by an account of one unit): its schedule (interval: "
                    + "every_minutes; rounds: a number of rounds in the span), order and 'not before' gap",
                request: PatrolRouteAPIInput.self,
                response: PatrolRouteDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/patrols/routes/{id}",
                "A route with its checkpoints and the signed link each one's label and NFC tag carry",
                response: PatrolRouteDTO.self
            ),
            .post(
                "/api/v1/patrols/routes/{id}/checkpoints",
                "Add a checkpoint at the end of the route; the rounds not yet walked are made again",
                request: PatrolCheckpointAPIInput.self,
                response: PatrolCheckpointDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/patrols/rounds",
                "The rounds of a schedule day (a night's rounds after midnight belong to the day it began)",
                response: PatrolRoundListDTO.self,
                query: [
                    APIParameter(
                        name: "day",
                        schema: .string(description: "dd/MM/yyyy or yyyy-MM-dd", maxLength: 10),
                        description: "today (Vietnam) by default"
                    )
                ]
            ),
            .get(
                "/api/v1/patrols/rounds/{id}",
                "A round with each planned checkpoint: on_time, late, missing or pending",
                response: PatrolRoundDTO.self
            ),
            .post(
                "/api/v1/patrols/scans",
                "Scans kept on a phone while offline: each judged on its phone time corrected by the clock error "
                    + "(sent_at against the server's time; flagged clock_skew past 2 minutes); a sequence number "
                    + "already received is a duplicate; a refused scan is kept as a refused attempt",
                request: PatrolScanBatchInput.self,
                response: PatrolBatchDTO.self
            ),
        ]
    }
}
