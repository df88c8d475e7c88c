import AnToanCore
import Fluent
import Vapor

/// Pages of the registry: units, one unit, staff, areas.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.units), use: units)
        routes.get(SiteURL.route(.unit(.placeholder)), use: unit)
        routes.get(SiteURL.route(.staff), use: staff)
        routes.get(SiteURL.route(.areas), use: areas)
    }

    /// Units in the reader's scope with their staff counts, searchable without diacritics.
    @Sendable func units(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let search = try req.searchParameter()
        let page = try await OrganisationQueries.unitPage(
            in: principal.scope,
            search: search,
            page: try req.pageParameter(),
            on: req.db
        )
        let ids = page.items.compactMap(\.id)
        let counts = try await OrganisationQueries.staffCounts(of: ids, on: req.db)
        let areaNames = try await OrganisationQueries.areaNames(Set(page.items.map(\.$area.id)), on: req.db)
        let model = UnitsPage.Model(
            rows: page.items.compactMap { unit in
                unit.id.map {
                    UnitsPage.Row(
                        id: $0,
                        code: unit.code,
                        name: unit.name,
                        kind: UnitKind(rawValue: unit.kind) ?? .other,
                        areaName: areaNames[unit.$area.id] ?? "",
                        staff: counts[$0] ?? 0,
                        inStandard: unit.inAnToanStandard
                    )
                }
            },
            search: search ?? "",
            page: page.metadata.page,
            pageCount: page.metadata.pageCount,
            total: page.metadata.total
        )
        return req.page(req.pageLanguage("Đơn vị", "Units")) { UnitsPage.view(model, $0) }
    }

    /// One unit; another scope's unit is a 404.
    @Sendable func unit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let id = try unit.requireID()
        let departments = try await OrgUnit.query(on: req.db).filter(\.$parent.$id == id).sort(\.$name).all()
        let sites = try await Site.query(on: req.db).filter(\.$unit.$id == id).with(\.$systems).sort(\.$code).all()
        let area = try await Area.find(unit.$area.id, on: req.db)
        let model = UnitPage.Model(
            name: unit.name,
            code: unit.code,
            kind: UnitKind(rawValue: unit.kind) ?? .other,
            areaName: area?.name ?? "",
            address: unit.address,
            phone: unit.phone,
            headName: unit.headName,
            flags: unit.keyTargetFlags,
            inStandard: unit.inAnToanStandard,
            departments: departments.map(\.name),
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
            staffLink: SiteURL.staff.path
        )
        return req.page(unit.name) { UnitPage.view(model, $0) }
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
        let unitIDs = Set(page.items.map(\.$unit.id))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: req.db).filter(\.$id ~~ Array(unitIDs)).all()
        let unitNames = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.name) } })
        let model = StaffPage.Model(
            rows: page.items.map { member in
                StaffPage.Row(
                    name: member.fullName,
                    position: member.position,
                    unitName: unitNames[member.$unit.id] ?? "",
                    unitID: member.$unit.id,
                    phone: member.phone ?? "",
                    isLeader: member.isLeader
                )
            },
            search: search ?? "",
            page: page.metadata.page,
            pageCount: page.metadata.pageCount,
            total: page.metadata.total
        )
        return req.page(req.pageLanguage("Cán bộ, nhân viên", "Staff")) { StaffPage.view(model, $0) }
    }

    /// Today's area tree, or the tree of an earlier day.
    @Sendable func areas(req: Request) async throws -> Response {
        _ = try req.principal(allowedTo: .viewOrganisation)
        let asOfText = (try? req.query.get(String.self, at: "as_of")).map { String($0.prefix(10)) } ?? ""
        var checker = FieldChecker()
        let asOf = checker.date("as_of", asOfText)
        let areas = try await OrganisationQueries.areas(asOf: asOf, on: req.db)
        let model = AreasPage.Model(
            rows: areas.map { area in
                AreasPage.Row(
                    depth: area.path.split(separator: "/").count - 1,
                    code: area.code,
                    name: area.name,
                    validity: [
                        area.validFrom.flatMap { SolarDate(iso: $0)?.dmy },
                        area.validTo.flatMap { SolarDate(iso: $0)?.dmy },
                    ]
                    .map { $0 ?? "…" }.joined(separator: " – ")
                )
            },
            asOf: asOfText,
            errors: checker
        )
        let status: HTTPResponseStatus = checker.errors.isEmpty ? .ok : .unprocessableEntity
        return req.page(req.pageLanguage("Địa bàn", "Areas"), status: status) { AreasPage.view(model, $0) }
    }
}
