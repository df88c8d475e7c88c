import AnToanCore
import OpenAPIKit

extension VisitDTO: APISchema {
    static let schemaName = "Visit"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "unit_name": .string, "full_name": .string,
            "document_type": .choice(DocumentType.self), "document_number": .string,
            "birth_date": JSONSchema.string(format: .date).optional, "organisation": .string.optional,
            "host_name": .string.optional, "purpose": .string.optional, "vehicle_plate": .string.optional,
            "items": .string.optional, "badge": .string.optional,
            "expected_minutes": .integer(minimum: (5, exclusive: false)), "checked_in_at": .timestamp,
            "checked_out_at": .timestamp.optional, "inside": .boolean, "overstaying": .boolean,
            "held": .boolean,
            "instruction": JSONSchema.string(description: "For a held visitor: hold and call the security officer")
                .optional,
            "purged": .boolean,
        ])
    }
}

extension InsideListDTO: APISchema {
    static let schemaName = "InsideList"
    static var schema: JSONSchema {
        .record([
            "at": .timestamp, "count": .integer(minimum: (0, exclusive: false)),
            "overstaying": .integer(minimum: (0, exclusive: false)), "visitors": [VisitDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [VisitDTO.self] }
}

extension VisitCheckInRequest: APISchema {
    static let schemaName = "VisitCheckInInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "full_name": .text(max: GateLimits.name).optional,
            "document_type": JSONSchema.choice(DocumentType.self).optional,
            "document_number": JSONSchema.string(
                description: "cccd: 12 digits; cmnd: 9 or 12 digits; passport: 6–9 letters and digits; other: 4–20"
            ).optional,
            "birth_date": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "organisation": .text(max: GateLimits.organisation).optional,
            "host": JSONSchema.string(description: "A staff member's name, diacritics optional").optional,
            "host_id": JSONSchema.uuid.optional, "purpose": .text(max: GateLimits.purpose).optional,
            "vehicle_plate": .text(max: GateLimits.plate).optional, "items": .text(max: GateLimits.items).optional,
            "badge": .text(max: GateLimits.badge).optional,
            "expected_minutes": JSONSchema.integer(
                maximum: (GateLimits.minutes.upperBound, exclusive: false),
                minimum: (GateLimits.minutes.lowerBound, exclusive: false)
            ).optional,
            "card_code": JSONSchema.string(description: "The text of a chip ID card's QR code: fills what is left out")
                .optional,
        ])
    }
}

extension WatchEntryRequest: APISchema {
    static let schemaName = "WatchEntryInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": JSONSchema.uuid.optional, "document_number": .text(max: 20).optional,
            "full_name": .text(max: GateLimits.name).optional,
            "birth_date": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "reason": .text(max: GateLimits.reason, min: 1),
        ])
    }
}

extension WatchEntryDTO: APISchema {
    static let schemaName = "WatchEntry"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": JSONSchema.uuid.optional, "area_path": .string,
            "document_number": .string.optional, "full_name": .string.optional,
            "birth_date": JSONSchema.string(format: .date).optional, "reason": .string, "created_at": .timestamp,
            "created_by": .string,
        ])
    }
}

extension WatchListDTO: APISchema {
    static let schemaName = "WatchList"
    static var schema: JSONSchema { .record(["entries": [WatchEntryDTO].schema]) }
    static var components: [any APISchema.Type] { [WatchEntryDTO.self] }
}
