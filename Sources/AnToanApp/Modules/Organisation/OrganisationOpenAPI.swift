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
            method: "get",
            path: "/api/v1/bodies",
            summary: "Supervising bodies within the caller's area",
            response: "BodyList"
        ),
        Operation(
            method: "post",
            path: "/api/v1/bodies",
            summary: "Create a supervising body",
            request: "Body",
            response: "Body",
            status: 201
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
            "Body": record(["id", "code", "name", "kind", "area_id", "area_path", "reports_to_id"]),
            "BodyList": ["type": "array", "items": ref("Body")],
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
                    "identity_number",
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
