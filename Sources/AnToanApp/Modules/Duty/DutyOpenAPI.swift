import OpenAPIKit

/// Days off, peak periods, duty set-up and rosters in the OpenAPI document.
extension DutyAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/holidays/{year}",
                "The year's days off: the confirmed schedule, or the computed proposal (confirmed false)",
                response: [HolidayDTO].self
            ),
            .put(
                "/api/v1/holidays/{year}",
                "Confirm the year's days off as given, or the proposal when `days` is left out (administrators)",
                request: HolidayInput.self,
                response: [HolidayDTO].self
            ),
            .get(
                "/api/v1/peak-periods",
                "Peak periods over, in or below the caller's area",
                response: [PeakPeriodDTO].self
            ),
            .post(
                "/api/v1/peak-periods",
                "Declare a peak period for an area in the caller's scope; every unit below it needs the extra people",
                request: PeakPeriodInput.self,
                response: PeakPeriodDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/units/{id}/duty-setup",
                "The unit's duty posts, shift patterns and staffing per kind of day",
                response: DutySetupDTO.self
            ),
            .put(
                "/api/v1/units/{id}/duty-setup",
                "Replace the unit's duty posts (pattern 3x8, 2x12, 24h or own shifts; staffing per shift)",
                request: DutySetupInput.self,
                response: DutySetupDTO.self
            ),
            .get("/api/v1/units/{id}/rosters", "The unit's rosters, newest first", response: [RosterDTO].self),
            .post(
                "/api/v1/units/{id}/rosters",
                "Generate a draft roster (days off, peak periods and the published roster are taken into account)",
                request: RosterRequest.self,
                response: RosterDTO.self,
                status: 201
            ),
            .get("/api/v1/rosters/{id}", "A roster with its seats", response: RosterDTO.self),
            APIOperation(
                method: .post,
                path: "/api/v1/rosters/{id}/publish",
                summary: "Publish a roster (approved first when the unit requires trình ký); one with open seats needs "
                    + "confirm_open_seats true (422 otherwise). A published roster over the same days is replaced",
                request: .json(RosterPublishInput.self),
                requestRequired: false,
                response: .json(RosterDTO.self)
            ),
            .get(
                "/api/v1/duty/oversight",
                "Units in scope lacking a leader or enough officers now, tonight or on the next holiday or peak day",
                response: [UnitCoverDTO].self,
                query: [APIParameter(name: "at", schema: .timestamp, description: "Now by default")]
            ),
        ]
    }
}

/// The anniversaries in the OpenAPI document.
extension DutyCalendarAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/anniversaries/{year}",
                "The year's anniversaries that drive peak plans (22/12, 19/8 …; not days off), with lunar dates",
                response: [AnniversaryDTO].self
            )
        ]
    }
}
