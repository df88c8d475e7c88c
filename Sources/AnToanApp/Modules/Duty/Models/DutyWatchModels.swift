import AnToanCore
import Fluent
import Foundation

/// A check-in on a published roster seat, and the check-out when the shift is done.
/// `@unchecked Sendable`: Fluent model.
final class DutyCheckIn: Model, @unchecked Sendable {
    static let schema = "duty_checkins"

    @ID(key: .id) var id: UUID?
    @Field(key: "seat_id") var seatID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "checked_in_at") var checkedInAt: Date
    /// on_time or late (`AttendanceRule.Status`).
    @Field(key: "status") var status: String
    @OptionalField(key: "checked_out_at") var checkedOutAt: Date?

    init() {}
}

/// An entry of a post's duty log book. Entries are never edited: a correction or a closing entry is a new
/// entry that points at the old one. `@unchecked Sendable`: Fluent model.
final class DutyLogEntry: Model, @unchecked Sendable {
    static let schema = "duty_log_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "post") var post: String
    /// The author's seat: its shift is the shift the entry belongs to.
    @Field(key: "seat_id") var seatID: UUID
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "written_at") var writtenAt: Date
    /// note, open, close or correction (`DutyLog.Kind`).
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @OptionalField(key: "refers_to") var refersTo: UUID?

    init() {}

    var logEntry: DutyLog.Entry {
        DutyLog.Entry(
            id: id?.uuidString ?? "",
            kind: DutyLog.Kind(rawValue: kind) ?? .note,
            refersTo: refersTo?.uuidString
        )
    }
}

/// The handover (giao ca) of a post from one shift to the next: written by someone of the outgoing shift,
/// confirmed by someone of the incoming one, with the open items carried over. `@unchecked Sendable`.
final class DutyHandover: Model, @unchecked Sendable {
    static let schema = "duty_handovers"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "post") var post: String
    @Field(key: "outgoing_date") var outgoingDate: String
    @Field(key: "outgoing_shift") var outgoingShift: String
    @Field(key: "incoming_date") var incomingDate: String
    @Field(key: "incoming_shift") var incomingShift: String
    @Field(key: "incoming_starts_at") var incomingStartsAt: Date
    @Field(key: "handed_by") var handedBy: UUID
    @Field(key: "handed_at") var handedAt: Date
    @Field(key: "notes") var notes: String
    /// The ids of the open items handed over, as a JSON array.
    @Field(key: "open_items") var openItems: String
    @OptionalField(key: "received_by") var receivedBy: UUID?
    @OptionalField(key: "received_at") var receivedAt: Date?

    init() {}

    var openItemIDs: [UUID] {
        ((try? JSONDecoder().decode([UUID].self, from: Data(openItems.utf8))) ?? [])
    }
}
