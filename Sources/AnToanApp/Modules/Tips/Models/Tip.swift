import AnToanCore
import Fluent
import Foundation

/// A tip (tin báo, tố giác) from a citizen or a member of staff, sent without an account. Only the hash of its
/// follow-up code is kept; an anonymous tip keeps no contact and nothing of the request it came in.
/// `@unchecked Sendable`: Fluent model.
final class Tip: Model, @unchecked Sendable {
    static let schema = "tips"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// SHA-256 of the normalised follow-up code.
    @Field(key: "code_hash") var codeHash: String
    /// `TipStatus`.
    @Field(key: "status") var status: String
    /// The unit the sender chose, if any; else the tip is the area's authority's to place.
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "area_path") var areaPath: String
    @Field(key: "what") var what: String
    @Field(key: "place") var place: String
    /// When it happened, in the sender's words ("tối qua khoảng 21 giờ"): a citizen rarely knows the minute.
    @Field(key: "happened") var happened: String
    @Field(key: "anonymous") var anonymous: Bool
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_phone") var contactPhone: String?
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    /// The reason of a dismissal.
    @OptionalField(key: "reason") var reason: String?
    /// What the tip became: an incident, or a situation note.
    @OptionalField(key: "incident_id") var incidentID: UUID?
    @OptionalField(key: "note_id") var noteID: UUID?

    init() {}

    var statusValue: TipStatus { TipStatus(rawValue: status) ?? .received }

    /// What the audit trail keeps: never the contact, which the trail's readers have no need of.
    var auditSnapshot: [String: String] {
        [
            "status": status, "unit_id": unitID?.uuidString ?? "", "area_path": areaPath, "what": what,
            "place": place, "happened": happened, "anonymous": anonymous ? "true" : "false",
            "reason": reason ?? "", "incident_id": incidentID?.uuidString ?? "", "note_id": noteID?.uuidString ?? "",
        ]
    }
}

/// A question of the unit or authority to the sender, the sender's answer, or more the sender added later.
/// `@unchecked Sendable`: Fluent model.
final class TipMessage: Model, @unchecked Sendable {
    static let schema = "tip_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "tip_id") var tipID: UUID
    /// `TipMessage.Kind`.
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Field(key: "written_at") var writtenAt: Date
    /// The account that asked; nil for what the sender wrote.
    @OptionalField(key: "author_id") var authorID: UUID?
    @OptionalField(key: "author_name") var authorName: String?

    enum Kind: String, Sendable {
        case question
        case answer
    }

    init() {}

    init(tipID: UUID, kind: Kind, text: String, at: Date, authorID: UUID? = nil, authorName: String? = nil) {
        self.tipID = tipID
        self.kind = kind.rawValue
        self.text = text
        self.writtenAt = at
        self.authorID = authorID
        self.authorName = authorName
    }
}

/// A photo sent with a tip or with the sender's answer, its metadata stripped to the orientation.
/// `@unchecked Sendable`: Fluent model.
final class TipPhoto: Model, @unchecked Sendable {
    static let schema = "tip_photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "tip_id") var tipID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "bytes") var bytes: Data
    @Field(key: "added_at") var addedAt: Date

    init() {}

    init(tipID: UUID, position: Int, upload: PhotoUpload, at: Date) {
        self.tipID = tipID
        self.position = position
        self.contentType = upload.format.contentType
        self.byteCount = upload.bytes.count
        self.bytes = upload.bytes
        self.addedAt = at
    }
}
