import Foundation
import Vapor

/// An area split on a day into new areas; units and bodies not named go to the first part.
struct SplitAreaInput: APIInput {
    struct Part: NestedInput {
        static let fields: Set<String> = ["code", "name", "kind", "unit_ids", "body_ids"]
        var code: String?
        var name: String?
        var kind: String?
        var unitIds: [UUID]?
        var bodyIds: [UUID]?
    }

    static let fields: Set<String> = ["effective_date", "parts"]
    var effectiveDate: String?
    var parts: [Strict<Part>]?
    func problems() -> [FieldError] { [] }
}

/// The closed area and the areas it became.
struct AreaSplitDTO: Content {
    var area: AreaDTO
    var parts: [AreaDTO]
}
