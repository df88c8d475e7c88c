import AnToanCore
import OpenAPIKit

/// The gate in the OpenAPI document.
extension GateAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .post(
                "/api/v1/gate/visits",
                "Check a visitor in at a unit of the caller's scope (receptionists, guards, security officers). A "
                    + "watchlist match answers held with the instruction to hold the visitor and call the security "
                    + "officer, who is alerted; the host is told of the arrival",
                request: VisitCheckInRequest.self,
                response: VisitDTO.self,
                status: 201
            ),
            .get("/api/v1/gate/visits/{id}", "A visit (the read is logged)", response: VisitDTO.self),
            .post(
                "/api/v1/gate/visits/{id}/check-out",
                "Check a visitor out; one not inside is a 422 naming visit",
                response: VisitDTO.self
            ),
            .get(
                "/api/v1/gate/inside",
                "Who is inside now, for a roll-call, overstays flagged (the read is logged)",
                response: InsideListDTO.self,
                query: [APIParameter(name: "unit", schema: .uuid)]
            ),
            .get(
                "/api/v1/gate/watchlist",
                "The watchlist entries the caller keeps or sees",
                response: WatchListDTO.self
            ),
            .post(
                "/api/v1/gate/watchlist",
                "Add a watchlist entry: a document number, or a full name with a date of birth, and the reason",
                request: WatchEntryRequest.self,
                response: WatchEntryDTO.self,
                status: 201
            ),
        ]
    }
}
