import AnToanCore
import OpenAPIKit

extension UpkeepDueDTO: APISchema {
    static let schemaName = "UpkeepDue"
    static var schema: JSONSchema {
        .record([
            "item_id": .uuid, "item_name": .string, "kind": .choice(EquipmentKind.self), "kind_text": .string,
            "place": .string, "upkeep": .choice(UpkeepKind.self), "upkeep_text": .string, "due_on": .day,
            "last_done_on": JSONSchema.day.optional, "overdue": .boolean,
        ])
    }
}

extension UpkeepDueListDTO: APISchema {
    static let schemaName = "UpkeepDueList"
    static var schema: JSONSchema {
        .record([
            "unit_id": .uuid, "unit_name": .string, "window": .choice(UpkeepQueries.Window.self),
            "page": .integer(minimum: (1, exclusive: false)), "has_more": .boolean,
            "count": .integer(minimum: (0, exclusive: false)), "dues": [UpkeepDueDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [UpkeepDueDTO.self] }
}

extension UpkeepScheduleDTO: APISchema {
    static let schemaName = "UpkeepSchedule"
    static var schema: JSONSchema {
        .record([
            "kind": .choice(EquipmentKind.self), "kind_text": .string, "upkeep": .choice(UpkeepKind.self),
            "upkeep_text": .string, "default_days": .integer, "legal_maximum_days": JSONSchema.integer.optional,
            "unit_days": JSONSchema.integer.optional, "days": .integer,
        ])
    }
}

extension UpkeepScheduleListDTO: APISchema {
    static let schemaName = "UpkeepScheduleList"
    static var schema: JSONSchema { .record(["schedules": [UpkeepScheduleDTO].schema]) }
    static var components: [any APISchema.Type] { [UpkeepScheduleDTO.self] }
}

extension UpkeepScheduleRequest: APISchema {
    static let schemaName = "UpkeepScheduleInput"
    static var schema: JSONSchema {
        .record([
            "kind": JSONSchema.choice(EquipmentKind.self).optional,
            "upkeep": JSONSchema.choice(UpkeepKind.self).optional,
            "interval_days": JSONSchema.integer(
                description: "Days; shorter than the default always, longer only where the law sets no maximum"
            )
            .optional,
        ])
    }
}

extension CorrectiveActionDTO: APISchema {
    static let schemaName = "CorrectiveAction"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "item_id": .uuid, "check_id": .uuid, "text": .string, "owner": .string,
            "owner_staff_id": JSONSchema.uuid.optional, "deadline": .day,
            "status": .choice(CorrectiveAction.Status.self), "status_text": .string, "overdue": .boolean,
            "done_at": JSONSchema.timestamp.optional, "done_note": .string.optional, "done_by": .string.optional,
        ])
    }
}

extension CorrectiveActionListDTO: APISchema {
    static let schemaName = "CorrectiveActionList"
    static var schema: JSONSchema {
        .record([
            "count": .integer(minimum: (0, exclusive: false)), "actions": [CorrectiveActionDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [CorrectiveActionDTO.self] }
}

extension ActionDoneRequest: APISchema {
    static let schemaName = "CorrectiveActionDoneInput"
    static var schema: JSONSchema {
        .record(["done_note": .text(max: CorrectiveActions.doneNoteMax).optional])
    }
}

extension EquipmentCheckRequest: APISchema {
    static let schemaName = "EquipmentCheckInput"
    static var schema: JSONSchema {
        .record([
            "upkeep": JSONSchema.string(description: "check (default), maintenance or hydrostatic_test").optional,
            "failed": JSONSchema.list(.string).optional,
            "note": .text(max: CheckLimits.note).optional,
            "owner_staff_id": JSONSchema.uuid.optional,
            "deadline": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd; 7 days on when left out").optional,
        ])
    }
}

extension EquipmentCheckDTO: APISchema {
    static let schemaName = "EquipmentCheck"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "item_id": .uuid, "upkeep": .choice(UpkeepKind.self), "upkeep_text": .string,
            "done_on": .day, "passed": .boolean, "failed": .list(.string), "note": .string, "checked_by": .string,
            "checked_at": .timestamp, "has_photo": .boolean,
            "corrective_action": JSONSchema.component(CorrectiveActionDTO.self).optional,
        ])
    }
    static var components: [any APISchema.Type] { [CorrectiveActionDTO.self] }
}

extension ItemUpkeepDTO: APISchema {
    static let schemaName = "ItemUpkeep"
    static var schema: JSONSchema {
        .record([
            "item_id": .uuid,
            "dues": .list(
                .record([
                    "upkeep": .choice(UpkeepKind.self), "upkeep_text": .string, "due_on": .day,
                    "last_done_on": JSONSchema.day.optional, "overdue": .boolean,
                ])
            ),
            "checks": [EquipmentCheckDTO].schema, "actions": [CorrectiveActionDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [EquipmentCheckDTO.self, CorrectiveActionDTO.self] }
}

extension UpkeepOversightDTO: APISchema {
    static let schemaName = "UpkeepOversight"
    static var schema: JSONSchema {
        .record([
            "page": .integer(minimum: (1, exclusive: false)), "has_more": .boolean,
            "units_with_problems": .integer(minimum: (0, exclusive: false)),
            "units": .list(
                .record([
                    "unit_id": .uuid, "unit_name": .string, "overdue_checks": .integer,
                    "overdue_maintenance": .integer, "expired_permits": .integer, "overdue_actions": .integer,
                    "open_actions": .integer, "lost": .integer, "counted_on": JSONSchema.day.optional,
                ])
            ),
            "out_too_long": .list(
                .record([
                    "unit_id": .uuid, "unit_name": .string, "items": .integer(minimum: (1, exclusive: false)),
                ])
            ),
        ])
    }
}
