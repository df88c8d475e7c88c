import AnToanCore
import Fluent
import Foundation

/// A person a gate must hold (GATE-3): on a unit's own list (`unit_id`), or on an authority's list for its area
/// (`unit_id` nil), which the gates of every unit in that area check too. `@unchecked Sendable`: Fluent model.
final class WatchEntry: Model, @unchecked Sendable {
    static let schema = "gate_watch_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// The unit's area, or the authority's area the entry covers.
    @Field(key: "area_path") var areaPath: String
    @OptionalField(key: "document_number") var documentNumber: String?
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_folded") var nameFolded: String
    @OptionalField(key: "birth_date") var birthDate: String?
    /// Why to hold: shown to the guards and officers, never to the receptionist.
    @Field(key: "reason") var reason: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "active") var active: Bool

    init() {}
}

extension WatchEntry {
    var rule: Watchlist.Entry {
        Watchlist.Entry(
            documentNumber: documentNumber,
            nameFolded: nameFolded.isEmpty ? nil : nameFolded,
            birthDate: birthDate.flatMap { SolarDate(iso: $0) }
        )
    }

    var auditSnapshot: [String: String] {
        [
            "unit_id": unitID?.uuidString ?? "", "area_path": areaPath, "document_number": documentNumber ?? "",
            "full_name": fullName, "birth_date": birthDate ?? "", "reason": reason, "active": active ? "true" : "false",
        ]
    }
}

/// A unit's gate rules: how long visitor data is kept (GATE-4). `@unchecked Sendable`: Fluent model.
final class GateSettings: Model, @unchecked Sendable {
    static let schema = "gate_settings"

    static let defaultRetentionDays = 90

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "retention_days") var retentionDays: Int

    init() {}
}

/// One read of visitors' personal data: who, when, what (a visit's page, the list of those inside, the book, the
/// API), how many visitors. Written in the read's own small transaction. `@unchecked Sendable`: Fluent model.
final class VisitorDataRead: Model, @unchecked Sendable {
    static let schema = "gate_data_reads"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "area_path") var areaPath: String
    @OptionalField(key: "reader_id") var readerID: UUID?
    @Field(key: "reader_name") var readerName: String
    @Field(key: "at") var at: Date
    @Field(key: "what") var what: String
    @OptionalField(key: "visit_id") var visitID: UUID?
    @Field(key: "visitors") var visitors: Int

    init() {}
}
