import AnToanCore
import Fluent
import Foundation

/// A visitor's stay at a unit (sổ khách): who, with which paper, to see whom and why, the badge given, when in and
/// out. The card is never kept (Luật Căn cước 2023 Điều 7): only its number is. Past the unit's retention the
/// personal fields are erased and `purged_at` set; the row stays, for counts. `@unchecked Sendable`: Fluent model.
final class Visit: Model, @unchecked Sendable {
    static let schema = "gate_visits"

    @ID(key: .id) var id: UUID?

    @Field(key: "unit_id") var unitID: UUID
    /// The unit's area path, so that an authority's scope selects by prefix with no join.
    @Field(key: "area_path") var areaPath: String

    // personal data, erased by the purge
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "document_type") var documentType: String
    @Field(key: "document_number") var documentNumber: String
    /// yyyy-MM-dd, when the card's code gave it or the receptionist typed it.
    @OptionalField(key: "birth_date") var birthDate: String?
    @Field(key: "organisation") var organisation: String
    @Field(key: "vehicle_plate") var vehiclePlate: String
    @Field(key: "items") var items: String

    // the visit
    @OptionalField(key: "host_staff_id") var hostStaffID: UUID?
    /// The host's name as it was then ("" without a host).
    @Field(key: "host_name") var hostName: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "badge") var badge: String
    @Field(key: "expected_minutes") var expectedMinutes: Int
    @Field(key: "checked_in_at") var checkedInAt: Date
    @Field(key: "checked_in_by_name") var checkedInByName: String
    @OptionalField(key: "checked_out_at") var checkedOutAt: Date?
    @OptionalField(key: "checked_out_by_name") var checkedOutByName: String?
    @OptionalField(key: "invitation_id") var invitationID: UUID?

    // a watchlist match: held at the gate until an officer lets the visitor in or out
    @OptionalField(key: "watch_entry_id") var watchEntryID: UUID?
    @Field(key: "held") var held: Bool
    @OptionalField(key: "hold_cleared_by_name") var holdClearedByName: String?

    @OptionalField(key: "purged_at") var purgedAt: Date?

    init() {}
}

extension Visit {
    var documentTypeValue: DocumentType { DocumentType(rawValue: documentType) ?? .other }

    var isInside: Bool { checkedOutAt == nil }

    /// Past the expected duration and still inside.
    func overstays(at now: Date) -> Bool {
        isInside && now > checkedInAt.addingTimeInterval(TimeInterval(expectedMinutes * 60))
    }

    /// What the audit trail keeps: the visit's facts, not the visitor's identity (the trail outlives the purge).
    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID.uuidString, "document_type": documentType, "host_name": hostName, "badge": badge,
            "expected_minutes": String(expectedMinutes), "checked_in_at": checkedInAt.ISO8601Format(),
            "checked_out_at": checkedOutAt?.ISO8601Format() ?? "", "held": held ? "true" : "false",
        ]
    }

    static let personalFields = [
        "full_name", "name_folded", "document_number", "birth_date", "organisation", "vehicle_plate", "items",
        "purpose",
    ]
}
