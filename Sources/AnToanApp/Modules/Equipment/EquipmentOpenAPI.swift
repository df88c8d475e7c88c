import AnToanCore
import OpenAPIKit

/// The equipment registry in the OpenAPI document.
extension EquipmentAPIController: DocumentedAPI {
    static var operations: [APIOperation] {
        let filters = [
            APIParameter(name: "category", schema: .choice(EquipmentCategory.self)),
            APIParameter(name: "status", schema: .choice(EquipmentStatus.self)),
            APIParameter(name: "unit", schema: .uuid),
            APIParameter(name: "q", schema: .text(max: 100)),
            APIParameter(name: "page", schema: .integer(minimum: (1, exclusive: false))),
        ]
        return [
            .get(
                "/api/v1/equipment",
                "The items of the caller's scope, 100 a page, by unit, category and kind",
                response: EquipmentListDTO.self,
                query: filters
            ),
            .post(
                "/api/v1/equipment",
                "Register an item (or a counted stock) in a unit's registry; a serial already registered for the "
                    + "kind, a negative quantity or an unknown post is a 422 naming the field",
                request: EquipmentItemRequest.self,
                response: EquipmentItemDTO.self,
                status: 201
            ),
            .get("/api/v1/equipment/{id}", "An item with its permits", response: EquipmentItemDTO.self),
            .put(
                "/api/v1/equipment/{id}",
                "Change an item's facts (not its status nor holder)",
                request: EquipmentItemRequest.self,
                response: EquipmentItemDTO.self
            ),
            .post(
                "/api/v1/equipment/{id}/status",
                "Send an item for repair, back to store, or dispose of it; an item out with someone, or issue and "
                    + "loss, are a 422 naming status",
                request: EquipmentStatusRequest.self,
                response: EquipmentItemDTO.self
            ),
            .post(
                "/api/v1/equipment/{id}/permits",
                "Record a purchase or use permit; an end before the start is a 422 naming valid_until",
                request: EquipmentPermitRequest.self,
                response: EquipmentPermitDTO.self,
                status: 201
            ),
            .delete("/api/v1/equipment/permits/{id}", "Remove a permit recorded by mistake"),
            .get(
                "/api/v1/equipment/transfers",
                "The latest 300 receipts from suppliers and issues to departments or forces of the caller's scope",
                response: EquipmentTransferListDTO.self
            ),
            .post(
                "/api/v1/equipment/transfers",
                "Record a receipt or an issue of the caller's unit; one that moves a counted stock changes its "
                    + "quantity (an issue of more than is in store is a 422 naming stock_quantity)",
                request: EquipmentTransferRequest.self,
                response: EquipmentTransferDTO.self,
                status: 201
            ),
            .get(
                "/api/v1/equipment/transfers/{id}",
                "A receipt or an issue with its papers (their bytes are on the page)",
                response: EquipmentTransferDTO.self
            ),
        ]
    }
}

extension EquipmentPermitDTO: APISchema {
    static let schemaName = "EquipmentPermit"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "kind": .choice(PermitKind.self), "number": .string, "issuer": .string, "issued_on": .day,
            "valid_until": JSONSchema.day.optional,
        ])
    }
}

extension EquipmentItemDTO: APISchema {
    static let schemaName = "EquipmentItem"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string, "category": .choice(EquipmentCategory.self),
            "kind": .choice(EquipmentKind.self), "kind_text": .string, "name": .string, "label": .string.optional,
            "brand_model": .string.optional, "serial": .string.optional, "capacity": .string.optional,
            "owner": .choice(EquipmentOwner.self), "site_id": JSONSchema.uuid.optional,
            "site_name": .string.optional, "place": .string.optional,
            "post": JSONSchema.string(description: "The id of the unit's duty post whose handover counts it").optional,
            "status": .choice(EquipmentStatus.self), "status_text": .string,
            "quantity": .integer(minimum: (0, exclusive: false)), "min_stock": .integer(minimum: (0, exclusive: false)),
            "measure": .string, "below_minimum": .boolean, "commissioned_on": JSONSchema.day.optional,
            "notes": .string.optional, "holder_staff_id": JSONSchema.uuid.optional, "holder_name": .string.optional,
            "permits": [EquipmentPermitDTO].schema.optional,
        ])
    }
    static var components: [any APISchema.Type] { [EquipmentPermitDTO.self] }
}

extension EquipmentListDTO: APISchema {
    static let schemaName = "EquipmentList"
    static var schema: JSONSchema {
        .record([
            "total": .integer(minimum: (0, exclusive: false)), "page": .integer(minimum: (1, exclusive: false)),
            "items": [EquipmentItemDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [EquipmentItemDTO.self] }
}

extension EquipmentItemRequest: APISchema {
    static let schemaName = "EquipmentItemInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": JSONSchema.uuid.optional, "kind": .choice(EquipmentKind.self).optional,
            "label": .text(max: EquipmentLimits.label).optional,
            "brand_model": .text(max: EquipmentLimits.brandModel).optional,
            "serial": .text(max: EquipmentLimits.serial).optional,
            "capacity": .text(max: EquipmentLimits.capacity).optional,
            "owner": .choice(EquipmentOwner.self).optional, "site_id": JSONSchema.uuid.optional,
            "place": .text(max: EquipmentLimits.place).optional, "post": .string.optional,
            "quantity": JSONSchema.integer(description: "Counted stocks only; not negative").optional,
            "min_stock": JSONSchema.integer(description: "Counted stocks only; not negative").optional,
            "measure": .text(max: EquipmentLimits.measure).optional,
            "commissioned_on": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "notes": .text(max: EquipmentLimits.notes).optional,
        ])
    }
}

extension EquipmentStatusRequest: APISchema {
    static let schemaName = "EquipmentStatusInput"
    static var schema: JSONSchema { .record(["status": .choice(EquipmentStatus.self).optional]) }
}

extension EquipmentPermitRequest: APISchema {
    static let schemaName = "EquipmentPermitInput"
    static var schema: JSONSchema {
        .record([
            "kind": .choice(PermitKind.self).optional, "number": .text(max: EquipmentLimits.permitNumber).optional,
            "issuer": .text(max: EquipmentLimits.issuer).optional,
            "issued_on": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "valid_until": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd; after issued_on").optional,
        ])
    }
}

extension EquipmentTransferDTO.Document: APISchema {
    static let schemaName = "EquipmentTransferDocument"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "name": .string, "content_type": .string,
            "byte_count": .integer(minimum: (0, exclusive: false)),
        ])
    }
}

extension EquipmentTransferDTO: APISchema {
    static let schemaName = "EquipmentTransfer"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "direction": .choice(EquipmentTransfer.Direction.self),
            "direction_text": .string, "on_day": .day, "counterpart": .string,
            "department_id": JSONSchema.uuid.optional, "receiver_name": .string.optional,
            "document_number": .string.optional, "items": [ReleaseItemDTO].schema,
            "stock_item_id": JSONSchema.uuid.optional, "stock_quantity": .integer(minimum: (0, exclusive: false)),
            "notes": .string.optional, "documents": [EquipmentTransferDTO.Document].schema, "created_by": .string,
            "created_at": .timestamp,
        ])
    }
    static var components: [any APISchema.Type] { [ReleaseItemDTO.self, EquipmentTransferDTO.Document.self] }
}

extension EquipmentTransferListDTO: APISchema {
    static let schemaName = "EquipmentTransferList"
    static var schema: JSONSchema {
        .record(["count": .integer(minimum: (0, exclusive: false)), "transfers": [EquipmentTransferDTO].schema])
    }
    static var components: [any APISchema.Type] { [EquipmentTransferDTO.self] }
}

extension EquipmentTransferRequest: APISchema {
    static let schemaName = "EquipmentTransferInput"
    static var schema: JSONSchema {
        .record([
            "direction": .choice(EquipmentTransfer.Direction.self).optional,
            "on_day": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "counterpart": .text(max: EquipmentTransfers.maxText).optional,
            "department_id": JSONSchema.uuid.optional,
            "receiver_name": .text(max: EquipmentTransfers.maxText).optional,
            "document_number": .text(max: 100).optional,
            "items": .list(
                .record([
                    "description": .text(max: GoodsItem.maxDescription).optional,
                    "quantity": JSONSchema.number(description: "Above 0; 1 when left out").optional,
                    "unit": .text(max: GoodsItem.maxUnit).optional,
                ]),
                max: GoodsItem.maxItems
            ),
            "stock_item_id": JSONSchema.uuid.optional,
            "stock_quantity": JSONSchema.integer(description: "Above 0, with stock_item_id").optional,
            "notes": .text(max: 2_000).optional,
        ])
    }
}
