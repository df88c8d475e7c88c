import AnToanCore
import Fluent
import Foundation

/// Routing rules as a scope may read them, and the chain that applies to one unit.
enum RoutingQueries {
    struct Chain {
        enum Source: String {
            case rule
            case reportsTo = "reports_to"
            case none
        }

        var source: Source
        var ruleID: UUID?
        var bodies: [SupervisingBody]
    }

    /// Rules that can apply within the scope: those for any area, for an area above it, and (for an
    /// authority) for areas below it.
    static func rules(in scope: Scope, on db: any Database) -> QueryBuilder<RoutingRule> {
        let query = RoutingRule.query(on: db).with(\.$steps)
        switch scope {
        case .everything:
            return query
        case .area(let path):
            return query.group(.or) {
                $0.filter(\.$areaPath == nil).filter(\.$areaPath ~~ path.lineage.map(\.value))
                    .filter(\.$areaPath, hasPrefix: path.value)
            }
        case .unit(_, let path):
            return query.group(.or) {
                $0.filter(\.$areaPath == nil).filter(\.$areaPath ~~ path.lineage.map(\.value))
            }
        }
    }

    /// The bodies a unit's plan (or report) goes to, in order: the most specific rule for the unit's kind
    /// and area; without one, the body over the unit's area (the police first, see `Routing.fallbackKinds`)
    /// and then whatever each reports to.
    static func chain(for unit: OrgUnit, purpose: RoutingPurpose, on db: any Database) async throws -> Chain {
        guard let path = AreaPath(unit.areaPath) else { return Chain(source: .none, bodies: []) }
        let lineage = path.lineage.map(\.value)
        let rules = try await RoutingRule.query(on: db).filter(\.$purpose == purpose.rawValue)
            .group(.or) { $0.filter(\.$areaPath == nil).filter(\.$areaPath ~~ lineage) }
            .all()
        let candidates = rules.compactMap { rule in
            rule.id.map {
                Routing.Candidate(id: $0, areaPath: rule.areaPath.flatMap(AreaPath.init), unitKind: rule.unitKind)
            }
        }
        if let ruleID = Routing.choose(candidates, unitKind: unit.kind, in: path) {
            let steps = try await RoutingRuleStep.query(on: db).filter(\.$rule.$id == ruleID).sort(\.$position).all()
            let bodies = try await BodyQueries.byID(Set(steps.map(\.$body.id)), on: db)
            return Chain(source: .rule, ruleID: ruleID, bodies: steps.compactMap { bodies[$0.$body.id] })
        }
        guard let start = try await nearestBody(over: lineage, on: db), let startID = start.id else {
            return Chain(source: .none, bodies: [])
        }
        let ids = try await Routing.follow(from: startID) { id in
            try await SupervisingBody.find(id, on: db)?.$reportsTo.id
        }
        let bodies = try await BodyQueries.byID(Set(ids), on: db)
        return Chain(source: .reportsTo, bodies: ids.compactMap { bodies[$0] })
    }

    /// The body of the deepest area of `lineage` that has one, by `Routing.fallbackKinds`.
    private static func nearestBody(over lineage: [String], on db: any Database) async throws -> SupervisingBody? {
        let bodies = try await SupervisingBody.query(on: db).filter(\.$areaPath ~~ lineage).sort(\.$code).all()
        for path in lineage.reversed() {
            for kind in Routing.fallbackKinds {
                if let body = bodies.first(where: { $0.areaPath == path && $0.kind == kind.rawValue }) { return body }
            }
        }
        return nil
    }
}
