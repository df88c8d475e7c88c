import AnToanCore
import OpenAPIKit
import Vapor

/// A unit's weekly rest days and its days off in a year, compensatory days worked out for those rest days.
struct UnitDaysOffDTO: Content {
    var unitId: UUID
    var year: Int
    /// "sun" or "sat_sun".
    var weeklyRest: String
    /// False while the unit has not chosen: the standard for its kind applies.
    var chosen: Bool
    var days: [Day]

    struct Day: Content {
        var day: DayDTO
        var name: String
        /// statutory, compensatory or custom.
        var kind: String
    }
}

/// The unit's weekly rest days to set; left out or null: back to the standard for its kind.
struct WeeklyRestInput: APIInput {
    static let fields: Set<String> = ["weekly_rest"]
    var weeklyRest: String?
    func problems() -> [FieldError] { [] }
}

extension UnitDaysOffDTO: APISchema {
    static let schemaName = "UnitDaysOff"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "year": .integer, "weekly_rest": .choice(WeeklyRest.self),
            "chosen": .boolean(description: "False while the standard for the unit's kind applies"),
            "days": .list(.record(["day": .dutyDay, "name": .string, "kind": .string])),
        ])
    }
}

extension WeeklyRestInput: APISchema {
    static let schemaName = "WeeklyRestInput"
    static var schema: JSONSchema {
        .record([
            "weekly_rest": .string(
                required: false,
                description: "Sunday only, or Saturday and Sunday; left out: the standard for the unit's kind "
                    + "(Saturday and Sunday for agencies and schools, Sunday for others)",
                allowedValues: "sun",
                "sat_sun"
            )
        ])
    }
}
