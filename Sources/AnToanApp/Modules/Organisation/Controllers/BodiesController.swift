import AnToanCore
import Fluent
import Vapor

/// The supervising bodies pages and their forms: bodies, and routing rules (approvals and report recipients).
struct BodiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.bodies), use: bodies)
        routes.post(SiteURL.route(.bodies), use: createBody)
        routes.get(SiteURL.route(.body(.placeholder)), use: body)
        routes.post(SiteURL.route(.body(.placeholder)), use: updateBody)
        routes.post(SiteURL.route(.routingRules), use: createRule)
        routes.post(SiteURL.route(.routingRuleDelete(.placeholder)), use: deleteRule)
    }

    /// Bodies in the reader's scope and the rules that can apply there.
    @Sendable func bodies(req: Request) async throws -> Response {
        try await renderList(req: req, failed: nil)
    }

    private func renderList(req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let bodies = try await BodyQueries.bodies(in: principal.scope, on: req.db).sort(\.$areaPath).sort(\.$code)
            .all()
        let rules = try await RoutingQueries.rules(in: principal.scope, on: req.db).sort(\.$purpose)
            .sort(\.$areaPath).all()
        let canManage = AreasController.canManage(principal)
        let names = try await Names.load(bodies: bodies, rules: rules, on: req.db)
        let model = BodiesPage.Model(
            rows: bodies.compactMap { body in
                body.id.map {
                    BodiesPage.Row(
                        id: $0,
                        code: body.code,
                        name: body.name,
                        kind: body.kind,
                        areaName: names.areas[body.$area.id] ?? body.areaPath,
                        reportsTo: body.$reportsTo.id.flatMap { names.bodies[$0] } ?? "—"
                    )
                }
            },
            rules: rules.compactMap { rule in
                rule.id.map {
                    BodiesPage.RuleRow(
                        id: $0,
                        purpose: rule.purpose,
                        unitKind: rule.unitKind,
                        areaName: rule.$area.id.map { names.areas[$0] ?? rule.areaPath ?? "" },
                        chain: rule.steps.sorted { $0.position < $1.position }.map { names.bodies[$0.$body.id] ?? "" }
                    )
                }
            },
            canManage: canManage,
            forms: canManage ? try await Self.options(in: principal.scope, on: req.db) : BodyForms.Options(),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Cơ quan quản lý", "Supervising bodies"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { BodiesPage.view(model, $0) }
    }

    /// One body; another scope's body is a 404.
    @Sendable func body(req: Request) async throws -> Response {
        try await renderBody(req: req, failed: nil)
    }

    private func renderBody(req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let body = try await BodyQueries.body(try req.idParameter(), in: principal.scope, on: req.db)
        let names = try await Names.load(bodies: [body], rules: [], on: req.db)
        let canManage = AreasController.canManage(principal)
        let model = BodyPage.Model(
            id: try body.requireID(),
            code: body.code,
            name: body.name,
            kind: body.kind,
            areaName: names.areas[body.$area.id] ?? body.areaPath,
            reportsTo: body.$reportsTo.id.flatMap { names.bodies[$0] } ?? "—",
            values: [
                "name": body.name, "kind": body.kind, "area_id": body.$area.id.uuidString,
                "reports_to_id": body.$reportsTo.id?.uuidString ?? "",
            ],
            canManage: canManage,
            forms: canManage ? try await Self.options(in: principal.scope, on: req.db) : BodyForms.Options(),
            failed: failed
        )
        return req.page(body.name, status: failed == nil ? .ok : .unprocessableEntity) { BodyPage.view(model, $0) }
    }

    @Sendable func createBody(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let form = try req.content.decode([String: String].self)
        do {
            let body = try await BodyRegistry.create(Self.bodyInput(form, code: form["code"]), by: principal, on: req)
            return req.redirect(
                to: .body(try body.requireID()),
                flash: Flash(kind: .success, message: req.pageLanguage("Đã thêm cơ quan.", "The body was added."))
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderList(
                req: req,
                failed: .init(form: "body", errors: errors, values: form)
            )
        }
    }

    @Sendable func updateBody(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let body = try await BodyQueries.body(try req.idParameter(), in: principal.scope, on: req.db)
        let form = try req.content.decode([String: String].self)
        do {
            try await BodyRegistry.update(body, Self.bodyInput(form, code: nil), by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await renderBody(
                req: req,
                failed: .init(form: "body", errors: errors, values: form)
            )
        }
        return req.redirect(
            to: .body(try body.requireID()),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã lưu.", "Saved."))
        )
    }

    @Sendable func createRule(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let form = try req.content.decode([String: String].self)
        let steps = BodyForms.ruleSteps.compactMap { step in form["step\(step)"].nonEmpty.map { (step, $0) } }
        let input = RoutingRuleInput(
            purpose: form["purpose"],
            unitKind: form["unit_kind"].nonEmpty,
            areaId: form["area_id"].nonEmpty.flatMap(UUID.init(uuidString:)),
            bodyIds: steps.compactMap { UUID(uuidString: $0.1) }
        )
        do {
            _ = try await RoutingRegistry.create(input, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            // `body_ids.2` is the third step chosen, which sits in the form's field of that step.
            let named = errors.map { error -> FieldError in
                let parts = error.field.split(separator: ".")
                guard parts.first == "body_ids" else { return error }
                let index = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                return FieldError(
                    field: "step\(steps.indices.contains(index) ? steps[index].0 : 1)",
                    reason: error.reason
                )
            }
            return try await renderList(
                req: req,
                failed: .init(form: "rule", errors: FieldChecker(named), values: form)
            )
        }
        return req.redirect(
            to: .bodies,
            flash: Flash(kind: .success, message: req.pageLanguage("Đã thêm quy tắc.", "The rule was added."))
        )
    }

    @Sendable func deleteRule(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let rule = try await RoutingQueries.rule(try req.idParameter(), in: principal.scope, on: req.db)
        try await RoutingRegistry.delete(rule, by: principal, on: req)
        return req.redirect(
            to: .bodies,
            flash: Flash(kind: .success, message: req.pageLanguage("Đã xóa quy tắc.", "The rule was removed."))
        )
    }

    private static func bodyInput(_ form: [String: String], code: String?) -> BodyInput {
        BodyInput(
            code: code,
            name: form["name"],
            kind: form["kind"],
            areaId: form["area_id"].nonEmpty.flatMap(UUID.init(uuidString:)),
            reportsToId: form["reports_to_id"].nonEmpty.flatMap(UUID.init(uuidString:))
        )
    }

    /// Current areas and the bodies of the scope (every body: only an account that sees everything manages them),
    /// for the forms' choices.
    private static func options(in scope: Scope, on db: any Database) async throws -> BodyForms.Options {
        let areas = try await OrganisationQueries.areas(asOf: nil, on: db)
        let bodies = try await BodyQueries.bodies(in: scope, on: db).sort(\.$areaPath).sort(\.$code).all()
        return BodyForms.Options(
            areas: areas.compactMap { area in area.id.map { ($0.uuidString, "\(area.name) (\(area.code))") } },
            bodies: bodies.compactMap { body in body.id.map { ($0.uuidString, "\(body.name) (\(body.code))") } }
        )
    }

    /// Names of the areas and bodies a page mentions, whatever the scope: a chain may name a body above it.
    private struct Names {
        var areas: [UUID: String]
        var bodies: [UUID: String]

        static func load(bodies: [SupervisingBody], rules: [RoutingRule], on db: any Database) async throws -> Names {
            let areaIDs = Set(bodies.map(\.$area.id) + rules.compactMap(\.$area.id))
            let bodyIDs = Set(bodies.compactMap(\.$reportsTo.id) + rules.flatMap { $0.steps.map(\.$body.id) })
            return Names(
                areas: try await OrganisationQueries.areaNames(areaIDs, on: db),
                bodies: try await BodyQueries.byID(bodyIDs, on: db).mapValues(\.name)
            )
        }
    }
}
