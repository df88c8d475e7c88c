import AnToanCore
import Fluent
import Foundation
import Vapor

/// Adding and removing routing rules (approval chains and report recipients); administrators only.
enum RoutingRegistry {
    static func create(_ input: RoutingRuleInput, by actor: Principal, on req: Request) async throws -> RoutingRule {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let rule = RoutingRule()
        rule.purpose = checker.choice("purpose", input.purpose, RoutingPurpose.self)?.rawValue ?? ""
        rule.unitKind = checker.choice("unit_kind", input.unitKind, UnitKind.self, optional: true)?.rawValue
        if let areaID = input.areaId {
            if let area = try await Area.query(on: req.db).filter(\.$id == areaID).filter(\.$validTo == nil).first() {
                rule.$area.id = areaID
                rule.areaPath = area.path
            } else {
                checker.add("area_id", .notFound)
            }
        }
        let bodyIDs = try await checkBodies(input.bodyIds ?? [], checker: &checker, on: req.db)
        if !rule.purpose.isEmpty,
            try await RoutingRule.query(on: req.db).filter(\.$purpose == rule.purpose)
                .filter(\.$unitKind == rule.unitKind).filter(\.$areaPath == rule.areaPath).first() != nil
        {
            checker.add(
                "purpose",
                .invalid(
                    vi: "đã có quy tắc cho mục đích, loại đơn vị và địa bàn này",
                    en: "a rule for this purpose, unit kind and area already exists"
                )
            )
        }
        try checker.check()
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await rule.insert(on: db)
            let ruleID = try rule.requireID()
            for (position, bodyID) in bodyIDs.enumerated() {
                try await RoutingRuleStep(ruleID: ruleID, position: position, bodyID: bodyID).insert(on: db)
            }
            try await audit(rule, action: .create, bodyIDs: bodyIDs, actor: actor, on: db, now: now)
        }
        try await rule.$steps.load(on: req.db)
        return rule
    }

    static func delete(_ rule: RoutingRule, by actor: Principal, on req: Request) async throws {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        let ruleID = try rule.requireID()
        let now = req.application.clock.now()
        try await req.application.write { db in
            let steps = try await RoutingRuleStep.query(on: db).filter(\.$rule.$id == ruleID).sort(\.$position).all()
            let _: Void = try await RoutingRuleStep.query(on: db).filter(\.$rule.$id == ruleID).delete()
            try await rule.remove(on: db)
            try await audit(rule, action: .delete, bodyIDs: steps.map(\.$body.id), actor: actor, on: db, now: now)
        }
    }

    /// One to `RoutingRuleInput.maxBodies` bodies, each existing and named once.
    private static func checkBodies(
        _ ids: [UUID],
        checker: inout FieldChecker,
        on db: any Database
    ) async throws -> [UUID] {
        if ids.isEmpty { checker.add("body_ids", .required) }
        if ids.count > RoutingRuleInput.maxBodies {
            let max = RoutingRuleInput.maxBodies
            checker.add("body_ids", .invalid(vi: "tối đa \(max) cơ quan", en: "\(max) bodies at most"))
        }
        let known = try await BodyQueries.byID(Set(ids), on: db)
        var seen = Set<UUID>()
        for (position, id) in ids.enumerated() {
            if known[id] == nil {
                checker.add("body_ids.\(position)", .notFound)
            } else if !seen.insert(id).inserted {
                checker.add("body_ids.\(position)", .invalid(vi: "được nêu hơn một lần", en: "is named more than once"))
            }
        }
        return ids
    }

    private static func audit(
        _ rule: RoutingRule,
        action: AuditAction,
        bodyIDs: [UUID],
        actor: Principal,
        on db: any Database,
        now: Date
    ) async throws {
        var snapshot = rule.auditSnapshot
        snapshot["body_ids"] = bodyIDs.map(\.uuidString).joined(separator: ",")
        try await AuditTrail.record(
            on: db,
            actor: actor.auditActor,
            action: action,
            entity: "routing_rule",
            entityID: try rule.requireID().uuidString,
            before: action == .create ? nil : snapshot,
            after: action == .create ? snapshot : nil,
            now: now
        )
    }
}
