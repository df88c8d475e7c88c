import AnToanCore
import OpenAPIKit

extension TipInput: APISchema {
    static let schemaName = "TipInput"
    static var schema: JSONSchema {
        .record([
            "what": .text(max: TipService.maxWhat, min: 1), "place": .text(max: TipService.maxPlace, min: 1),
            "happened": .text(max: TipService.maxHappened).optional, "unit_id": .uuid.optional,
            "area_id": .uuid.optional, "anonymous": .boolean.optional,
            "contact_name": .text(max: TipService.maxContactName).optional, "contact_phone": .text(max: 30).optional,
        ])
    }
}

extension TipCodeInput: APISchema {
    static let schemaName = "TipCodeInput"
    static var schema: JSONSchema { .record(["code": .text(max: 64, min: 1)]) }
}

extension TipAnswerInput: APISchema {
    static let schemaName = "TipAnswerInput"
    static var schema: JSONSchema {
        .record(["code": .text(max: 64, min: 1), "text": .text(max: TipService.maxAnswer, min: 1)])
    }
}

extension TipDecisionInput: APISchema {
    static let schemaName = "TipDecisionInput"
    static var schema: JSONSchema {
        .record([
            "decision": .choice(TipDecision.self), "text": .text(max: TipService.maxQuestion).optional,
            "kind": .choice(IncidentKind.self).optional, "severity": .choice(IncidentSeverity.self).optional,
            "unit_id": .uuid.optional,
        ])
    }
}

extension TipReceiptDTO: APISchema {
    static let schemaName = "TipReceipt"
    static var schema: JSONSchema {
        .record(["code": .string, "status": .choice(TipStatus.self), "received_at": .timestamp])
    }
}

extension TipMessageDTO: APISchema {
    static let schemaName = "TipMessage"
    static var schema: JSONSchema {
        .record(["kind": .string(allowedValues: "question", "answer"), "text": .string, "written_at": .timestamp])
    }
}

extension TipFollowDTO: APISchema {
    static let schemaName = "TipFollow"
    static var schema: JSONSchema {
        .record([
            "status": .choice(TipStatus.self), "status_text": .string, "received_at": .timestamp, "what": .string,
            "messages": [TipMessageDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [TipMessageDTO.self] }
}

extension TipDTO: APISchema {
    static let schemaName = "Tip"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "status": .choice(TipStatus.self), "unit_id": .uuid.optional, "unit_name": .string.optional,
            "area_path": .string, "what": .string, "place": .string, "happened": .string.optional,
            "anonymous": .boolean, "contact_name": .string.optional, "contact_phone": .string.optional,
            "received_at": .timestamp, "reason": .string.optional, "incident_id": .uuid.optional,
            "note_id": .uuid.optional, "messages": [TipMessageDTO].schema, "photos": .list(.uuid),
        ])
    }
    static var components: [any APISchema.Type] { [TipMessageDTO.self] }
}

extension TipListDTO: APISchema {
    static let schemaName = "TipList"
    static var schema: JSONSchema { .record(["tips": [TipDTO].schema]) }
    static var components: [any APISchema.Type] { [TipDTO.self] }
}

extension SituationNoteInput: APISchema {
    static let schemaName = "SituationNoteInput"
    static var schema: JSONSchema {
        .record([
            "text": .text(max: SituationNotes.maxText, min: 1), "place": .text(max: SituationNotes.maxPlace).optional,
            "unit_id": .uuid.optional,
        ])
    }
}

extension NoteIncidentInput: APISchema {
    static let schemaName = "NoteIncidentInput"
    static var schema: JSONSchema {
        .record(["kind": .choice(IncidentKind.self), "severity": .choice(IncidentSeverity.self)])
    }
}

extension SituationNoteDTO: APISchema {
    static let schemaName = "SituationNote"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid.optional, "unit_name": .string.optional, "area_path": .string,
            "text": .string, "place": .string, "author": .string, "written_at": .timestamp, "tip_id": .uuid.optional,
            "incident_id": .uuid.optional,
        ])
    }
}

extension SituationNoteListDTO: APISchema {
    static let schemaName = "SituationNoteList"
    static var schema: JSONSchema { .record(["notes": [SituationNoteDTO].schema]) }
    static var components: [any APISchema.Type] { [SituationNoteDTO.self] }
}
