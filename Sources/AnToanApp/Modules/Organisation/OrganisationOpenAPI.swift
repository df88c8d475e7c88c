/// The organisation registry's part of the OpenAPI document.
extension OpenAPI {
    static let organisationOperations: [Operation] = [
        Operation(
            method: "get",
            path: "/api/v1/areas",
            summary: "The area tree of today, or as it stood on as_of",
            response: "AreaList",
            query: ["as_of"]
        ),
        Operation(
            method: "post",
            path: "/api/v1/areas",
            summary: "Create an area",
            request: "CreateArea",
            response: "Area",
            status: 201
        ),
        Operation(
            method: "post",
            path: "/api/v1/areas/{id}/rename",
            summary: "Rename an area from a date",
            request: "RenameArea",
            response: "Area"
        ),
        Operation(
            method: "post",
            path: "/api/v1/areas/{id}/merge",
            summary: "Merge an area into another from a date",
            request: "MergeArea",
            response: "Area"
        ),
        Operation(
            method: "post",
            path: "/api/v1/areas/{id}/split",
            summary: "Split an area from a date into two or more new areas; units and bodies not named in a part, "
                + "and accounts whose scope was the area, go to the first part; departments follow their unit",
            request: "SplitArea",
            response: "AreaSplit"
        ),
        Operation(
            method: "get",
            path: "/api/v1/bodies",
            summary: "Supervising bodies within the caller's area; for a unit's account, those over its area",
            response: "BodyList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/bodies",
            summary: "Create a supervising body",
            request: "BodyInput",
            response: "Body",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/bodies/{id}",
            summary: "One supervising body (404 outside the caller's scope)",
            response: "Body"
        ),
        Operation(
            method: "put",
            path: "/api/v1/bodies/{id}",
            summary: "Replace a body's name, kind, area and reports_to (the code stays; a loop is refused)",
            request: "BodyReplace",
            response: "Body"
        ),
        Operation(
            method: "get",
            path: "/api/v1/routing-rules",
            summary: "Approval chains and report recipients that can apply within the caller's scope",
            response: "RoutingRuleList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/routing-rules",
            summary: "Add a routing rule: for a purpose, a unit kind and an area (each optional), bodies in order",
            request: "RoutingRuleInput",
            response: "RoutingRule",
            status: 201
        ),
        Operation(
            method: "delete",
            path: "/api/v1/routing-rules/{id}",
            summary: "Remove a routing rule",
            status: 204
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/routing",
            summary: "Where the unit's plan goes for approval (purpose=plan_approval) or its reports go "
                + "(purpose=report): the most specific rule, else reports_to from the body over its area",
            response: "RoutingChain",
            query: ["purpose"]
        ),
        Operation(
            method: "get",
            path: "/api/v1/units",
            summary: "Top-level units within the caller's scope",
            response: "UnitPage",
            query: ["q", "page"]
        ),
        Operation(
            method: "post",
            path: "/api/v1/units",
            summary: "Create a unit, or a department with parent_id",
            request: "UnitInput",
            response: "Unit",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}",
            summary: "One unit (404 outside the caller's scope)",
            response: "Unit"
        ),
        Operation(
            method: "patch",
            path: "/api/v1/units/{id}",
            summary: "Change a unit",
            request: "UnitInput",
            response: "Unit"
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/staffing",
            summary: "Staffing summary and what runs out in 90 days",
            response: "Staffing"
        ),
        Operation(
            method: "get",
            path: "/api/v1/units/{id}/sites",
            summary: "Sites of a unit with their security systems",
            response: "SiteList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/units/{id}/sites",
            summary: "Add a site to a unit",
            request: "SiteInput",
            response: "Site",
            status: 201
        ),
        Operation(
            method: "post",
            path: "/api/v1/sites/{id}/systems",
            summary: "Add a security system to a site",
            request: "SystemInput",
            response: "Site",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/staff",
            summary: "Staff within the caller's scope, searched without diacritics",
            response: "StaffPage",
            query: ["q", "page"]
        ),
        Operation(
            method: "post",
            path: "/api/v1/staff",
            summary: "Add a staff member",
            request: "StaffInput",
            response: "Staff",
            status: 201
        ),
        Operation(
            method: "get",
            path: "/api/v1/staff/{id}",
            summary: "One staff member, identity number masked",
            response: "Staff"
        ),
        Operation(
            method: "post",
            path: "/api/v1/staff/{id}/reveal-identity",
            summary: "The full identity number (audited)",
            response: "Staff"
        ),
        Operation(
            method: "get",
            path: "/api/v1/staff/{id}/memberships",
            summary: "Force memberships of a staff member",
            response: "MembershipList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/staff/{id}/memberships",
            summary: "Add a force membership",
            request: "MembershipInput",
            response: "Membership",
            status: 201
        ),
    ]

    static var organisationSchemas: [String: Any] {
        [
            "Area": record([
                "id", "code", "name", "kind", "path", "parent_id", "valid_from", "valid_to", "successor_id",
            ]),
            "AreaList": ["type": "array", "items": ref("Area")],
            "CreateArea": input(
                ["code", "name", "kind", "parent_id", "valid_from"],
                required: ["code", "name", "kind"]
            ),
            "RenameArea": input(["name", "effective_date"], required: ["name", "effective_date"]),
            "MergeArea": input(["into_id", "effective_date"], required: ["into_id", "effective_date"]),
            "SplitArea": object(
                [
                    "effective_date": ["type": "string"],
                    "parts": ["type": "array", "minItems": 2, "maxItems": 20, "items": ref("SplitAreaPart")],
                ],
                required: ["effective_date", "parts"]
            ),
            "SplitAreaPart": object(
                [
                    "code": ["type": "string", "maxLength": 32], "name": ["type": "string", "maxLength": 200],
                    "kind": ["type": "string", "description": "Default: the kind of the area split"],
                    "unit_ids": ["type": "array", "items": ["type": "string", "format": "uuid"]],
                    "body_ids": ["type": "array", "items": ["type": "string", "format": "uuid"]],
                ],
                required: ["code", "name"]
            ),
            "AreaSplit": object(
                ["area": ref("Area"), "parts": ["type": "array", "items": ref("Area")]],
                required: ["area", "parts"]
            ),
            "Body": record(["id", "code", "name", "kind", "area_id", "area_path", "reports_to_id"]),
            "BodyList": ["type": "array", "items": ref("Body")],
            "BodyInput": input(
                ["code", "name", "kind", "area_id", "reports_to_id"],
                required: ["code", "name", "kind", "area_id"]
            ),
            "BodyReplace": input(
                ["code", "name", "kind", "area_id", "reports_to_id"],
                required: ["name", "kind", "area_id"]
            ),
            "RoutingRule": record(["id", "purpose", "unit_kind", "area_id", "area_path", "body_ids"]),
            "RoutingRuleList": ["type": "array", "items": ref("RoutingRule")],
            "RoutingRuleInput": object(
                [
                    "purpose": ["type": "string", "enum": ["plan_approval", "report"]],
                    "unit_kind": ["type": "string"], "area_id": ["type": "string", "format": "uuid"],
                    "body_ids": [
                        "type": "array", "minItems": 1, "maxItems": 10,
                        "items": ["type": "string", "format": "uuid"],
                    ],
                ],
                required: ["purpose", "body_ids"]
            ),
            "RoutingChain": record(["unit_id", "purpose", "source", "rule_id", "bodies"]),
            "Unit": record([
                "id", "code", "name", "kind", "enterprise_size", "school_level", "area_id", "area_path", "parent_id",
                "address",
                "phone", "email", "head_name", "flags", "in_antoan_standard",
            ]),
            "UnitPage": pageOf("Unit"),
            "UnitInput": input(
                [
                    "code", "name", "kind", "enterprise_size", "school_level", "area_id", "parent_id", "address",
                    "phone", "email",
                    "head_name", "flags",
                ],
                required: []
            ),
            "Staffing": record(["staff", "leaders", "by_force", "due_soon"]),
            "Site": record(["id", "code", "name", "kind", "systems"]),
            "SiteList": ["type": "array", "items": ref("Site")],
            "SiteInput": input(["code", "name", "kind"], required: ["code", "name", "kind"]),
            "SystemInput": input(["kind", "count", "status", "last_check"], required: ["kind", "count", "status"]),
            "Staff": record([
                "id", "code", "full_name", "position", "unit_id", "department_id", "phone", "email", "is_leader",
                "status",
                "identity_number",
            ]),
            "StaffPage": pageOf("Staff"),
            "StaffInput": input(
                [
                    "unit_id", "department_id", "code", "full_name", "position", "phone", "email", "is_leader",
                    "status",
                    "identity_number", "account",
                ],
                required: ["unit_id", "full_name", "position"]
            ),
            "Membership": record([
                "id", "staff_id", "force", "role", "start_date", "end_date", "certificate_number", "due_date",
            ]),
            "MembershipList": ["type": "array", "items": ref("Membership")],
            "MembershipInput": input(
                ["force", "role", "start_date", "end_date", "certificate_number", "certificate_issued"],
                required: ["force", "start_date"]
            ),
        ]
    }
}
