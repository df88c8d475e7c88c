import AnToanCore
import Fluent
import Foundation
import Vapor

/// Creating and changing supervising bodies: police, military commands and people's committees.
enum BodyRegistry {
    static func create(_ input: BodyInput, by actor: Principal, on req: Request) async throws -> SupervisingBody {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let body = SupervisingBody()
        body.code = checker.code("code", input.code)
        try await apply(input, to: body, checker: &checker, on: req.db)
        if !body.code.isEmpty, try await SupervisingBody.query(on: req.db).filter(\.$code == body.code).first() != nil {
            checker.add("code", .taken)
        }
        try checker.check()
        try await save(body, before: nil, actor: actor, on: req)
        return body
    }

    /// Replaces the name, kind, area and `reports_to` of a body; its code stays.
    static func update(_ body: SupervisingBody, _ input: BodyInput, by actor: Principal, on req: Request) async throws {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        if let code = input.code, code != body.code {
            checker.add("code", .invalid(vi: "không đổi được", en: "cannot be changed"))
        }
        let before = body.auditSnapshot
        try await apply(input, to: body, checker: &checker, on: req.db)
        try checker.check()
        try await save(body, before: before, actor: actor, on: req)
    }

    /// Checks every field and copies the good ones onto `body`.
    private static func apply(
        _ input: BodyInput,
        to body: SupervisingBody,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws {
        body.name = checker.name("name", input.name, max: 200)
        body.kind = checker.choice("kind", input.kind, BodyKind.self)?.rawValue ?? ""
        if let areaID = input.areaId {
            if let area = try await Area.query(on: db).filter(\.$id == areaID).filter(\.$validTo == nil).first() {
                body.$area.id = areaID
                body.areaPath = area.path
            } else {
                checker.add("area_id", .notFound)
            }
        } else {
            checker.add("area_id", .required)
        }
        body.$reportsTo.id = input.reportsToId
        guard let target = input.reportsToId else { return }
        let reportsTo = try await reportingMap(on: db)
        if reportsTo[target] == nil {
            checker.add("reports_to_id", .notFound)
        } else if let id = body.id, await Routing.wouldLoop(id, reportingTo: target, next: { reportsTo[$0] ?? nil }) {
            checker.add(
                "reports_to_id",
                .invalid(
                    vi: "tạo thành vòng: cơ quan này sẽ báo cáo lên chính nó",
                    en: "makes a loop: the body would report to itself"
                )
            )
        }
    }

    /// Every body's id and the id it reports to.
    private static func reportingMap(on db: any Database) async throws -> [UUID: UUID?] {
        let bodies = try await SupervisingBody.query(on: db).all()
        return Dictionary(uniqueKeysWithValues: bodies.compactMap { body in body.id.map { ($0, body.$reportsTo.id) } })
    }

    private static func save(
        _ body: SupervisingBody,
        before: [String: String]?,
        actor: Principal,
        on req: Request
    ) async throws {
        let now = req.application.clock.now()
        try await req.application.write { db in
            if before == nil {
                // A second request with the same code may have passed the check meanwhile: check again under lock.
                try await db.lockKey("body-code:\(body.code)")
                if try await SupervisingBody.query(on: db).filter(\.$code == body.code).first() != nil {
                    throw AppError.invalidFields([FieldError(field: "code", reason: .taken)])
                }
                try await body.insert(on: db)
            } else {
                try await body.persist(on: db)
            }
            try await AuditTrail.record(
                on: db,
                actor: actor.auditActor,
                action: before == nil ? .create : .update,
                entity: "supervising_body",
                entityID: try body.requireID().uuidString,
                before: before,
                after: body.auditSnapshot,
                now: now
            )
        }
    }
}
