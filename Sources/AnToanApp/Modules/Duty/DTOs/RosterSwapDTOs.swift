import AnToanCore
import Foundation
import Vapor

/// A swap request as the API shows it.
struct RosterSwapDTO: Content {
    var id: UUID
    var rosterId: UUID
    var seatId: UUID
    var fromStaffId: UUID
    var toStaffId: UUID
    var otherSeatId: UUID?
    var note: String
    var status: String
    var createdAt: Date?
    var decidedAt: Date?

    init(_ swap: RosterSwap) throws {
        id = try swap.requireID()
        rosterId = swap.rosterID
        seatId = swap.seatID
        fromStaffId = swap.fromStaffID
        toStaffId = swap.toStaffID
        otherSeatId = swap.otherSeatID
        note = swap.note
        status = swap.status
        createdAt = swap.createdAt
        decidedAt = swap.decidedAt
    }
}

/// Who stands a seat from now on.
struct SeatEditInput: APIInput {
    static let fields: Set<String> = ["staff_id"]
    var staffId: UUID?

    func problems() -> [FieldError] {
        staffId == nil ? [FieldError(field: "staff_id", reason: .required)] : []
    }
}

/// A swap request: the colleague who takes the seat, and the colleague's seat taken in return (none to give
/// the seat away).
struct SwapInput: APIInput {
    static let fields: Set<String> = ["to_staff_id", "other_seat_id", "note"]
    var toStaffId: UUID?
    var otherSeatId: UUID?
    var note: String?

    func problems() -> [FieldError] {
        toStaffId == nil ? [FieldError(field: "to_staff_id", reason: .required)] : []
    }
}
