import AnToanCore
import OpenAPIKit

extension CheckInDTO: APISchema {
    static let schemaName = "CheckIn"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "seat_id": .uuid, "status": .string, "checked_in_at": .timestamp,
            "checked_out_at": .timestamp.optional,
        ])
    }
}

extension LogEntryInput: APISchema {
    static let schemaName = "LogEntryInput"
    static var schema: JSONSchema {
        .record([
            "kind": .choice(DutyLog.Kind.self).optional, "text": .text(max: DutyWatch.maxText, min: 1),
            "refers_to": .uuid.optional,
        ])
    }
}

extension LogEntryDTO: APISchema {
    static let schemaName = "LogEntry"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "post": .string, "kind": .choice(DutyLog.Kind.self), "text": .string, "author": .string,
            "written_at": .timestamp, "refers_to": .uuid.optional, "corrected_by": .uuid.optional,
        ])
    }
}

extension CheckOutInput: APISchema {
    static let schemaName = "CheckOutInput"
    static var schema: JSONSchema { .record(["reason": .text(max: DutyWatch.maxText, min: 1).optional]) }
}

extension HandoverInput: APISchema {
    static let schemaName = "HandoverInput"
    static var schema: JSONSchema {
        .record(["notes": .text(max: DutyWatch.maxText, min: 1), "counts": CountLineInput.listSchema.optional])
    }
}

extension HandoverDTO: APISchema {
    static let schemaName = "Handover"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "post": .string, "from": .string, "to": .string, "notes": .string, "handed_by": .string,
            "handed_at": .timestamp, "received_by": .string.optional, "received_at": .timestamp.optional,
            "open_items": .list(.uuid),
        ])
    }
}

extension LogBookDTO: APISchema {
    static let schemaName = "LogBook"
    static var schema: JSONSchema {
        .record(["entries": [LogEntryDTO].schema, "handovers": [HandoverDTO].schema])
    }
    static var components: [any APISchema.Type] { [LogEntryDTO.self, HandoverDTO.self] }
}

extension RosterSwapDTO: APISchema {
    static let schemaName = "RosterSwap"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "roster_id": .uuid, "seat_id": .uuid, "from_staff_id": .uuid, "to_staff_id": .uuid,
            "other_seat_id": .uuid.optional, "note": .string,
            "status": .string(allowedValues: "pending", "approved", "rejected"), "created_at": .timestamp.optional,
            "decided_at": .timestamp.optional,
        ])
    }
}

extension SeatEditInput: APISchema {
    static let schemaName = "SeatEditInput"
    static var schema: JSONSchema { .record(["staff_id": .uuid]) }
}

extension SwapInput: APISchema {
    static let schemaName = "SwapInput"
    static var schema: JSONSchema {
        .record(["to_staff_id": .uuid, "other_seat_id": .uuid.optional, "note": .text(max: 300).optional])
    }
}
