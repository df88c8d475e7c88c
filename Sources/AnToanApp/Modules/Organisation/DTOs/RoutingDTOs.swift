import AnToanCore
import Foundation
import Vapor

/// A routing rule: for which purpose, unit kind and area (nil: any), and the bodies in order.
struct RoutingRuleInput: APIInput {
    static let fields: Set<String> = ["purpose", "unit_kind", "area_id", "body_ids"]
    /// The most bodies one chain may name.
    static let maxBodies = 10
    var purpose: String?
    var unitKind: String?
    var areaId: UUID?
    var bodyIds: [UUID]?
    func problems() -> [FieldError] { [] }
}

struct RoutingRuleDTO: Content {
    var id: UUID
    var purpose: String
    var unitKind: String?
    var areaId: UUID?
    var areaPath: String?
    var bodyIds: [UUID]

    init(_ rule: RoutingRule) throws {
        id = try rule.requireID()
        purpose = rule.purpose
        unitKind = rule.unitKind
        areaId = rule.$area.id
        areaPath = rule.areaPath
        bodyIds = rule.steps.sorted { $0.position < $1.position }.map(\.$body.id)
    }
}

/// Where a unit's plan goes for approval, or its reports go: the bodies in order, and why.
struct RoutingChainDTO: Content {
    var unitId: UUID
    var purpose: String
    /// `rule` (a routing rule applies), `reports_to` (followed up from the body over the unit's area) or
    /// `none` (no body found).
    var source: String
    var ruleId: UUID?
    var bodies: [BodyDTO]

    init(unitID: UUID, purpose: RoutingPurpose, chain: RoutingQueries.Chain) throws {
        unitId = unitID
        self.purpose = purpose.rawValue
        source = chain.source.rawValue
        ruleId = chain.ruleID
        bodies = try chain.bodies.map(BodyDTO.init)
    }
}
