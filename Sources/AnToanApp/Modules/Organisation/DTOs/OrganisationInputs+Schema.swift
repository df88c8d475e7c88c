import AnToanCore
import OpenAPIKit

extension JSONSchema {
    /// A code: letters without diacritics, digits, - and _, at most 32 characters.
    static var code: JSONSchema { .string(minLength: 1, maxLength: 32, pattern: "^[A-Za-z0-9_-]+$") }
    static var phone: JSONSchema { .string(description: "A Vietnamese number, 10–11 digits", maxLength: 30) }
    static var email: JSONSchema { .string(format: .email, maxLength: 254) }
}

extension CreateAreaInput: APISchema {
    static let schemaName = "CreateArea"
    static var schema: JSONSchema {
        .record([
            "code": .code, "name": .text(max: 200, min: 1), "kind": .choice(AreaKind.self),
            "parent_id": .uuid.optional, "valid_from": .day.optional,
        ])
    }
}

extension RenameAreaInput: APISchema {
    static let schemaName = "RenameArea"
    static var schema: JSONSchema { .record(["name": .text(max: 200, min: 1), "effective_date": .day]) }
}

extension MergeAreaInput: APISchema {
    static let schemaName = "MergeArea"
    static var schema: JSONSchema { .record(["into_id": .uuid, "effective_date": .day]) }
}

extension SplitAreaInput: APISchema {
    static let schemaName = "SplitArea"
    static var schema: JSONSchema {
        .record([
            "effective_date": .day,
            "parts": .list(
                .record([
                    "code": .code, "name": .text(max: 200, min: 1),
                    "kind": .string(
                        required: false,
                        description: "Default: the kind of the area split",
                        allowedValues: AreaKind.allCases.map { AnyCodable($0.rawValue) }
                    ),
                    "unit_ids": .list(.uuid).optional, "body_ids": .list(.uuid).optional,
                ]),
                min: 2,
                max: 20
            ),
        ])
    }
}

extension UnitInput: APISchema {
    static let schemaName = "UnitInput"
    static var schema: JSONSchema {
        .record(
            [
                "code": .code.optional, "name": .text(max: 200, min: 1).optional,
                "kind": .choice(UnitKind.self).optional, "enterprise_size": .choice(EnterpriseSize.self).optional,
                "school_level": .choice(SchoolLevel.self).optional, "area_id": .uuid.optional,
                "parent_id": .uuid.optional, "address": .text(max: 300).optional, "phone": .phone.optional,
                "email": .email.optional, "head_name": .text(max: 120).optional,
                "flags": .list(.choice(KeyTargetFlag.self)).optional,
                "weekly_rest": .string(
                    required: false,
                    description: "Weekly rest days: sun (Sunday only) or sat_sun (Saturday and Sunday); an empty "
                        + "string: back to the standard for the unit's kind; left out: unchanged (on create, the "
                        + "standard)",
                    allowedValues: "sun",
                    "sat_sun",
                    ""
                ),
            ],
            description: "On create, code, name, kind and area_id (or parent_id for a department) are needed"
        )
    }
}

extension BodyInput: APISchema {
    static let schemaName = "BodyInput"
    static var schema: JSONSchema {
        .record(
            [
                "code": .code.optional, "name": .text(max: 200, min: 1), "kind": .choice(BodyKind.self),
                "area_id": .uuid, "reports_to_id": .uuid.optional,
            ],
            description: "code is needed on create and cannot change on replace"
        )
    }
}

extension SiteInput: APISchema {
    static let schemaName = "SiteInput"
    static var schema: JSONSchema {
        .record(["code": .code, "name": .text(max: 200, min: 1), "kind": .choice(SiteKind.self)])
    }
}

extension SystemInput: APISchema {
    static let schemaName = "SystemInput"
    static var schema: JSONSchema {
        .record([
            "kind": .choice(SecuritySystemKind.self),
            "count": .integer(maximum: (10_000, exclusive: false), minimum: (1, exclusive: false)),
            "status": .choice(SystemStatus.self), "last_check": .day.optional,
        ])
    }
}

extension StaffInput: APISchema {
    static let schemaName = "StaffInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "department_id": .uuid.optional, "code": .text(max: 32).optional,
            "full_name": .text(max: 120, min: 1), "position": .text(max: 120, min: 1), "phone": .phone.optional,
            "email": .email.optional, "is_leader": .boolean.optional, "status": .choice(StaffStatus.self).optional,
            "identity_number": .string(required: false, description: "9 or 12 digits", maxLength: 12),
            "account": .string(
                required: false,
                description: "The username of the account that signs in as this person",
                maxLength: 64
            ),
        ])
    }
}

extension MembershipInput: APISchema {
    static let schemaName = "MembershipInput"
    static var schema: JSONSchema {
        .record([
            "force": .choice(ForceKind.self), "role": .choice(ForceRole.self).optional, "start_date": .day,
            "end_date": .day.optional, "certificate_number": .text(max: 64).optional,
            "certificate_issued": .day.optional,
        ])
    }
}

extension RoutingRuleInput: APISchema {
    static let schemaName = "RoutingRuleInput"
    static var schema: JSONSchema {
        .record([
            "purpose": .choice(RoutingPurpose.self), "unit_kind": .choice(UnitKind.self).optional,
            "area_id": .uuid.optional, "body_ids": .list(.uuid, min: 1, max: RoutingRuleInput.maxBodies),
        ])
    }
}
