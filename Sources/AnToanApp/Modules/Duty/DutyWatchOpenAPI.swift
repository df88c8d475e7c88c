/// Check-in, the log book and handovers in the OpenAPI document.
extension OpenAPI {
    static let dutyWatchOperations: [Operation] = [
        Operation(
            method: "post",
            path: "/api/v1/duty/check-in",
            summary:
                "Check in to the caller's shift that is open for check-in (on time up to 15 minutes after it starts)",
            response: "CheckIn",
            status: 201
        ),
        Operation(
            method: "post",
            path: "/api/v1/duty/check-out",
            summary: "Check out of the caller's shift",
            response: "CheckIn"
        ),
        Operation(
            method: "post",
            path: "/api/v1/duty/log",
            summary:
                "Write in the log book of the caller's post: a note, an open item, or a close or correction of an entry (refers_to)",
            request: "LogEntryInput",
            response: "LogEntry",
            status: 201
        ),
        Operation(
            method: "post",
            path: "/api/v1/duty/handover",
            summary: "Hand the caller's post over to the next shift, with the open items as they stand",
            request: "HandoverInput",
            response: "Handover",
            status: 201
        ),
        Operation(
            method: "post",
            path: "/api/v1/duty/handovers/{id}/receive",
            summary: "Confirm a handover as someone on the incoming shift",
            response: "Handover"
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/duty-log",
            summary: "The unit's log book over from–to (dd/MM/yyyy; the last 7 days by default, at most 93)",
            response: "LogBook",
            query: ["from", "to"]
        ),
    ]

    static var dutyWatchSchemas: [String: Any] {
        [
            "CheckIn": record(["id", "seat_id", "status", "checked_in_at", "checked_out_at"]),
            "LogEntryInput": input(["kind", "text", "refers_to"], required: ["text"]),
            "LogEntry": record(["id", "post", "kind", "text", "author", "written_at", "refers_to", "corrected_by"]),
            "HandoverInput": input(["notes"], required: ["notes"]),
            "Handover": record([
                "id", "post", "from", "to", "notes", "handed_by", "handed_at", "received_by", "received_at",
                "open_items",
            ]),
            "LogBook": object(
                [
                    "entries": ["type": "array", "items": ref("LogEntry")],
                    "handovers": ["type": "array", "items": ref("Handover")],
                ],
                required: ["entries", "handovers"]
            ),
        ]
    }
}
