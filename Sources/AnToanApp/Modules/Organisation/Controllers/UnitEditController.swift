import AnToanCore
import Vapor

/// A top-level unit's edit form: its name, kind, contacts and weekly rest days, saved through
/// `UnitRegistry.update` as `PATCH /api/v1/units/{id}` is.
struct UnitEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.unitEdit(.placeholder)), use: form)
        routes.post(SiteURL.route(.unitEdit(.placeholder)), use: save)
    }

    /// The form with the unit's current values; a department or another scope's unit is a 404.
    @Sendable func form(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        return try await render(req, try await Self.unit(req, principal), failed: nil)
    }

    /// Saves the form; its errors come back beside their fields, and nothing is written.
    @Sendable func save(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let unit = try await Self.unit(req, principal)
        let form = try req.content.decode([String: String].self)
        let input = UnitInput(
            name: form["name"],
            kind: form["kind"],
            enterpriseSize: form["enterprise_size"],
            schoolLevel: form["school_level"],
            address: form["address"],
            phone: form["phone"],
            email: form["email"],
            headName: form["head_name"],
            weeklyRest: form["weekly_rest"]
        )
        do {
            try await UnitRegistry.update(unit, input, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                unit,
                failed: .init(form: UnitEditPage.formName, errors: errors, values: form)
            )
        }
        return req.redirect(
            to: .unit(try unit.requireID()),
            flash: Flash(kind: .success, message: req.pageLanguage("Đã lưu thông tin đơn vị.", "The unit was saved."))
        )
    }

    private static func unit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        guard unit.$parent.id == nil else { throw AppError.notFound }
        return unit
    }

    private func render(_ req: Request, _ unit: OrgUnit, failed: FormFailure?) async throws -> Response {
        let (rest, chosen) = try await DutyCalendar.weeklyRest(of: unit, on: req.db)
        let model = UnitEditPage.Model(
            unitID: try unit.requireID(),
            name: unit.name,
            values: [
                "name": unit.name, "kind": unit.kind, "enterprise_size": unit.enterpriseSize ?? "",
                "school_level": unit.schoolLevel ?? "", "address": unit.address, "phone": unit.phone ?? "",
                "email": unit.email ?? "", "head_name": unit.headName ?? "",
                "weekly_rest": chosen ? rest.rawValue : "",
            ],
            standardRest: WeeklyRest.standard(for: UnitKind(rawValue: unit.kind)),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Sửa \(unit.name)", "Edit \(unit.name)"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { UnitEditPage.view(model, $0) }
    }
}
