import AnToanCore
import Fluent
import Foundation

/// One version of an administrative area. A rename, merge or split closes a version (`valid_to`) and,
/// for a rename or split, opens new ones, so that "as of" a date the tree of that date can be rebuilt.
/// `@unchecked Sendable`: Fluent model.
final class Area: Model, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "kind") var kind: String
    /// Codes from the root, `/99/99001/`: what scopes are made of.
    @Field(key: "path") var path: String
    /// First day of this version (`yyyy-MM-dd`), nil for "always".
    @OptionalField(key: "valid_from") var validFrom: String?
    /// First day it no longer holds, nil while current.
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "successor_id") var successorID: UUID?

    @OptionalParent(key: "parent_id") var parent: Area?

    init() {}

    init(code: String, name: String, kind: AreaKind, parent: Area?, validFrom: String?) {
        self.code = code
        self.name = name
        self.nameFolded = Folding.fold(name)
        self.kind = kind.rawValue
        self.$parent.id = parent?.id
        self.path = (parent?.path ?? "/") + code + "/"
        self.validFrom = validFrom
    }

    var areaPath: AreaPath { AreaPath(path) ?? AreaPath("none")! }

    var auditSnapshot: [String: String] {
        [
            "code": code, "name": name, "kind": kind, "path": path, "valid_from": validFrom ?? "",
            "valid_to": validTo ?? "", "parent_id": $parent.id?.uuidString ?? "",
            "successor_id": successorID?.uuidString ?? "",
        ]
    }
}

/// A rename, merge or split, with the day it took effect. `@unchecked Sendable`: Fluent model.
final class AreaEvent: Model, @unchecked Sendable {
    static let schema = "area_events"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "kind") var kind: String
    @Field(key: "effective_date") var effectiveDate: String
    @Field(key: "summary") var summary: String

    init() {}

    init(kind: String, effectiveDate: String, summary: String) {
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.summary = summary
    }
}
