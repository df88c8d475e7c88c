import AnToanCore
import Fluent
import Vapor

/// The areas page: the tree of today or of an earlier day, and the administrator's forms that change it.
struct AreasController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.areas), use: areas)
        routes.post(SiteURL.route(.areas), use: create)
        for change in SiteURL.AreaChange.allCases {
            routes.post(SiteURL.route(.areaChange(change))) { req in try await self.change(req: req, change)
            }
        }
    }

    /// Today's area tree, or the tree of an earlier day.
    @Sendable func areas(req: Request) async throws -> Response {
        try await render(req: req, failed: nil)
    }

    private func render(req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let asOfText = (try? req.query.get(String.self, at: "as_of")).map { String($0.prefix(10)) } ?? ""
        var checker = FieldChecker()
        let asOf = checker.date("as_of", asOfText)
        let areas = try await OrganisationQueries.areas(asOf: asOf, on: req.db)
        let canManage = Self.canManage(principal)
        let current = canManage ? try await OrganisationQueries.areas(asOf: nil, on: req.db) : []
        let model = AreasPage.Model(
            rows: areas.map { area in
                AreasPage.Row(
                    depth: area.path.split(separator: "/").count - 1,
                    code: area.code,
                    name: area.name,
                    validity: Self.validity(area, req)
                )
            },
            asOf: asOfText,
            errors: checker,
            canManage: canManage,
            forms: AreaForms.Model(
                areas: current.compactMap { area in area.id.map { ($0.uuidString, "\(area.name) (\(area.code))") } },
                failed: failed
            )
        )
        let status: HTTPResponseStatus = checker.errors.isEmpty && failed == nil ? .ok : .unprocessableEntity
        return req.page(req.pageLanguage("Địa bàn", "Areas"), status: status) { AreasPage.view(model, $0) }
    }

    /// Areas change for every scope at once, so only an account that sees everything may change them.
    /// "từ 01/07/2025", "đến 30/06/2025", both, or nothing for an area that has always been as it is.
    static func validity(_ area: Area, _ req: Request) -> String {
        let from = area.validFrom.flatMap { SolarDate(iso: $0)?.dmy }
        let to = area.validTo.flatMap { SolarDate(iso: $0)?.dmy }
        switch (from, to) {
        case (let from?, let to?): return "\(from) – \(to)"
        case (let from?, nil): return req.pageLanguage("từ \(from)", "since \(from)")
        case (nil, let to?): return req.pageLanguage("đến \(to)", "until \(to)")
        case (nil, nil): return ""
        }
    }

    static func canManage(_ principal: Principal) -> Bool {
        principal.can(.manageOrganisation) && principal.scope == .everything
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let form = try req.content.decode([String: String].self)
        let input = CreateAreaInput(
            code: form["code"] ?? "",
            name: form["name"] ?? "",
            kind: form["kind"] ?? "",
            parentId: form["parent_id"].nonEmpty.flatMap(UUID.init(uuidString:)),
            validFrom: form["valid_from"].nonEmpty
        )
        do {
            _ = try await AreaRegistry.create(input, by: principal, on: req)
        } catch AppError.invalidFields(let errors) {
            return try await render(req: req, failed: .init(form: "create", errors: errors, values: form))
        }
        return req.redirect(
            to: .areas,
            flash: Flash(kind: .success, message: req.pageLanguage("Đã thêm địa bàn.", "The area was added."))
        )
    }

    /// A rename, merge or split of the area chosen in the form.
    func change(req: Request, _ change: SiteURL.AreaChange) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let form = try req.content.decode([String: String].self)
        let lang = req.pageLanguage
        do {
            let area = try await chosenArea(form, in: principal.scope, on: req.db)
            switch change {
            case .rename:
                _ = try await AreaRegistry.rename(
                    area,
                    RenameAreaInput(name: form["name"] ?? "", effectiveDate: form["effective_date"] ?? ""),
                    by: principal,
                    on: req
                )
            case .merge:
                guard let into = form["into_id"].nonEmpty.flatMap(UUID.init(uuidString:)) else {
                    throw AppError.invalidFields([FieldError(field: "into_id", reason: .required)])
                }
                _ = try await AreaRegistry.merge(
                    area,
                    MergeAreaInput(intoId: into, effectiveDate: form["effective_date"] ?? ""),
                    by: principal,
                    on: req
                )
            case .split:
                try await split(area, form: form, by: principal, on: req)
            }
        } catch AppError.invalidFields(let errors) {
            let named = errors.map { $0.field == "id" ? FieldError(field: "area_id", reason: $0.reason) : $0 }
            return try await render(
                req: req,
                failed: .init(form: change.rawValue, errors: FieldChecker(named), values: form)
            )
        }
        let message =
            switch change {
            case .rename: lang("Đã đổi tên địa bàn.", "The area was renamed.")
            case .merge: lang("Đã sáp nhập địa bàn.", "The areas were merged.")
            case .split: lang("Đã chia tách địa bàn.", "The area was split.")
            }
        return req.redirect(to: .areas, flash: Flash(kind: .success, message: message))
    }

    private func chosenArea(_ form: [String: String], in scope: Scope, on db: any Database) async throws -> Area {
        guard let id = form["area_id"].nonEmpty.flatMap(UUID.init(uuidString:)) else {
            throw AppError.invalidFields([FieldError(field: "area_id", reason: .required)])
        }
        do {
            return try await OrganisationQueries.area(id, in: scope, on: db)
        } catch AppError.notFound {
            throw AppError.invalidFields([FieldError(field: "area_id", reason: .notFound)])
        }
    }
}
