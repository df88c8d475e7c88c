import AnToanCore
import Foundation
import Vapor

/// The payload of an `equipment.custody` event: which issue, of which item and unit, in which status.
struct CustodyEventDTO: Codable, Sendable {
    var custodyId: UUID
    var itemId: UUID
    var unitId: UUID
    var status: String
}

/// One line of a handover count on the wire.
struct CountLineInput: Decodable, Sendable {
    var itemId: UUID
    /// A numbered item: there or not; a counted stock: `quantity` says how many.
    var present: Bool?
    var quantity: Int?

    var line: EquipmentCount.Line { EquipmentCount.Line(itemID: itemId, present: present ?? true, quantity: quantity) }
}

/// The incoming officer's count when confirming a handover.
struct HandoverCountInput: APIInput {
    static let fields: Set<String> = ["counts"]
    var counts: [CountLineInput]?

    func problems() -> [FieldError] { [] }
}

/// An issue as the API gives it.
struct CustodyDTO: Content {
    var id: UUID
    var itemId: UUID
    var itemName: String
    var kind: String
    var serial: String?
    var unitId: UUID
    var staffId: UUID
    var holderName: String
    var quantity: Int
    var reason: String
    var expectedReturnAt: Date
    var status: String
    /// The status in words, in the caller's language.
    var statusText: String
    var overdue: Bool
    var requestedBy: String
    var requestedAt: Date
    var decidedBy: String?
    var decidedAt: Date?
    var refusalReason: String?
    var handedBy: String?
    var handedAt: Date?
    var receivedAt: Date?
    var returnedAt: Date?
    var returnCondition: String?
    var returnNote: String?
    var returnedTo: String?

    init(_ custody: EquipmentCustody, item: EquipmentItem?, now: Date, lang: Language) {
        id = custody.id ?? .placeholder
        itemId = custody.itemID
        itemName = item?.displayName ?? ""
        kind = item?.kind ?? ""
        serial = item?.serial
        unitId = custody.unitID
        staffId = custody.staffID
        holderName = custody.holderName
        quantity = custody.quantity
        reason = custody.reason
        expectedReturnAt = custody.expectedReturnAt
        status = custody.status
        statusText = lang(custody.statusValue.nameVi, custody.statusValue.nameEn)
        overdue = custody.isOverdue(at: now)
        requestedBy = custody.requestedByName
        requestedAt = custody.requestedAt
        decidedBy = custody.decidedByName
        decidedAt = custody.decidedAt
        refusalReason = custody.refusalReason
        handedBy = custody.handedByName
        handedAt = custody.handedAt
        receivedAt = custody.receivedAt
        returnedAt = custody.returnedAt
        returnCondition = custody.returnCondition
        returnNote = custody.returnNote.flatMap { $0.isEmpty ? nil : $0 }
        returnedTo = custody.returnedToName
    }
}

struct CustodyListDTO: Content {
    var count: Int
    var overdue: Int
    var custodies: [CustodyDTO]
}

/// An issue requested over the API.
struct CustodyRequest: APIInput {
    static let fields: Set<String> = ["item_id", "staff_id", "quantity", "reason", "expected_return_at"]
    var itemId: UUID?
    var staffId: UUID?
    var quantity: Int?
    var reason: String?
    var expectedReturnAt: String?

    func problems() -> [FieldError] { [] }

    var input: CustodyInput {
        CustodyInput(
            itemID: itemId,
            staffID: staffId,
            quantity: quantity,
            reason: reason,
            expectedReturnAt: expectedReturnAt
        )
    }
}

struct CustodyRefusalRequest: APIInput {
    static let fields: Set<String> = ["refusal_reason"]
    var refusalReason: String?

    func problems() -> [FieldError] { [] }
}

struct CustodyReturnRequest: APIInput {
    static let fields: Set<String> = ["condition", "note"]
    var condition: String?
    var note: String?

    func problems() -> [FieldError] { [] }
}

/// A training certificate as the API gives it.
struct CertificateDTO: Content {
    var id: UUID
    var staffId: UUID
    var staffName: String
    var unitId: UUID
    var category: String
    var kind: String?
    var number: String
    var issuer: String
    var issuedOn: String
    var validUntil: String?

    init(_ certificate: EquipmentCertificate, staffName: String) {
        id = certificate.id ?? .placeholder
        staffId = certificate.staffID
        self.staffName = staffName
        unitId = certificate.unitID
        category = certificate.category
        kind = certificate.kind
        number = certificate.number
        issuer = certificate.issuer
        issuedOn = certificate.issuedOn
        validUntil = certificate.validUntil
    }
}

struct CertificateListDTO: Content {
    var count: Int
    var certificates: [CertificateDTO]
}

struct CertificateRequest: APIInput {
    static let fields: Set<String> = ["staff_id", "category", "kind", "number", "issuer", "issued_on", "valid_until"]
    var staffId: UUID?
    var category: String?
    var kind: String?
    var number: String?
    var issuer: String?
    var issuedOn: String?
    var validUntil: String?

    func problems() -> [FieldError] { [] }

    var input: CertificateInput {
        CertificateInput(
            staffID: staffId,
            category: category,
            kind: kind,
            number: number,
            issuer: issuer,
            issuedOn: issuedOn,
            validUntil: validUntil
        )
    }
}

/// A loss report and its duties as the API gives it.
struct LossReportDTO: Content {
    var id: UUID
    var unitId: UUID
    var itemId: UUID
    var itemName: String
    var missing: Int
    var incidentId: UUID?
    var foundAt: Date
    var foundBy: String
    var headToldAt: Date?
    var headToldBy: String?
    var policeReportNumber: String?
    var policeReportOn: String?
    var closedAt: Date?

    init(_ report: EquipmentLossReport) {
        id = report.id ?? .placeholder
        unitId = report.unitID
        itemId = report.itemID
        itemName = report.itemName
        missing = report.missing
        incidentId = report.incidentID
        foundAt = report.foundAt
        foundBy = report.foundByName
        headToldAt = report.headToldAt
        headToldBy = report.headToldBy
        policeReportNumber = report.policeReportNumber
        policeReportOn = report.policeReportOn
        closedAt = report.closedAt
    }
}

struct LossReportListDTO: Content {
    var count: Int
    var reports: [LossReportDTO]
}

/// The written report to the police: its number and date.
struct PoliceReportRequest: APIInput {
    static let fields: Set<String> = ["number", "date"]
    var number: String?
    var date: String?

    func problems() -> [FieldError] { [] }
}
