import AnToanCore
import Foundation
import Vapor

/// A visit as the API gives it. A held visitor is `held` with the instruction to hold and call the security
/// officer; the watchlist's reason never leaves through the API.
struct VisitDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var fullName: String
    var documentType: String
    var documentNumber: String
    var birthDate: String?
    var organisation: String?
    var hostName: String?
    var purpose: String?
    var vehiclePlate: String?
    var items: String?
    var badge: String?
    var expectedMinutes: Int
    var checkedInAt: Date
    var checkedOutAt: Date?
    var inside: Bool
    var overstaying: Bool
    var held: Bool
    var instruction: String?
    var purged: Bool

    init(_ visit: Visit, unitName: String, now: Date, lang: Language) {
        id = visit.id ?? .placeholder
        unitId = visit.unitID
        self.unitName = unitName
        fullName = visit.fullName
        documentType = visit.documentType
        documentNumber = visit.documentNumber
        birthDate = visit.birthDate
        organisation = given(visit.organisation)
        hostName = given(visit.hostName)
        purpose = given(visit.purpose)
        vehiclePlate = given(visit.vehiclePlate)
        items = given(visit.items)
        badge = given(visit.badge)
        expectedMinutes = visit.expectedMinutes
        checkedInAt = visit.checkedInAt
        checkedOutAt = visit.checkedOutAt
        inside = visit.isInside
        overstaying = visit.overstays(at: now)
        held = visit.held && visit.isInside
        instruction = held ? GateWords.holdAndCall(lang) : nil
        purged = visit.purgedAt != nil
    }
}

/// Who is inside now: the count and the visitors, the earliest first.
struct InsideListDTO: Content {
    var at: Date
    var count: Int
    var overstaying: Int
    var visitors: [VisitDTO]
}

/// What the gate's events carry: which visit of which unit, never who.
struct GateVisitEventDTO: Content {
    var visitId: UUID
    var unitId: UUID
    var inside: Bool
}

/// A check-in over the API.
struct VisitCheckInRequest: APIInput {
    static let fields: Set<String> = [
        "unit_id", "full_name", "document_type", "document_number", "birth_date", "organisation", "host", "host_id",
        "purpose", "vehicle_plate", "items", "badge", "expected_minutes", "card_code",
    ]
    var unitId: UUID
    var fullName: String?
    var documentType: String?
    var documentNumber: String?
    var birthDate: String?
    var organisation: String?
    var host: String?
    var hostId: UUID?
    var purpose: String?
    var vehiclePlate: String?
    var items: String?
    var badge: String?
    var expectedMinutes: Int?
    var cardCode: String?

    func problems() -> [FieldError] { [] }

    var input: VisitorInput {
        VisitorInput(
            unitID: unitId,
            fullName: fullName,
            documentType: documentType,
            documentNumber: documentNumber,
            birthDate: birthDate,
            organisation: organisation,
            host: host,
            hostID: hostId,
            purpose: purpose,
            vehiclePlate: vehiclePlate,
            items: items,
            badge: badge,
            expectedMinutes: expectedMinutes,
            cardCode: cardCode
        )
    }
}

/// A watchlist entry over the API.
struct WatchEntryRequest: APIInput {
    static let fields: Set<String> = ["unit_id", "document_number", "full_name", "birth_date", "reason"]
    var unitId: UUID?
    var documentNumber: String?
    var fullName: String?
    var birthDate: String?
    var reason: String?

    func problems() -> [FieldError] { [] }

    var input: WatchInput {
        WatchInput(
            unitID: unitId,
            documentNumber: documentNumber,
            fullName: fullName,
            birthDate: birthDate,
            reason: reason
        )
    }
}

/// A watchlist entry as its keepers see it.
struct WatchEntryDTO: Content {
    var id: UUID
    var unitId: UUID?
    var areaPath: String
    var documentNumber: String?
    var fullName: String?
    var birthDate: String?
    var reason: String
    var createdAt: Date
    var createdBy: String

    init(_ entry: WatchEntry) {
        id = entry.id ?? .placeholder
        unitId = entry.unitID
        areaPath = entry.areaPath
        documentNumber = entry.documentNumber
        fullName = given(entry.fullName)
        birthDate = entry.birthDate
        reason = entry.reason
        createdAt = entry.createdAt
        createdBy = entry.createdByName
    }
}

struct WatchListDTO: Content {
    var entries: [WatchEntryDTO]
}

/// nil for "": an API response leaves out a field without a value.
private func given(_ text: String) -> String? { text.isEmpty ? nil : text }
