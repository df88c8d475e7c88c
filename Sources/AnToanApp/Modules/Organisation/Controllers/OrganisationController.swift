import AnToanCore
import Fluent
import Vapor

/// Pages of the registry: units, one unit, staff.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.units), use: units)
        routes.post(SiteURL.route(.units), use: createUnit)
        routes.get(SiteURL.route(.unit(.placeholder)), use: unit)
        for part in SiteURL.UnitPart.allCases {
            routes.post(SiteURL.route(.unitPart(.placeholder, part))) { req in try await addToUnit(req: req, part: part)
            }
        }
        routes.get(SiteURL.route(.staff), use: staff)
    }

    /// Units in the reader's scope with their staff counts, searchable without diacritics.
    @Sendable func units(req: Request) async throws -> Response {
        try await renderUnits(req: req, failed: nil)
    }

    private func renderUnits(req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let search = try req.searchParameter()
        let page = try await OrganisationQueries.unitPage(
            in: principal.scope,
            search: search,
            page: try req.pageParameter(),
            on: req.db
        )
        let counts = try await OrganisationQueries.staffCounts(of: page.items.map(\.id), on: req.db)
        let model = UnitsPage.Model(
            rows: page.items.map { unit in
                UnitsPage.Row(
                    id: unit.id,
                    code: unit.code,
                    name: unit.name,
                    kind: UnitKind(rawValue: unit.kind) ?? .other,
                    areaName: unit.areaName ?? "",
                    staff: counts[unit.id] ?? 0,
                    inStandard: unit.inAnToanStandard
                )
            },
            search: search ?? "",
            page: page.page,
            pageCount: page.pageCount,
            hasMore: page.hasMore,
            total: page.total,
            areaOptions: try await areaOptions(principal, on: req.db),
            canAdd: principal.can(.manageOrganisation) && principal.scope.kind != .unit,
            failed: failed
        )
        return req.page(req.pageLanguage("Đơn vị", "Units"), status: failed == nil ? .ok : .unprocessableEntity) {
            UnitsPage.view(model, $0)
        }
    }

    /// One unit; another scope's unit is a 404.
    @Sendable func unit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        return try await req.keptPage { _ in
            let model = try await unitModel(req, principal, failed: nil)
            return .init(title: model.name) { UnitPage.view(model, $0) }
        }
    }

    /// The unit's page again with a form that failed, its errors and the values sent (never kept).
    private func renderUnit(req: Request, failed: FormFailure) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let model = try await unitModel(req, principal, failed: failed)
        return req.page(model.name, status: .unprocessableEntity) { UnitPage.view(model, $0) }
    }

    private func unitModel(
        _ req: Request,
        _ principal: Principal,
        failed: FormFailure?
    ) async throws
        -> UnitPage.Model
    {
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let id = try unit.requireID()
        let sites = try await OrganisationQueries.siteSummaries(of: id, on: req.db)
        let canEdit = principal.can(.manageOrganisation) && unit.$parent.id == nil
        return UnitPage.Model(
            name: unit.name,
            code: unit.code,
            kind: UnitKind(rawValue: unit.kind) ?? .other,
            areaName: try await OrganisationQueries.areaName(of: unit, on: req.db),
            address: unit.address,
            phone: unit.phone,
            headName: unit.headName,
            flags: unit.keyTargetFlags,
            inStandard: unit.inAnToanStandard,
            departments: try await OrganisationQueries.departmentNames(of: id, on: req.db),
            sites: sites.map { site in
                UnitPage.SiteRow(
                    name: site.name,
                    kind: site.kind,
                    systems: site.systems.map {
                        ($0.kind, $0.count, $0.status, $0.lastCheck.flatMap { SolarDate(iso: $0)?.dmy } ?? "—")
                    }
                )
            },
            staffing: try await OrganisationQueries.staffing(of: unit.$parent.id ?? id, today: req.today, on: req.db),
            staffLink: SiteURL.staff.path,
            unitID: id,
            canEdit: canEdit,
            siteOptions: sites.map { ($0.id.uuidString, $0.name) },
            // The people to choose from in the forms only someone who may edit sees.
            staffOptions: canEdit
                ? try await OrganisationQueries.staff(of: id, on: req.db)
                    .compactMap { member in member.id.map { ($0.uuidString, "\(member.fullName) — \(member.position)") }
                    }
                : [],
            failed: failed,
            dutyLinks: principal.can(.viewRosters) && unit.$parent.id == nil
        )
    }

    @Sendable func staff(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let search = try req.searchParameter()
        let page = try await OrganisationQueries.staffPage(
            in: principal.scope,
            search: search,
            page: try req.pageParameter(),
            on: req.db
        )
        let model = StaffPage.Model(
            rows: page.items.map { member in
                StaffPage.Row(
                    name: member.fullName,
                    position: member.position,
                    unitName: member.unitName ?? "",
                    unitID: member.unitID,
                    phone: member.phone ?? "",
                    isLeader: member.isLeader
                )
            },
            search: search ?? "",
            page: page.page,
            pageCount: page.pageCount,
            hasMore: page.hasMore,
            total: page.total
        )
        return req.page(req.pageLanguage("Cán bộ, nhân viên", "Staff")) { StaffPage.view(model, $0) }
    }

    /// Current areas the reader may place a unit in.
    private func areaOptions(
        _ principal: Principal,
        on db: any Database
    ) async throws -> [(value: String, label: String)] {
        guard principal.can(.manageOrganisation) else { return [] }
        return try await OrganisationQueries.areas(asOf: nil, on: db)
            .filter { principal.scope.covers(.area($0.areaPath)) }
            .compactMap { area in area.id.map { ($0.uuidString, area.name) } }
    }

    /// A new unit from the units page; errors come back beside the fields.
    @Sendable func createUnit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let form = try req.content.decode([String: String].self)
        let input = UnitInput(
            code: form["code"],
            name: form["name"],
            kind: form["kind"],
            enterpriseSize: form["enterprise_size"].nonEmpty,
            schoolLevel: form["school_level"].nonEmpty,
            areaId: form["area_id"].flatMap(UUID.init(uuidString:)),
            address: form["address"],
            phone: form["phone"],
            email: form["email"],
            headName: form["head_name"]
        )
        do {
            let unit = try await UnitRegistry.create(input, by: principal, on: req)
            return req.redirect(
                to: .unit(try unit.requireID()),
                flash: Flash(kind: .success, message: req.pageLanguage("Đã thêm đơn vị.", "The unit was added."))
            )
        } catch AppError.invalidFields(let errors) {
            return try await renderUnits(
                req: req,
                failed: .init(form: "unit", errors: errors, values: form)
            )
        }
    }

    /// A department, site, system, staff member or force membership added from the unit's page.
    func addToUnit(req: Request, part: SiteURL.UnitPart) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let unitID = try unit.requireID()
        let form = try req.content.decode([String: String].self)
        let lang = req.pageLanguage
        do {
            switch part {
            case .departments:
                _ = try await UnitRegistry.create(
                    UnitInput(
                        code: form["code"],
                        name: form["name"],
                        kind: unit.kind,
                        parentId: unitID,
                        address: unit.address
                    ),
                    by: principal,
                    on: req
                )
            case .sites:
                _ = try await UnitRegistry.createSite(
                    SiteInput(code: form["code"] ?? "", name: form["name"] ?? "", kind: form["kind"] ?? ""),
                    in: unit,
                    by: principal,
                    on: req
                )
            case .systems:
                guard let siteID = form["site_id"].flatMap(UUID.init(uuidString:)),
                    let site = try await OrganisationQueries.site(siteID, of: unitID, on: req.db)
                else { throw AppError.invalidFields([FieldError(field: "site_id", reason: .notFound)]) }
                guard let count = form["count"].flatMap({ Int($0) }) else {
                    throw AppError.invalidFields([
                        FieldError(field: "count", reason: .wrongType(expected: lang("số", "a number")))
                    ])
                }
                _ = try await UnitRegistry.createSystem(
                    SystemInput(
                        kind: form["kind"] ?? "",
                        count: count,
                        status: form["status"] ?? "",
                        lastCheck: form["last_check"].nonEmpty
                    ),
                    at: site,
                    by: principal,
                    on: req
                )
            case .staff:
                _ = try await StaffRegistry.create(
                    StaffInput(
                        unitId: unitID,
                        fullName: form["full_name"],
                        position: form["position"],
                        phone: form["phone"].nonEmpty,
                        email: form["email"].nonEmpty,
                        isLeader: form["is_leader"] == "true",
                        identityNumber: form["identity_number"].nonEmpty,
                        account: form["account"].nonEmpty
                    ),
                    by: principal,
                    on: req
                )
            case .memberships:
                guard let staffID = form["staff_id"].flatMap(UUID.init(uuidString:)),
                    let member = try await OrganisationQueries.staffMember(staffID, of: unitID, on: req.db)
                else { throw AppError.invalidFields([FieldError(field: "staff_id", reason: .notFound)]) }
                _ = try await StaffRegistry.addMembership(
                    MembershipInput(
                        force: form["force"] ?? "",
                        role: form["role"],
                        startDate: form["start_date"] ?? "",
                        certificateNumber: form["certificate_number"].nonEmpty,
                        certificateIssued: form["certificate_issued"].nonEmpty
                    ),
                    to: member,
                    by: principal,
                    on: req
                )
            }
        } catch AppError.invalidFields(let errors) {
            return try await renderUnit(
                req: req,
                failed: .init(form: part.rawValue, errors: errors, values: form)
            )
        }
        return req.redirect(to: .unit(unitID), flash: Flash(kind: .success, message: lang("Đã lưu.", "Saved.")))
    }
}

extension Optional where Wrapped == String {
    /// nil for an empty form field, so "not given" and "left blank" mean the same.
    var nonEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
