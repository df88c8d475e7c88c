import AnToanCore
import OpenAPIKit

extension JSONSchema {
    /// A `DayDTO`: the solar date and its lunar date.
    static var dutyDay: JSONSchema {
        .record([
            "date": .day,
            "lunar": .string(description: "d/M of the lunar calendar, \"n\" after a leap month: 1/1, 15/4n"),
        ])
    }

    static var staffCount: JSONSchema {
        .record([
            "leaders": .integer(maximum: (50, exclusive: false), minimum: (0, exclusive: false)),
            "officers": .integer(maximum: (50, exclusive: false), minimum: (0, exclusive: false)),
        ])
    }

    static var dutyShift: JSONSchema {
        .record([
            "id": .text(max: 32, min: 1), "start": .string(description: "HH:mm", pattern: "^[0-2][0-9]:[0-5][0-9]$"),
            "hours": .number(maximum: (24, exclusive: false), minimum: (0, exclusive: true)),
            "name": .text(max: 120).optional,
        ])
    }

    /// A duty post's priority: 1 low, 2 normal, 3 high.
    static var postPriority: JSONSchema {
        .integer(maximum: (3, exclusive: false), minimum: (1, exclusive: false))
    }

    static var shiftRequirement: JSONSchema {
        .record([
            "shift": .text(max: 32, min: 1), "working": .staffCount, "weekend": staffCount.optional,
            "holiday": staffCount.optional, "peak": staffCount.optional,
        ])
    }
}

extension DayDTO: APISchema {
    static let schemaName = "Day"
    static var schema: JSONSchema { .dutyDay }
}

extension HolidayDTO: APISchema {
    static let schemaName = "Holiday"
    static var schema: JSONSchema {
        .record(["day": .dutyDay, "name": .string, "kind": .string, "confirmed": .boolean])
    }
}

extension AnniversaryDTO: APISchema {
    static let schemaName = "Anniversary"
    static var schema: JSONSchema { .record(["day": .dutyDay, "name_vi": .string, "name_en": .string]) }
}

extension PeakPeriodDTO: APISchema {
    static let schemaName = "PeakPeriod"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "name": .string, "area_id": .uuid, "area_path": .string, "start": .dutyDay, "end": .dutyDay,
            "extra_leaders": .integer, "extra_officers": .integer,
        ])
    }
}

extension DutySetupDTO: APISchema {
    static let schemaName = "DutySetup"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid,
            "posts": .list(
                .record([
                    "id": .string, "name": .string.optional,
                    "pattern": .record(["kind": .choice(ShiftPattern.Kind.self), "shifts": .list(.dutyShift)]),
                    "requirements": .list(.shiftRequirement), "priority": .postPriority.optional,
                ])
            ),
            "approval_required": .boolean(description: "The unit's head approves each roster before it is published"),
        ])
    }
}

extension RosterSeatDTO: APISchema {
    static let schemaName = "RosterSeat"
    static var schema: JSONSchema {
        .record([
            "day": .dutyDay, "shift": .string, "post": .string, "role": .string, "staff_id": .uuid,
            "staff_name": .string, "starts_at": .timestamp, "ends_at": .timestamp,
            "id": .string(format: .uuid, required: false, description: "The seat, for hand edits and swaps"),
        ])
    }
}

extension RosterDTO: APISchema {
    static let schemaName = "Roster"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "start_date": .day, "end_date": .day,
            "status": .string(description: "draft, submitted, approved, returned, published or replaced"),
            "hard_violations": .integer,
            "open_seats": .integer,
            "report": .record([
                "hard_violations": .list(.object), "open_slots": .list(.object), "fairness": .list(.object),
                "coverage": .record(["required": .integer, "filled": .integer]), "load": .list(.object),
                "preference_breaches": .integer, "previous_kept": .integer, "previous_total": .integer,
                "solve_millis": .integer,
            ]),
            "seats": .list(.component(RosterSeatDTO.self)).optional,
            "return_reason": .string(required: false, description: "Why the unit's head returned it"),
        ])
    }
    static var components: [any APISchema.Type] { [RosterSeatDTO.self] }
}

extension UnitCoverDTO: APISchema {
    static let schemaName = "UnitCover"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "code": .string, "name": .string, "no_setup": .boolean,
            "gaps": .list(
                .record([
                    "window": .choice(DutyOversight.Window.self), "date": .day, "post": .string, "shift": .string,
                    "role": .string, "required": .integer, "rostered": .integer,
                ])
            ),
            "not_checked_in": .list(
                .record([
                    "name": .string, "post": .string, "shift": .string, "role": .string, "starts_at": .timestamp,
                ])
            ),
            "roster_out_of_date": .boolean(
                description: "The published roster was made from other posts or shifts than the unit has now"
            ),
        ])
    }
}

extension HolidayInput: APISchema {
    static let schemaName = "HolidayInput"
    static var schema: JSONSchema {
        .record([
            "days": .list(.record(["date": .day, "name": .text(max: 120, min: 1)]), max: 60).optional
        ])
    }
}

extension PeakPeriodInput: APISchema {
    static let schemaName = "PeakPeriodInput"
    static var schema: JSONSchema {
        .record([
            "name": .text(max: 200, min: 1), "area_id": .uuid, "start_date": .day, "end_date": .day,
            "extra_leaders": .integer(maximum: (50, exclusive: false), minimum: (0, exclusive: false)).optional,
            "extra_officers": .integer(maximum: (50, exclusive: false), minimum: (0, exclusive: false)).optional,
        ])
    }
}

extension DutySetupInput: APISchema {
    static let schemaName = "DutySetupInput"
    static var schema: JSONSchema {
        .record([
            "posts": .list(
                .record([
                    "id": .text(max: 32, min: 1), "name": .text(max: 200).optional,
                    "pattern": .string(required: false, allowedValues: "3x8", "2x12", "24h", "custom"),
                    "shifts": .list(.dutyShift, max: 12).optional, "requirements": .list(.shiftRequirement),
                    "priority": .postPriority.optional,
                ]),
                max: 50
            ),
            "approval_required": .boolean(
                required: false,
                description: "Trình ký: the unit's head approves each roster before it is published (left out: kept; "
                    + "only the head changes it)"
            ),
        ])
    }
}

extension RosterRequest: APISchema {
    static let schemaName = "RosterRequest"
    static var schema: JSONSchema {
        .record([
            "start_date": .day,
            "days": .integer(maximum: (62, exclusive: false), minimum: (1, exclusive: false)).optional,
            "seed": .integer(minimum: (0, exclusive: false)).optional,
        ])
    }
}
