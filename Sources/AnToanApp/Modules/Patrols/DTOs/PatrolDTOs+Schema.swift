import AnToanCore
import OpenAPIKit

extension PatrolRouteAPIInput: APISchema {
    static let schemaName = "PatrolRouteInput"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid.optional, "name": .text(max: PatrolLimits.name, min: 1),
            "order": .choice(CheckpointOrder.self),
            "minimum_gap_minutes": .integer(
                maximum: (PatrolLimits.longestGapMinutes, exclusive: false),
                minimum: (0, exclusive: false)
            ).optional,
            "fastest_speed": .number(maximum: (40, exclusive: false), minimum: (0.5, exclusive: false)).optional,
            "schedule_kind": .choice(PatrolSchedule.Kind.self),
            "start": .string(description: "HH:mm, Vietnam time", maxLength: 5),
            "end": .string(description: "HH:mm; before the start: the next day", maxLength: 5),
            "every_minutes": .integer.optional, "rounds": .integer.optional, "window_minutes": .integer.optional,
            "active": .boolean.optional,
        ])
    }
}

extension PatrolCheckpointAPIInput: APISchema {
    static let schemaName = "PatrolCheckpointInput"
    static var schema: JSONSchema {
        .record([
            "name": .text(max: PatrolLimits.name, min: 1), "site_id": .uuid.optional,
            "instructions": .text(max: PatrolLimits.instructions).optional,
            "latitude": .number(maximum: (90, exclusive: false), minimum: (-90, exclusive: false)).optional,
            "longitude": .number(maximum: (180, exclusive: false), minimum: (-180, exclusive: false)).optional,
            "radius": .number(maximum: (2_000, exclusive: false), minimum: (5, exclusive: false)).optional,
        ])
    }
}

extension PatrolCheckpointDTO: APISchema {
    static let schemaName = "PatrolCheckpoint"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "name": .string, "position": .integer, "site_id": .uuid.optional, "instructions": .string,
            "latitude": .number.optional, "longitude": .number.optional, "radius": .number, "nfc": .boolean,
            "link": .string,
        ])
    }
}

extension PatrolRouteDTO: APISchema {
    static let schemaName = "PatrolRoute"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "name": .string, "order": .choice(CheckpointOrder.self),
            "minimum_gap_minutes": .integer, "fastest_speed": .number,
            "schedule_kind": .choice(PatrolSchedule.Kind.self),
            "start": .string, "end": .string, "every_minutes": .integer.optional, "rounds": .integer.optional,
            "window_minutes": .integer.optional, "active": .boolean, "checkpoints": [PatrolCheckpointDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [PatrolCheckpointDTO.self] }
}

extension PatrolRouteListDTO: APISchema {
    static let schemaName = "PatrolRouteList"
    static var schema: JSONSchema { .record(["routes": [PatrolRouteDTO].schema]) }
    static var components: [any APISchema.Type] { [PatrolRouteDTO.self] }
}

extension PatrolRoundCheckpointDTO: APISchema {
    static let schemaName = "PatrolRoundCheckpoint"
    static var schema: JSONSchema {
        .record([
            "checkpoint_id": .uuid, "name": .string,
            "state": .string(allowedValues: "on_time", "late", "missing", "pending"), "scanned_at": .timestamp.optional,
        ])
    }
}

extension PatrolRoundDTO: APISchema {
    static let schemaName = "PatrolRound"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "route_id": .uuid, "route_name": .string, "unit_id": .uuid, "day": .day,
            "starts_at": .timestamp, "ends_at": .timestamp, "status": .choice(PatrolRound.Status.self),
            "done": .integer, "late": .integer, "missed": .integer,
            "checkpoints": [PatrolRoundCheckpointDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [PatrolRoundCheckpointDTO.self] }
}

extension PatrolRoundListDTO: APISchema {
    static let schemaName = "PatrolRoundList"
    static var schema: JSONSchema { .record(["rounds": [PatrolRoundDTO].schema]) }
    static var components: [any APISchema.Type] { [PatrolRoundDTO.self] }
}

extension PatrolScanBatchInput: APISchema {
    static let schemaName = "PatrolScanBatch"
    static var schema: JSONSchema {
        .record([
            "device": .text(max: 32, min: 1), "sent_at": .timestamp,
            "scans": .list(offlineScan, max: PatrolScanService.batchLimit),
        ])
    }

    /// One scan of the batch (`PatrolOfflineScan`).
    static var offlineScan: JSONSchema {
        .record([
            "token": .text(max: 300, min: 1), "sequence": .integer(minimum: (0, exclusive: false)),
            "scanned_at": .timestamp, "latitude": .number.optional, "longitude": .number.optional,
            "picc_data": .string(maxLength: 32).optional, "cmac": .string(maxLength: 16).optional,
        ])
    }
}

extension PatrolBatchResultDTO: APISchema {
    static let schemaName = "PatrolBatchResult"
    static var schema: JSONSchema {
        .record([
            "sequence": .integer, "status": .string(allowedValues: "accepted", "refused", "duplicate"),
            "reason": .string.optional, "checkpoint_name": .string.optional,
            "flags": .list(.choice(PatrolScanFlag.self)),
        ])
    }
}

extension PatrolBatchDTO: APISchema {
    static let schemaName = "PatrolBatch"
    static var schema: JSONSchema { .record(["results": [PatrolBatchResultDTO].schema]) }
    static var components: [any APISchema.Type] { [PatrolBatchResultDTO.self] }
}
