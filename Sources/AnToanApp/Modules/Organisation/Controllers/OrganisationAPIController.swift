import AnToanCore
import Fluent
import Vapor

/// The JSON API of areas, units, supervising bodies, sites and staff under /api/v1.
struct OrganisationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("areas", use: listAreas)
        routes.post("areas", use: createArea)
        routes.post("areas", ":id", "rename", use: renameArea)
        routes.post("areas", ":id", "merge", use: mergeArea)
        routes.post("areas", ":id", "split", use: splitArea)
        routes.get("bodies", use: listBodies)
        routes.post("bodies", use: createBody)
        routes.get("bodies", ":id", use: getBody)
        routes.put("bodies", ":id", use: replaceBody)
        routes.get("units", use: listUnits)
        routes.post("units", use: createUnit)
        routes.get("units", ":id", use: getUnit)
        routes.patch("units", ":id", use: updateUnit)
        routes.get("units", ":id", "staffing", use: staffing)
        routes.get("units", ":id", "sites", use: listSites)
        routes.post("units", ":id", "sites", use: createSite)
        routes.post("sites", ":id", "systems", use: createSystem)
        routes.get("staff", use: listStaff)
        routes.post("staff", use: createStaff)
        routes.get("staff", ":id", use: getStaff)
        routes.post("staff", ":id", "reveal-identity", use: revealIdentity)
        routes.get("staff", ":id", "memberships", use: listMemberships)
        routes.post("staff", ":id", "memberships", use: addMembership)
    }

    /// Today's tree, or the tree as it stood on `as_of` (yyyy-MM-dd or dd/MM/yyyy).
    @Sendable func listAreas(req: Request) async throws -> [AreaDTO] {
        _ = try req.principal(allowedTo: .viewOrganisation)
        var checker = FieldChecker()
        let asOf = checker.date("as_of", try? req.query.get(String.self, at: "as_of"))
        try checker.check()
        return try await OrganisationQueries.areas(asOf: asOf, on: req.db).map(AreaDTO.init)
    }

    @Sendable func createArea(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let area = try await AreaRegistry.create(try req.decodeJSON(CreateAreaInput.self), by: principal, on: req)
        return try await AreaDTO(area).encodeResponse(status: .created, for: req)
    }

    @Sendable func renameArea(req: Request) async throws -> AreaDTO {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let area = try await OrganisationQueries.area(try req.idParameter(), in: principal.scope, on: req.db)
        return try AreaDTO(
            try await AreaRegistry.rename(area, try req.decodeJSON(RenameAreaInput.self), by: principal, on: req)
        )
    }

    @Sendable func mergeArea(req: Request) async throws -> AreaDTO {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let area = try await OrganisationQueries.area(try req.idParameter(), in: principal.scope, on: req.db)
        return try AreaDTO(
            try await AreaRegistry.merge(area, try req.decodeJSON(MergeAreaInput.self), by: principal, on: req)
        )
    }

    /// Splits an area on a date; units and bodies not named go to the first part.
    @Sendable func splitArea(req: Request) async throws -> AreaSplitDTO {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let area = try await OrganisationQueries.area(try req.idParameter(), in: principal.scope, on: req.db)
        let split = try await AreaRegistry.split(area, try req.decodeJSON(SplitAreaInput.self), by: principal, on: req)
        return AreaSplitDTO(area: try AreaDTO(split.area), parts: try split.parts.map(AreaDTO.init))
    }

    @Sendable func listBodies(req: Request) async throws -> [BodyDTO] {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        return try await BodyQueries.bodies(in: principal.scope, on: req.db).sort(\.$areaPath).sort(\.$code).all()
            .map(BodyDTO.init)
    }

    @Sendable func createBody(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let body = try await BodyRegistry.create(try req.decodeJSON(BodyInput.self), by: principal, on: req)
        return try await BodyDTO(body).encodeResponse(status: .created, for: req)
    }

    @Sendable func getBody(req: Request) async throws -> BodyDTO {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        return try BodyDTO(try await BodyQueries.body(try req.idParameter(), in: principal.scope, on: req.db))
    }

    @Sendable func replaceBody(req: Request) async throws -> BodyDTO {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let body = try await BodyQueries.body(try req.idParameter(), in: principal.scope, on: req.db)
        try await BodyRegistry.update(body, try req.decodeJSON(BodyInput.self), by: principal, on: req)
        return try BodyDTO(body)
    }

    @Sendable func listUnits(req: Request) async throws -> PageDTO<UnitDTO> {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let page = try await OrganisationQueries.unitPage(
            in: principal.scope,
            search: try req.searchParameter(),
            page: try req.pageParameter(),
            on: req.db
        )
        let rests = try await DutyCalendar.weeklyRests(of: page.items.map { ($0.id, $0.kind) }, on: req.db)
        return PageDTO(
            items: page.items.map {
                UnitDTO($0, weeklyRest: rests[$0.id] ?? .standard(for: UnitKind(rawValue: $0.kind)))
            },
            list: page
        )
    }

    @Sendable func createUnit(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let unit = try await UnitRegistry.create(try req.decodeJSON(UnitInput.self), by: principal, on: req)
        return try await Self.dto(unit, on: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func getUnit(req: Request) async throws -> UnitDTO {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        return try await Self.dto(unit, on: req)
    }

    @Sendable func updateUnit(req: Request) async throws -> UnitDTO {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        try await UnitRegistry.update(unit, try req.decodeJSON(UnitInput.self), by: principal, on: req)
        return try await Self.dto(unit, on: req)
    }

    /// A unit with its weekly rest days.
    private static func dto(_ unit: OrgUnit, on req: Request) async throws -> UnitDTO {
        try UnitDTO(unit, weeklyRest: try await DutyCalendar.weeklyRest(of: unit, on: req.db).rest)
    }

    @Sendable func staffing(req: Request) async throws -> StaffingDTO {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        return StaffingDTO(
            try await OrganisationQueries.staffing(of: try unit.requireID(), today: req.today, on: req.db)
        )
    }

    @Sendable func listSites(req: Request) async throws -> [SiteDTO] {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let sites = try await OrganisationQueries.sites(of: unit.requireID(), on: req.db)
        return try sites.map { try SiteDTO($0, systems: $0.systems) }
    }

    @Sendable func createSite(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let unit = try await OrganisationQueries.unit(try req.idParameter(), in: principal.scope, on: req.db)
        let site = try await UnitRegistry.createSite(
            try req.decodeJSON(SiteInput.self),
            in: unit,
            by: principal,
            on: req
        )
        return try await SiteDTO(site, systems: []).encodeResponse(status: .created, for: req)
    }

    @Sendable func createSystem(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let site = try await OrganisationQueries.site(try req.idParameter(), in: principal.scope, on: req.db)
        let system = try await UnitRegistry.createSystem(
            try req.decodeJSON(SystemInput.self),
            at: site,
            by: principal,
            on: req
        )
        return try await SiteDTO(site, systems: [system]).encodeResponse(status: .created, for: req)
    }

    @Sendable func listStaff(req: Request) async throws -> PageDTO<StaffDTO> {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let page = try await OrganisationQueries.staffPage(
            in: principal.scope,
            search: try req.searchParameter(),
            page: try req.pageParameter(),
            on: req.db
        )
        return PageDTO(items: page.items.map { StaffDTO($0) }, list: page)
    }

    @Sendable func createStaff(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let member = try await StaffRegistry.create(try req.decodeJSON(StaffInput.self), by: principal, on: req)
        return try await StaffDTO(member).encodeResponse(status: .created, for: req)
    }

    @Sendable func getStaff(req: Request) async throws -> StaffDTO {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        return try StaffDTO(
            try await OrganisationQueries.staffMember(try req.idParameter(), in: principal.scope, on: req.db)
        )
    }

    /// Shows the full identity number to roles that need it; every reveal is written to the audit trail.
    @Sendable func revealIdentity(req: Request) async throws -> StaffDTO {
        let principal = try req.principal(allowedTo: .viewStaffIdentity)
        let member = try await OrganisationQueries.staffMember(try req.idParameter(), in: principal.scope, on: req.db)
        let (id, now) = (try member.requireID().uuidString, req.application.clock.now())
        try await req.application.write { db in
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .reveal,
                entity: "staff",
                entityID: id,
                before: nil,
                after: ["identity_number": "revealed"],
                now: now
            )
        }
        return try StaffDTO(member, revealIdentity: true)
    }

    @Sendable func listMemberships(req: Request) async throws -> [MembershipDTO] {
        let principal = try req.principal(allowedTo: .viewOrganisation)
        let member = try await OrganisationQueries.staffMember(try req.idParameter(), in: principal.scope, on: req.db)
        return try await OrganisationQueries.memberships(of: member.requireID(), on: req.db).map(MembershipDTO.init)
    }

    @Sendable func addMembership(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageOrganisation)
        let member = try await OrganisationQueries.staffMember(try req.idParameter(), in: principal.scope, on: req.db)
        let membership = try await StaffRegistry.addMembership(
            try req.decodeJSON(MembershipInput.self),
            to: member,
            by: principal,
            on: req
        )
        return try await MembershipDTO(membership).encodeResponse(status: .created, for: req)
    }
}

extension Request {
    /// `?q=`, at most 100 characters; a longer one is a 422 naming `q`.
    func searchParameter() throws -> String? {
        guard let search = try? query.get(String.self, at: "q") else { return nil }
        guard search.count <= 100 else {
            throw AppError.invalidFields([FieldError(field: "q", reason: .tooLong(max: 100))])
        }
        return search
    }

    /// Today's date in Vietnam, yyyy-MM-dd.
    var today: String { VietnamTime.day(of: application.clock.now()).iso }
}
