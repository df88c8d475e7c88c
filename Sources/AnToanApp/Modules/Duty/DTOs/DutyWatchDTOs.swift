import AnToanCore
import Foundation
import Vapor

struct LogEntryInput: APIInput {
    static let fields: Set<String> = ["kind", "text", "refers_to"]
    var kind: String?
    var text: String?
    var refersTo: UUID?

    func problems() -> [FieldError] {
        guard let kind, DutyLog.Kind(rawValue: kind) == nil else { return [] }
        return [
            FieldError(
                field: "kind",
                reason: .invalid(
                    vi: "chỉ nhận: note, open, close, correction",
                    en: "must be one of: note, open, close, correction"
                )
            )
        ]
    }
}

/// Ending a shift: the reason is required more than an hour before the shift ends. The body may be left out.
struct CheckOutInput: APIInput {
    static let fields: Set<String> = ["reason"]
    var reason: String?

    func problems() -> [FieldError] { [] }
}

struct HandoverInput: APIInput {
    static let fields: Set<String> = ["notes", "counts"]
    var notes: String?
    /// The count of the post's equipment (`HandoverCount`): required when the post has items.
    var counts: [CountLineInput]?

    func problems() -> [FieldError] { [] }
}

struct CheckInDTO: Content {
    var id: UUID
    var seatId: UUID
    var status: String
    var checkedInAt: Date
    var checkedOutAt: Date?

    init(_ checkIn: DutyCheckIn) throws {
        id = try checkIn.requireID()
        seatId = checkIn.seatID
        status = checkIn.status
        checkedInAt = checkIn.checkedInAt
        checkedOutAt = checkIn.checkedOutAt
    }
}

struct LogEntryDTO: Content {
    var id: UUID
    var post: String
    var kind: String
    var text: String
    var author: String
    var writtenAt: Date
    var refersTo: UUID?
    var correctedBy: UUID?

    init(_ line: DutyDesk.Line, post: String) {
        id = line.id
        self.post = post
        kind = line.kind.rawValue
        text = line.text
        author = line.author
        writtenAt = line.writtenAt
        refersTo = line.refersTo
        correctedBy = line.correctedBy
    }
}

struct HandoverDTO: Content {
    var id: UUID
    var post: String
    var from: String
    var to: String
    var notes: String
    var handedBy: String
    var handedAt: Date
    var receivedBy: String?
    var receivedAt: Date?
    var openItems: [UUID]

    init(_ handover: DutyDesk.Handover, post: String) {
        id = handover.id
        self.post = post
        from = handover.from
        to = handover.to
        notes = handover.notes
        handedBy = handover.handedBy
        handedAt = handover.handedAt
        receivedBy = handover.receivedBy
        receivedAt = handover.receivedAt
        openItems = handover.openItems
    }
}

/// A unit's log book over a period: every entry, and the handovers between its shifts.
struct LogBookDTO: Content {
    var entries: [LogEntryDTO]
    var handovers: [HandoverDTO]
}
