import Fluent
import SQLKit

/// Incidents, their photos (bytes in the database, so every node and every backup has them), their timeline,
/// who was told of each and who acknowledged it.
struct CreateIncidents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let collate = database.byteOrderCollation.map { " COLLATE \($0)" } ?? ""
        try await database.schema(Incident.schema)
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("area_path", .sql(unsafeRaw: "TEXT\(collate)"), .required)
            .field("site_id", .uuid, .references("sites", "id", onDelete: .setNull))
            .field("place", .string, .required)
            .field("kind", .string, .required)
            .field("severity", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("reported_at", .datetime, .required)
            .field("reported_by", .uuid, .references("users", "id"))
            .field("reporter_name", .string, .required)
            .field("description", .string, .required)
            .field("people_involved", .string, .required)
            .field("damage_vnd", .int64)
            .field("keeps_location", .bool, .required)
            .field("stage", .string, .required)
            .field("acknowledged_at", .datetime)
            .field("escalation_level", .int, .required)
            .field("qualification", .string)
            .field("crime_severity", .string)
            .field("force_majeure", .bool)
            .field("detected_promptly", .bool)
            .field("damage_limited", .bool)
            .field("reported_to_authority_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(IncidentPhoto.schema)
            .id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("bytes", .data, .required)
            .create()
        try await database.schema(IncidentEvent.schema)
            .id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("stage", .string)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.schema(IncidentAddressee.schema)
            .id()
            .field("incident_id", .uuid, .required, .references(Incident.schema, "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("level", .int, .required)
            .field("acknowledged_at", .datetime)
            .unique(on: "incident_id", "account_id")
            .create()
        let indexes = [
            "CREATE INDEX incidents_unit ON incidents (unit_id, reported_at)",
            "CREATE INDEX incidents_area ON incidents (area_path, reported_at)",
            "CREATE INDEX incident_photos_incident ON incident_photos (incident_id, position)",
            "CREATE INDEX incident_events_incident ON incident_events (incident_id, at)",
            "CREATE INDEX incident_addressees_account ON incident_addressees (account_id, acknowledged_at)",
        ]
        for index in indexes {
            let _: Void = try await database.sql.raw("\(unsafeRaw: index)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [IncidentAddressee.schema, IncidentEvent.schema, IncidentPhoto.schema, Incident.schema] {
            try await database.schema(schema).delete()
        }
    }
}
