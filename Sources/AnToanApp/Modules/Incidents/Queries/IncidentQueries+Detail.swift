import AnToanCore
import Fluent
import Foundation

/// An incident with everything its page, its minutes and the API show.
struct IncidentDetail: Sendable {
    struct Addressee: Sendable {
        var name: String
        var level: Int
        var acknowledgedAt: Date?
    }

    var incident: Incident
    var unitName: String
    var unitAddress: String
    var areaName: String
    struct Photo: Sendable {
        var id: UUID
        var contentType: String
        /// Only Safari shows HEIC in a page: elsewhere it is offered as a file.
        var showsInPage: Bool { contentType != PhotoFile.Format.heic.contentType }
    }

    var photos: [Photo]
    var timeline: [IncidentEvent]
    var addressees: [Addressee]
    /// The reader was told of it and has not acknowledged.
    var awaitsReader: Bool
    var readerAcknowledged: Bool

    var id: UUID { incident.id ?? UUID.placeholder }
}

extension IncidentQueries {
    static func detail(_ id: UUID, in scope: Scope, reader: UUID, on db: any Database) async throws -> IncidentDetail {
        let incident = try await incident(id, in: scope, on: db)
        let unit = try await OrganisationQueries.unit(incident.unitID, in: .everything, on: db)
        let area = try await Area.find(unit.$area.id, on: db)
        let addressees = try await addressees(of: id, on: db)
        let names = try await accountNames(Set(addressees.map(\.accountID)), on: db)
        let mine = addressees.first { $0.accountID == reader }
        return IncidentDetail(
            incident: incident,
            unitName: unit.name,
            unitAddress: unit.address,
            areaName: area?.name ?? "",
            photos: try await photos(of: id, on: db),
            timeline: try await timeline(of: id, on: db),
            addressees: addressees.map {
                IncidentDetail.Addressee(
                    name: names[$0.accountID] ?? "",
                    level: $0.level,
                    acknowledgedAt: $0.acknowledgedAt
                )
            }
            .sorted { ($0.level, $0.name) < ($1.level, $1.name) },
            awaitsReader: mine != nil && mine?.acknowledgedAt == nil,
            readerAcknowledged: mine?.acknowledgedAt != nil
        )
    }
}

extension IncidentDTO {
    init(_ detail: IncidentDetail) {
        let incident = detail.incident
        id = detail.id
        unitId = incident.unitID
        unitName = detail.unitName
        kind = incident.kind
        criteria = incident.kindValue.criteria
        severity = incident.severity
        stage = incident.stage
        place = incident.place
        siteId = incident.siteID
        occurredAt = incident.occurredAt
        reportedAt = incident.reportedAt
        reportedBy = incident.reporterName
        description = incident.description
        peopleInvolved = incident.peopleInvolved.isEmpty ? nil : incident.peopleInvolved
        damageVnd = incident.damageVND.map { Int($0) }
        acknowledgedAt = incident.acknowledgedAt
        escalationLevel = incident.escalationLevel
        photos = detail.photos.map { SiteURL.incidentPhoto(detail.id, photo: $0.id).path }
        timeline = detail.timeline.map {
            IncidentTimelineDTO(
                kind: $0.kind,
                at: $0.at,
                stage: $0.stage,
                by: $0.actorName,
                note: $0.note.isEmpty ? nil : $0.note
            )
        }
        outcome = incident.outcome.map {
            Outcome(
                qualification: $0.qualification.rawValue,
                crimeSeverity: $0.crimeSeverity?.rawValue,
                forceMajeure: $0.forceMajeure,
                detectedPromptly: $0.detectedPromptly,
                damageLimited: $0.damageLimited,
                reportedToAuthorityAt: $0.reportedToAuthorityAt
            )
        }
        closedAt = incident.closedAt
    }
}
