import AnToanCore
import OpenAPIKit

extension ReleaseItemDTO: APISchema {
    static let schemaName = "ReleaseItem"
    static var schema: JSONSchema {
        .record([
            "description": .string, "quantity": JSONSchema.string(description: "As written: 2, or 2,5"),
            "unit": .string.optional,
        ])
    }
}

extension ReleaseNoteDTO: APISchema {
    static let schemaName = "ReleaseNote"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string, "carrier_name": .string.optional,
            "carrier_document": .string.optional, "vehicle_plate": .string.optional,
            "items": [ReleaseItemDTO].schema, "reason": .string, "expected_on": .day, "created_by": .string,
            "created_at": .timestamp, "status": .choice(ReleaseNote.Status.self),
            "status_text": JSONSchema.string(description: "Chờ duyệt, Đã duyệt, Từ chối, Đã ra cổng"),
            "decided_by": .string.optional, "decided_at": JSONSchema.timestamp.optional,
            "refusal_reason": .string.optional, "released_at": JSONSchema.timestamp.optional,
            "released_by": .string.optional, "purged": .boolean,
        ])
    }
    static var components: [any APISchema.Type] { [ReleaseItemDTO.self] }
}

extension ReleaseNoteListDTO: APISchema {
    static let schemaName = "ReleaseNoteList"
    static var schema: JSONSchema {
        .record(["count": .integer(minimum: (0, exclusive: false)), "notes": [ReleaseNoteDTO].schema])
    }
    static var components: [any APISchema.Type] { [ReleaseNoteDTO.self] }
}

extension ReleaseNoteRequest: APISchema {
    static let schemaName = "ReleaseNoteInput"
    static var schema: JSONSchema {
        .record([
            "carrier_name": .text(max: GateLimits.name).optional,
            "carrier_document": .text(max: GoodsLimits.document).optional,
            "vehicle_plate": .text(max: GateLimits.plate).optional,
            "items": .list(
                .record([
                    "description": .text(max: GoodsItem.maxDescription).optional,
                    "quantity": JSONSchema.number(description: "Above 0; 1 when left out").optional,
                    "unit": .text(max: GoodsItem.maxUnit).optional,
                ]),
                max: GoodsItem.maxItems
            ),
            "reason": .text(max: GoodsLimits.reason).optional,
            "expected_date": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd; today when left out").optional,
        ])
    }
}

extension ReleaseRefusalRequest: APISchema {
    static let schemaName = "ReleaseRefusalInput"
    static var schema: JSONSchema { .record(["refusal_reason": .text(max: GoodsLimits.refusal).optional]) }
}

extension VehiclePassDTO: APISchema {
    static let schemaName = "VehiclePass"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string,
            "plate": JSONSchema.string(description: "As typed, in upper case").optional,
            "kind": .choice(VehicleKind.self), "driver_name": .string.optional, "purpose": .string.optional,
            "visit_id": JSONSchema.uuid.optional, "checked_in_at": .timestamp,
            "checked_out_at": JSONSchema.timestamp.optional, "inside": .boolean, "purged": .boolean,
        ])
    }
}

extension VehiclesInsideDTO: APISchema {
    static let schemaName = "VehiclesInside"
    static var schema: JSONSchema {
        .record([
            "at": .timestamp, "count": .integer(minimum: (0, exclusive: false)), "vehicles": [VehiclePassDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [VehiclePassDTO.self] }
}

extension VehicleCheckInRequest: APISchema {
    static let schemaName = "VehicleCheckInInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "plate": .text(max: GateLimits.plate).optional,
            "kind": JSONSchema.choice(VehicleKind.self).optional, "driver_name": .text(max: GateLimits.name).optional,
            "purpose": .text(max: GateLimits.purpose).optional, "visit_id": JSONSchema.uuid.optional,
        ])
    }
}
