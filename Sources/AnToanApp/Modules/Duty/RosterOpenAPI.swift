/// The roster edits' part of the OpenAPI document (seats, swaps, one's own shifts).
extension OpenAPI {
    static let rosterEditOperations: [Operation] = [
        Operation(
            method: "put",
            path: "/api/v1/roster-seats/{id}",
            summary: "Put another person in a seat; refused (422 on staff_id, nothing written) if a hard rule breaks",
            request: "SeatEditInput",
            response: "RosterSeat"
        ),
        Operation(
            method: "post",
            path: "/api/v1/roster-seats/{id}/swaps",
            summary: "Ask to swap one's published seat with a colleague's (other_seat_id) or give it to them",
            request: "SwapInput",
            response: "RosterSwap",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/rosters/{id}/swaps",
            summary: "The roster's swap requests, newest first",
            response: "RosterSwapList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/swaps/{id}/approve",
            summary: "Approve a pending swap; applied only if the roster's checker still passes",
            response: "RosterSwap"
        ),
        Operation(
            method: "post",
            path: "/api/v1/swaps/{id}/reject",
            summary: "Reject a pending swap",
            response: "RosterSwap"
        ),
        Operation(
            method: "get",
            path: "/api/v1/my-shifts",
            summary: "The caller's published seats of the next 30 days",
            response: "RosterSeatList"
        ),
    ]

    static var rosterEditSchemas: [String: Any] {
        [
            "RosterSeat": record([
                "id", "day", "shift", "post", "role", "staff_id", "staff_name", "starts_at", "ends_at",
            ]),
            "RosterSeatList": ["type": "array", "items": ref("RosterSeat")],
            "SeatEditInput": input(["staff_id"], required: ["staff_id"]),
            "SwapInput": input(["to_staff_id", "other_seat_id", "note"], required: ["to_staff_id"]),
            "RosterSwap": record([
                "id", "roster_id", "seat_id", "from_staff_id", "to_staff_id", "other_seat_id", "note", "status",
                "created_at", "decided_at",
            ]),
            "RosterSwapList": ["type": "array", "items": ref("RosterSwap")],
        ]
    }
}
