import AnToanCore
import OpenAPIKit

extension CountLineInput {
    static var listSchema: JSONSchema {
        .list(
            .record([
                "item_id": .uuid,
                "present": JSONSchema.boolean(description: "A numbered item: there (true by default)").optional,
                "quantity": JSONSchema.integer(description: "A counted stock: how many were counted").optional,
            ])
        )
    }
}

extension HandoverCountInput: APISchema {
    static let schemaName = "HandoverCountInput"
    static var schema: JSONSchema { .record(["counts": CountLineInput.listSchema.optional]) }
}

extension CustodyDTO: APISchema {
    static let schemaName = "Custody"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "item_id": .uuid, "item_name": .string, "kind": .choice(EquipmentKind.self),
            "serial": .string.optional, "unit_id": .uuid, "staff_id": .uuid, "holder_name": .string,
            "quantity": .integer(minimum: (0, exclusive: false)), "reason": .string,
            "expected_return_at": .timestamp, "status": .choice(EquipmentCustody.Status.self),
            "status_text": .string,
            "overdue": JSONSchema.boolean(description: "Out past its expected return"),
            "requested_by": .string, "requested_at": .timestamp, "decided_by": .string.optional,
            "decided_at": JSONSchema.timestamp.optional, "refusal_reason": .string.optional,
            "handed_by": .string.optional, "handed_at": JSONSchema.timestamp.optional,
            "received_at": JSONSchema.timestamp.optional, "returned_at": JSONSchema.timestamp.optional,
            "return_condition": JSONSchema.choice(EquipmentCustody.Condition.self).optional,
            "return_note": .string.optional, "returned_to": .string.optional,
        ])
    }
}

extension CustodyListDTO: APISchema {
    static let schemaName = "CustodyList"
    static var schema: JSONSchema {
        .record([
            "count": .integer(minimum: (0, exclusive: false)), "overdue": .integer(minimum: (0, exclusive: false)),
            "custodies": [CustodyDTO].schema,
        ])
    }
    static var components: [any APISchema.Type] { [CustodyDTO.self] }
}

extension CustodyRequest: APISchema {
    static let schemaName = "CustodyInput"
    static var schema: JSONSchema {
        .record([
            "item_id": JSONSchema.uuid.optional, "staff_id": JSONSchema.uuid.optional,
            "quantity": JSONSchema.integer(description: "A counted stock: how many (1 by default)").optional,
            "reason": .text(max: CustodyLimits.reason).optional,
            "expected_return_at": JSONSchema.string(description: "ISO 8601, or dd/MM/yyyy HH:mm in Vietnam")
                .optional,
        ])
    }
}

extension CustodyRefusalRequest: APISchema {
    static let schemaName = "CustodyRefusalInput"
    static var schema: JSONSchema { .record(["refusal_reason": .text(max: CustodyLimits.reason).optional]) }
}

extension CustodyReturnRequest: APISchema {
    static let schemaName = "CustodyReturnInput"
    static var schema: JSONSchema {
        .record([
            "condition": JSONSchema.choice(EquipmentCustody.Condition.self).optional,
            "note": .text(max: CustodyLimits.note).optional,
        ])
    }
}

extension CertificateDTO: APISchema {
    static let schemaName = "EquipmentCertificate"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "staff_id": .uuid, "staff_name": .string, "unit_id": .uuid,
            "category": .choice(EquipmentCategory.self), "kind": JSONSchema.choice(EquipmentKind.self).optional,
            "number": .string, "issuer": .string, "issued_on": .day, "valid_until": JSONSchema.day.optional,
        ])
    }
}

extension CertificateListDTO: APISchema {
    static let schemaName = "EquipmentCertificateList"
    static var schema: JSONSchema {
        .record(["count": .integer(minimum: (0, exclusive: false)), "certificates": [CertificateDTO].schema])
    }
    static var components: [any APISchema.Type] { [CertificateDTO.self] }
}

extension CertificateRequest: APISchema {
    static let schemaName = "EquipmentCertificateInput"
    static var schema: JSONSchema {
        .record([
            "staff_id": JSONSchema.uuid.optional, "category": JSONSchema.choice(EquipmentCategory.self).optional,
            "kind": JSONSchema.choice(EquipmentKind.self).optional,
            "number": .text(max: EquipmentLimits.permitNumber).optional,
            "issuer": .text(max: EquipmentLimits.issuer).optional,
            "issued_on": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
            "valid_until": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd; not before issued_on")
                .optional,
        ])
    }
}

extension LossReportDTO: APISchema {
    static let schemaName = "EquipmentLossReport"
    static var schema: JSONSchema {
        .record([
            "id": .uuid, "unit_id": .uuid, "item_id": .uuid, "item_name": .string,
            "missing": .integer(minimum: (0, exclusive: false)), "incident_id": JSONSchema.uuid.optional,
            "found_at": .timestamp, "found_by": .string, "head_told_at": JSONSchema.timestamp.optional,
            "head_told_by": .string.optional, "police_report_number": .string.optional,
            "police_report_on": JSONSchema.day.optional, "closed_at": JSONSchema.timestamp.optional,
        ])
    }
}

extension LossReportListDTO: APISchema {
    static let schemaName = "EquipmentLossReportList"
    static var schema: JSONSchema {
        .record(["count": .integer(minimum: (0, exclusive: false)), "reports": [LossReportDTO].schema])
    }
    static var components: [any APISchema.Type] { [LossReportDTO.self] }
}

extension PoliceReportRequest: APISchema {
    static let schemaName = "EquipmentPoliceReportInput"
    static var schema: JSONSchema {
        .record([
            "number": .text(max: EquipmentLimits.permitNumber).optional,
            "date": JSONSchema.string(description: "dd/MM/yyyy or yyyy-MM-dd").optional,
        ])
    }
}
