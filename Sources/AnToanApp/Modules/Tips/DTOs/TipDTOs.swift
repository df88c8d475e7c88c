import AnToanCore
import Foundation
import Vapor

/// A tip as the API takes it from anyone (no photos over JSON: the public page takes them).
struct TipInput: APIInput {
    static let fields: Set<String> = [
        "what", "place", "happened", "unit_id", "area_id", "anonymous", "contact_name", "contact_phone",
    ]
    var what: String?
    var place: String?
    var happened: String?
    var unitId: UUID?
    var areaId: UUID?
    var anonymous: Bool?
    var contactName: String?
    var contactPhone: String?

    func problems() -> [FieldError] { [] }

    var submission: TipSubmission {
        TipSubmission(
            what: what,
            place: place,
            happened: happened,
            target: unitId.map { "unit:\($0)" } ?? areaId.map { "area:\($0)" },
            anonymous: anonymous ?? false,
            contactName: contactName,
            contactPhone: contactPhone
        )
    }
}

/// The follow-up code, in a body (never in a URL, which logs and histories keep).
struct TipCodeInput: APIInput {
    static let fields: Set<String> = ["code"]
    var code: String?

    func problems() -> [FieldError] { [] }
}

struct TipAnswerInput: APIInput {
    static let fields: Set<String> = ["code", "text"]
    var code: String?
    var text: String?

    func problems() -> [FieldError] { [] }
}

/// What the sender gets once: the code to follow the tip with.
struct TipReceiptDTO: Content {
    var code: String
    var status: String
    var receivedAt: Date
}

/// One message of a tip's exchange: a question to the sender, or what the sender wrote.
struct TipMessageDTO: Content {
    var kind: String
    var text: String
    var writtenAt: Date
}

/// What the sender reads with the code: the status in words and the exchange; nothing of who triaged it.
struct TipFollowDTO: Content {
    var status: String
    var statusText: String
    var receivedAt: Date
    var what: String
    var messages: [TipMessageDTO]
}

/// A tip as those who triage it read it. The contact is there when the sender gave one.
struct TipDTO: Content {
    var id: UUID
    var status: String
    var unitId: UUID?
    var unitName: String?
    var areaPath: String
    var what: String
    var place: String
    var happened: String?
    var anonymous: Bool
    var contactName: String?
    var contactPhone: String?
    var receivedAt: Date
    var reason: String?
    var incidentId: UUID?
    var noteId: UUID?
    var messages: [TipMessageDTO]
    var photos: [UUID]

    init(_ tip: Tip, unitName: String?, messages: [TipMessage], photos: [TipPhoto]) throws {
        id = try tip.requireID()
        status = tip.status
        unitId = tip.unitID
        self.unitName = unitName
        areaPath = tip.areaPath
        what = tip.what
        place = tip.place
        happened = tip.happened.isEmpty ? nil : tip.happened
        anonymous = tip.anonymous
        contactName = tip.contactName
        contactPhone = tip.contactPhone
        receivedAt = tip.receivedAt
        reason = tip.reason
        incidentId = tip.incidentID
        noteId = tip.noteID
        self.messages = messages.map { TipMessageDTO(kind: $0.kind, text: $0.text, writtenAt: $0.writtenAt) }
        self.photos = photos.compactMap(\.id)
    }
}

/// The triage list: the tips in scope still to decide, or the decided ones.
struct TipListDTO: Content {
    var tips: [TipDTO]
}

/// The event of a new or answered tip: where it belongs, never what the sender wrote or who they are.
struct TipEventDTO: Content {
    var id: UUID
    var status: String
    var unitId: UUID?
    var areaPath: String
    var receivedAt: Date

    init(_ tip: Tip) {
        id = tip.id ?? UUID.placeholder
        status = tip.status
        unitId = tip.unitID
        areaPath = tip.areaPath
        receivedAt = tip.receivedAt
    }
}

struct SituationNoteDTO: Content {
    var id: UUID
    var unitId: UUID?
    var unitName: String?
    var areaPath: String
    var text: String
    var place: String
    var author: String
    var writtenAt: Date
    var tipId: UUID?
    var incidentId: UUID?

    init(_ note: SituationNote, unitName: String?) throws {
        id = try note.requireID()
        unitId = note.unitID
        self.unitName = unitName
        areaPath = note.areaPath
        text = note.text
        place = note.place
        author = note.authorName
        writtenAt = note.writtenAt
        tipId = note.tipID
        incidentId = note.incidentID
    }
}

struct SituationNoteListDTO: Content {
    var notes: [SituationNoteDTO]
}

/// The event of a new situation note: where it belongs.
struct SituationNoteEventDTO: Content {
    var id: UUID
    var unitId: UUID?
    var areaPath: String
    var writtenAt: Date

    init(_ note: SituationNote) {
        id = note.id ?? UUID.placeholder
        unitId = note.unitID
        areaPath = note.areaPath
        writtenAt = note.writtenAt
    }
}
