import OpenAPIKit

/// The roster edits in the OpenAPI document (seats, swaps, one's own shifts).
extension RosterEditAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .put(
                "/api/v1/roster-seats/{id}",
                "Put another person in a seat; refused (422 on staff_id, nothing written) if a hard rule breaks",
                request: SeatEditInput.self,
                response: RosterSeatDTO.self
            ),
            .post(
                "/api/v1/roster-seats/{id}/swaps",
                "Ask to swap one's published seat with a colleague's (other_seat_id) or give it to them",
                request: SwapInput.self,
                response: RosterSwapDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/rosters/{id}/swaps",
                "The roster's swap requests, newest first",
                response: [RosterSwapDTO].self
            ),
            .post(
                "/api/v1/swaps/{id}/approve",
                "Approve a pending swap; applied only if the roster's checker still passes",
                response: RosterSwapDTO.self
            ),
            .post("/api/v1/swaps/{id}/reject", "Reject a pending swap", response: RosterSwapDTO.self),
            .get(
                "/api/v1/my-shifts",
                "The caller's published seats of the next 30 days",
                response: [RosterSeatDTO].self
            ),
        ]
    }
}
