import AnToanCore
import Fluent
import Foundation

/// Who approves a unit's plans or receives its reports, as data: for units of a kind, in an area, or both
/// (nil: any), the supervising bodies in order. The laws name bodies that reforms may since have removed,
/// so the chain is kept here rather than derived. `@unchecked Sendable`: Fluent model.
final class RoutingRule: Model, @unchecked Sendable {
    static let schema = "routing_rules"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "purpose") var purpose: String
    @OptionalField(key: "unit_kind") var unitKind: String?
    /// The area's path, kept beside the id so that a rule matches by prefix with no join.
    @OptionalField(key: "area_path") var areaPath: String?

    @OptionalParent(key: "area_id") var area: Area?
    @Children(for: \.$rule) var steps: [RoutingRuleStep]

    init() {}

    var auditSnapshot: [String: String] {
        [
            "purpose": purpose, "unit_kind": unitKind ?? "", "area_id": $area.id?.uuidString ?? "",
            "area_path": areaPath ?? "",
        ]
    }
}

/// One body in a rule's chain, at its place (0 first). `@unchecked Sendable`: Fluent model.
final class RoutingRuleStep: Model, @unchecked Sendable {
    static let schema = "routing_rule_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int

    @Parent(key: "rule_id") var rule: RoutingRule
    @Parent(key: "body_id") var body: SupervisingBody

    init() {}

    init(ruleID: UUID, position: Int, bodyID: UUID) {
        self.$rule.id = ruleID
        self.position = position
        self.$body.id = bodyID
    }
}
