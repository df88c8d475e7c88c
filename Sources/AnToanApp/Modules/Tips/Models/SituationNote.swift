import Fluent
import Foundation

/// A sign of trouble that is not yet an incident (tình hình đáng chú ý): written by a unit's people or an
/// authority, read by the unit's leadership and the authorities over it, and turned into an incident if it
/// becomes one. `@unchecked Sendable`: Fluent model.
final class SituationNote: Model, @unchecked Sendable {
    static let schema = "situation_notes"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// nil for a note an authority keeps of its area (a tip that named no unit).
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "area_path") var areaPath: String
    @Field(key: "text") var text: String
    @Field(key: "place") var place: String
    @Field(key: "written_at") var writtenAt: Date
    /// The author's account; nil when the note came from a tip (the tip's sender is not named).
    @OptionalField(key: "written_by") var writtenBy: UUID?
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "tip_id") var tipID: UUID?
    @OptionalField(key: "incident_id") var incidentID: UUID?
    @OptionalField(key: "turned_at") var turnedAt: Date?

    init() {}

    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID?.uuidString ?? "", "area_path": areaPath, "text": text, "place": place,
            "tip_id": tipID?.uuidString ?? "", "incident_id": incidentID?.uuidString ?? "",
        ]
    }
}
