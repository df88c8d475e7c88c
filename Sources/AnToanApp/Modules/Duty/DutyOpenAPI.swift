/// The duty module's part of the OpenAPI document.
extension OpenAPI {
    static let dutyOperations: [Operation] = [
        Operation(
            method: "get",
            path: "/api/v1/holidays/{year}",
            summary: "The year's days off: the confirmed schedule, or the computed proposal (confirmed false)",
            response: "HolidayList"
        ),
        Operation(
            method: "put",
            path: "/api/v1/holidays/{year}",
            summary: "Confirm the year's days off as given, or the proposal when `days` is left out (administrators)",
            request: "HolidayInput",
            response: "HolidayList"
        ),
        Operation(
            method: "get",
            path: "/api/v1/peak-periods",
            summary: "Peak periods over, in or below the caller's area",
            response: "PeakPeriodList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/peak-periods",
            summary:
                "Declare a peak period for an area in the caller's scope; every unit below it needs the extra people",
            request: "PeakPeriodInput",
            response: "PeakPeriod",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/duty-setup",
            summary: "The unit's duty posts, shift patterns and staffing per kind of day",
            response: "DutySetup"
        ),
        Operation(
            method: "put",
            path: "/api/v1/units/{id}/duty-setup",
            summary: "Replace the unit's duty posts (pattern 3x8, 2x12, 24h or own shifts; staffing per shift)",
            request: "DutySetupInput",
            response: "DutySetup"
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/rosters",
            summary: "The unit's rosters, newest first",
            response: "RosterList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/units/{id}/rosters",
            summary: "Generate a draft roster (days off, peak periods and the published roster are taken into account)",
            request: "RosterRequest",
            response: "Roster",
            status: 201
        ),
        Operation(method: "get", path: "/api/v1/rosters/{id}", summary: "A roster with its seats", response: "Roster"),
        Operation(
            method: "post",
            path: "/api/v1/rosters/{id}/publish",
            summary: "Publish a draft; a published roster over the same days is replaced",
            response: "Roster"
        ),
        Operation(
            method: "get",
            path: "/api/v1/duty/oversight",
            summary:
                "Units in scope lacking a leader or enough officers now, tonight or on the next holiday or peak day",
            response: "UnitCoverList",
            query: ["at"]
        ),
        Operation(
            method: "get",
            path: "/api/v1/anniversaries/{year}",
            summary: "The year's anniversaries that drive peak plans (22/12, 19/8 …; not days off), with lunar dates",
            response: "AnniversaryList"
        ),
    ]

    static var dutySchemas: [String: Any] {
        let day: [String: Any] = object(["date": ["type": "string"], "lunar": ["type": "string"]], required: ["date"])
        return [
            "Day": day,
            "Holiday": record(["day", "name", "kind", "confirmed"]),
            "HolidayList": ["type": "array", "items": ref("Holiday")],
            "HolidayInput": object(
                [
                    "days": [
                        "type": "array",
                        "items": object(
                            ["date": ["type": "string"], "name": ["type": "string"]],
                            required: ["date", "name"]
                        ),
                    ]
                ],
                required: []
            ),
            "PeakPeriod": record([
                "id", "name", "area_id", "area_path", "start", "end", "extra_leaders", "extra_officers",
            ]),
            "PeakPeriodList": ["type": "array", "items": ref("PeakPeriod")],
            "PeakPeriodInput": input(
                ["name", "area_id", "start_date", "end_date", "extra_leaders", "extra_officers"],
                required: ["name", "area_id", "start_date", "end_date"]
            ),
            "DutySetup": record(["unit_id", "posts"]),
            "DutySetupInput": object(["posts": ["type": "array", "items": ["type": "object"]]], required: ["posts"]),
            "Roster": object(
                Dictionary(
                    uniqueKeysWithValues: [
                        "id", "unit_id", "start_date", "end_date", "status", "hard_violations", "open_seats", "report",
                        "seats",
                    ].map { ($0, [String: Any]()) }
                ),
                required: [
                    "id", "unit_id", "start_date", "end_date", "status", "hard_violations", "open_seats", "report",
                ]
            ),
            "RosterList": ["type": "array", "items": ref("Roster")],
            "RosterRequest": input(["start_date", "days", "seed"], required: ["start_date"]),
            "UnitCover": record(["unit_id", "code", "name", "no_setup", "gaps", "not_checked_in"]),
            "UnitCoverList": ["type": "array", "items": ref("UnitCover")],
            "Anniversary": record(["day", "name_vi", "name_en"]),
            "AnniversaryList": ["type": "array", "items": ref("Anniversary")],
        ].merging(rosterEditSchemas) { duty, _ in duty }
    }
}
