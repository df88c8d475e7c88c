import AnToanCore
import OpenAPIKit

extension AreaDTO: APISchema {
    static let schemaName = "Area"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "code": .string, "name": .string, "kind": .choice(AreaKind.self), "path": .string,
            "parent_id": .uuid.optional, "valid_from": .day.optional, "valid_to": .day.optional,
            "successor_id": .uuid.optional,
        ])
    }
}

extension AreaSplitDTO: APISchema {
    static let schemaName = "AreaSplit"
    static var schema: JSONSchema { .record(["area": .component(AreaDTO.self), "parts": [AreaDTO].schema]) }
    static var components: [any APISchema.Type] { [AreaDTO.self] }
}

extension UnitDTO: APISchema {
    static let schemaName = "Unit"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "code": .string, "name": .string, "kind": .choice(UnitKind.self),
            "enterprise_size": .choice(EnterpriseSize.self).optional,
            "school_level": .choice(SchoolLevel.self).optional,
            "area_id": .uuid, "area_path": .string, "parent_id": .uuid.optional, "address": .string,
            "phone": .string.optional, "email": .string.optional, "head_name": .string.optional,
            "flags": .list(.choice(KeyTargetFlag.self)), "in_antoan_standard": .boolean,
            "weekly_rest": .choice(WeeklyRest.self),
        ])
    }
}

extension BodyDTO: APISchema {
    static let schemaName = "Body"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "code": .string, "name": .string, "kind": .choice(BodyKind.self), "area_id": .uuid,
            "area_path": .string, "reports_to_id": .uuid.optional,
        ])
    }
}

extension SiteDTO: APISchema {
    static let schemaName = "Site"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "code": .string, "name": .string, "kind": .choice(SiteKind.self),
            "systems": .list(
                .record([
                    "id": .uuid, "kind": .choice(SecuritySystemKind.self), "count": .integer,
                    "status": .choice(SystemStatus.self), "last_check": .day.optional,
                ])
            ),
        ])
    }
}

extension StaffDTO: APISchema {
    static let schemaName = "Staff"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "code": .string.optional, "full_name": .string, "position": .string, "unit_id": .uuid,
            "department_id": .uuid.optional, "phone": .string.optional, "email": .string.optional,
            "is_leader": .boolean, "status": .string,
            "identity_number": .string(required: false, description: "Masked unless revealed"),
        ])
    }
}

extension MembershipDTO: APISchema {
    static let schemaName = "Membership"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "staff_id": .uuid, "force": .choice(ForceKind.self), "role": .choice(ForceRole.self),
            "start_date": .day, "end_date": .day.optional, "certificate_number": .string.optional,
            "due_date": .day.optional,
        ])
    }
}

extension StaffingDTO: APISchema {
    static let schemaName = "Staffing"
    static var schema: JSONSchema {
        .record([
            "staff": .integer, "leaders": .integer,
            "by_force": .object(additionalProperties: .b(.integer)),
            "due_soon": .list(.record(["name": .string, "force": .string, "due_date": .day])),
        ])
    }
}

extension RoutingRuleDTO: APISchema {
    static let schemaName = "RoutingRule"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "purpose": .choice(RoutingPurpose.self), "unit_kind": .choice(UnitKind.self).optional,
            "area_id": .uuid.optional, "area_path": .string.optional, "body_ids": .list(.uuid),
        ])
    }
}

extension RoutingChainDTO: APISchema {
    static let schemaName = "RoutingChain"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "purpose": .choice(RoutingPurpose.self),
            "source": .string(allowedValues: "rule", "reports_to", "none"), "rule_id": .uuid.optional,
            "bodies": [BodyDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [BodyDTO.self] }
}
