import AnToanCore
import Foundation
import OpenAPIKit
import Vapor

/// Publishing a roster: a roster with open seats is published only with `confirm_open_seats: true`.
struct RosterPublishInput: APIInput {
    static let fields: Set<String> = ["confirm_open_seats"]
    var confirmOpenSeats: Bool?

    func problems() -> [FieldError] { [] }
}

/// Why the unit's head returns a submitted roster.
struct RosterReturnInput: APIInput {
    static let fields: Set<String> = ["reason"]
    var reason: String?

    func problems() -> [FieldError] { [] }
}

extension RosterPublishInput: APISchema {
    static let schemaName = "RosterPublishInput"
    static var schema: JSONSchema {
        .record([
            "confirm_open_seats": .boolean(
                required: false,
                description: "Required (true) when the roster has open seats; the body may be left out otherwise"
            )
        ])
    }
}

extension RosterReturnInput: APISchema {
    static let schemaName = "RosterReturnInput"
    static var schema: JSONSchema { .record(["reason": .text(max: 500, min: 1)]) }
}
