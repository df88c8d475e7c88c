import Fluent
import Foundation

/// A staff member's request to swap a published seat with a colleague's seat, or give it to a colleague;
/// the unit's security officer approves or rejects it. `@unchecked Sendable`: Fluent model.
final class RosterSwap: Model, @unchecked Sendable {
    static let schema = "roster_swaps"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "roster_id") var rosterID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// The requester's seat.
    @Field(key: "seat_id") var seatID: UUID
    @Field(key: "from_staff_id") var fromStaffID: UUID
    /// The colleague who takes the seat.
    @Field(key: "to_staff_id") var toStaffID: UUID
    /// The colleague's seat the requester takes in return; none when the seat is given away.
    @OptionalField(key: "other_seat_id") var otherSeatID: UUID?
    @Field(key: "note") var note: String
    /// pending, approved or rejected.
    @Field(key: "status") var status: String
    @Field(key: "requested_by") var requestedBy: UUID
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}

    var auditSnapshot: [String: String] {
        [
            "roster_id": rosterID.uuidString, "seat_id": seatID.uuidString, "from_staff_id": fromStaffID.uuidString,
            "to_staff_id": toStaffID.uuidString, "other_seat_id": otherSeatID?.uuidString ?? "", "note": note,
            "status": status,
        ]
    }
}

/// The secret address of one person's shift calendar; only its SHA-256 is kept, so a new one replaces it.
/// `@unchecked Sendable`: Fluent model.
final class ShiftFeed: Model, @unchecked Sendable {
    static let schema = "shift_feeds"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "token_hash") var tokenHash: String

    init() {}
}
