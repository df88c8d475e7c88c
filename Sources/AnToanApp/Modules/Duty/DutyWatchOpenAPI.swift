import OpenAPIKit

/// Check-in, the log book and handovers in the OpenAPI document.
extension DutyWatchAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        let day = JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd", maxLength: 10)
        return [
            .post(
                "/api/v1/duty/check-in",
                "Check in to the caller's shift that is open for check-in (on time up to 15 minutes after it starts)",
                response: CheckInDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/duty/check-out",
                "Check out of the caller's shift; more than an hour before it ends, with the reason (written in the "
                    + "log book)",
                request: CheckOutInput.self,
                response: CheckInDTO.self
            ),
            .post(
                "/api/v1/duty/log",
                "Write in the log book of the caller's post: a note, an open item, or a close or correction of an "
                    + "entry (refers_to)",
                request: LogEntryInput.self,
                response: LogEntryDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/duty/handover",
                "Hand the caller's post over to the next shift, with the open items as they stand and the count of the "
                    + "post's equipment (required when the post has items; a missing item raises a lost_equipment "
                    + "incident and opens a loss report)",
                request: HandoverInput.self,
                response: HandoverDTO.self,
                status: 201
            ),
            APIOperation(
                method: .post,
                path: "/api/v1/duty/handovers/{id}/receive",
                summary: "Confirm a handover as someone on the incoming shift, with the incoming count of the post's "
                    + "equipment (required when the post has items); anyone else is a 422 naming staff",
                request: .json(HandoverCountInput.self),
                requestRequired: false,
                response: .json(HandoverDTO.self)
            ),
            .get(
                "/api/v1/units/{id}/duty-log",
                "The unit's log book over from–to (the last 7 days by default, at most 93)",
                response: LogBookDTO.self,
                query: [APIParameter(name: "from", schema: day), APIParameter(name: "to", schema: day)]
            ),
        ]
    }
}
