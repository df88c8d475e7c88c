import AnToanCore
import OpenAPIKit

/// The organisation registry's routes in the OpenAPI document.
extension OrganisationAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/areas",
                "The area tree of today, or as it stood on as_of",
                response: [AreaDTO].self,
                query: [APIParameter(name: "as_of", schema: .day)]
            ),
            .post(
                "/api/v1/areas",
                "Create an area",
                request: CreateAreaInput.self,
                response: AreaDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/areas/{id}/rename",
                "Rename an area from a date",
                request: RenameAreaInput.self,
                response: AreaDTO.self
            ),
            .post(
                "/api/v1/areas/{id}/merge",
                "Merge an area into another from a date",
                request: MergeAreaInput.self,
                response: AreaDTO.self
            ),
            .post(
                "/api/v1/areas/{id}/split",
                "Split an area from a date into two or more new areas; units and bodies not named in a part, "
                    + "and accounts whose scope was the area, go to the first part; departments follow their unit",
                request: SplitAreaInput.self,
                response: AreaSplitDTO.self
            ),
            .get(
                "/api/v1/bodies",
                "Supervising bodies within the caller's area; for a unit's account, those over its area",
                response: [BodyDTO].self
            ),
            .post(
                "/api/v1/bodies",
                "Create a supervising body",
                request: BodyInput.self,
                response: BodyDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/bodies/{id}",
                "One supervising body (404 outside the caller's scope)",
                response: BodyDTO.self
            ),
            .put(
                "/api/v1/bodies/{id}",
                "Replace a body's name, kind, area and reports_to (the code stays; a loop is refused)",
                request: BodyInput.self,
                response: BodyDTO.self
            ),
            .get(
                "/api/v1/units",
                "Top-level units within the caller's scope; q finds a word of the name or the start of the code",
                response: PageDTO<UnitDTO>.self,
                query: [.q, .page]
            ),
            .post(
                "/api/v1/units",
                "Create a unit, or a department with parent_id",
                request: UnitInput.self,
                response: UnitDTO.self,
                status: 201
            ),
            .get("/api/v1/units/{id}", "One unit (404 outside the caller's scope)", response: UnitDTO.self),
            .patch("/api/v1/units/{id}", "Change a unit", request: UnitInput.self, response: UnitDTO.self),
            .get(
                "/api/v1/units/{id}/staffing",
                "Staffing summary and what runs out in 90 days",
                response: StaffingDTO.self
            ),
            .get("/api/v1/units/{id}/sites", "Sites of a unit with their security systems", response: [SiteDTO].self),
            .post(
                "/api/v1/units/{id}/sites",
                "Add a site to a unit",
                request: SiteInput.self,
                response: SiteDTO.self,
                status: 201
            ),
            .post(
                "/api/v1/sites/{id}/systems",
                "Add a security system to a site",
                request: SystemInput.self,
                response: SiteDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/staff",
                "Staff within the caller's scope, searched without diacritics",
                response: PageDTO<StaffDTO>.self,
                query: [.q, .page]
            ),
            .post(
                "/api/v1/staff",
                "Add a staff member",
                request: StaffInput.self,
                response: StaffDTO.self,
                status: 201
            ),
            .get("/api/v1/staff/{id}", "One staff member, identity number masked", response: StaffDTO.self),
            .post(
                "/api/v1/staff/{id}/reveal-identity",
                "The full identity number (audited)",
                response: StaffDTO.self
            ),
            .get(
                "/api/v1/staff/{id}/memberships",
                "Force memberships of a staff member",
                response: [MembershipDTO].self
            ),
            .post(
                "/api/v1/staff/{id}/memberships",
                "Add a force membership",
                request: MembershipInput.self,
                response: MembershipDTO.self,
                status: 201
            ),
        ]
    }
}

/// Approval chains and report recipients in the OpenAPI document.
extension RoutingAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        [
            .get(
                "/api/v1/routing-rules",
                "Approval chains and report recipients that can apply within the caller's scope",
                response: [RoutingRuleDTO].self
            ),
            .post(
                "/api/v1/routing-rules",
                "Add a routing rule: for a purpose, a unit kind and an area (each optional), bodies in order",
                request: RoutingRuleInput.self,
                response: RoutingRuleDTO.self,
                status: 201
            ),
            .delete("/api/v1/routing-rules/{id}", "Remove a routing rule"),
            .get(
                "/api/v1/units/{id}/routing",
                "Where the unit's plan goes for approval (purpose=plan_approval) or its reports go "
                    + "(purpose=report): the most specific rule, else reports_to from the body over its area",
                response: RoutingChainDTO.self,
                query: [APIParameter(name: "purpose", schema: .choice(RoutingPurpose.self))]
            ),
        ]
    }
}
