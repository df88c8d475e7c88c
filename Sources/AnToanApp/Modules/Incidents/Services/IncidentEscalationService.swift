import AnToanCore
import Fluent
import Foundation
import Vapor

extension JobKind {
    /// Sends an incident still unacknowledged one step up the chain of supervising bodies.
    static let incidentEscalation = JobKind(rawValue: "incident.escalate")
}

/// Who hears of an incident, and when it goes up the chain.
///
/// At once: the unit's head and security officer (the accounts of those roles at the unit) and the accounts of
/// the first supervising body of the unit's `report` chain (the routing rules, or the body over its area and
/// what it reports to). Each acknowledges. While nobody told of it has acknowledged, after the severity's delay
/// (5, 15, 30 or 60 minutes) it goes to the accounts of the next body of the chain, and so on to the chain's end.
/// A body's accounts are the authority accounts whose area is the body's area; a body without any is passed over.
enum IncidentEscalationService {
    struct Payload: Codable, Sendable {
        var incidentID: UUID
        /// The level the incident is at when the job is due; it goes to the next.
        var level: Int
    }

    static func register(_ app: Application) {
        app.jobs.register(.incidentEscalation, maxAttempts: 8) { (job: JobContext, payload: Payload) in
            try await job.app.write { db in try await escalate(payload, on: db, now: job.now) }
        }
    }

    /// The notifications of level 0 and the first escalation job, in the report's transaction.
    static func notifyFirst(
        _ incident: Incident,
        unit: OrgUnit,
        except reporter: UUID?,
        on db: any Database,
        now: Date
    ) async throws {
        var accounts = try await IncidentQueries.leaderAccounts(of: incident.unitID, on: db)
        let chain = try await RoutingQueries.chain(for: unit, purpose: .report, on: db)
        var level = 0
        if let first = try await staffed(chain.bodies, after: nil, on: db) {
            accounts.formUnion(first.accounts)
            level = first.level
        }
        if level != incident.escalationLevel {
            incident.escalationLevel = level
            try await incident.persist(on: db)
        }
        if let reporter { accounts.remove(reporter) }
        try await address(incident, to: accounts, level: level, on: db, now: now)
        try await schedule(incident, level: level, from: now, on: db)
    }

    /// The first body of the chain after `level` (from the start when nil) that has accounts to tell: a body
    /// nobody signs in for (a commune police without accounts yet) is passed over rather than told in vain.
    static func staffed(
        _ bodies: [SupervisingBody],
        after level: Int?,
        on db: any Database
    ) async throws -> (level: Int, body: SupervisingBody, accounts: Set<UUID>)? {
        var candidate =
            level.map { IncidentEscalation.nextLevel(after: $0, chainLength: bodies.count) }
            ?? (bodies.isEmpty ? nil : 0)
        while let index = candidate {
            let accounts = try await IncidentQueries.authorityAccounts(of: bodies[index], on: db)
            if !accounts.isEmpty { return (index, bodies[index], accounts) }
            candidate = IncidentEscalation.nextLevel(after: index, chainLength: bodies.count)
        }
        return nil
    }

    static func schedule(_ incident: Incident, level: Int, from: Date, on db: any Database) async throws {
        let id = try incident.requireID()
        try await Jobs.enqueue(
            .incidentEscalation,
            payload: Payload(incidentID: id, level: level),
            runAt: IncidentEscalation.due(since: from, severity: incident.severityValue),
            key: "incident-escalation:\(id.uuidString.lowercased()):\(level)",
            on: db
        )
    }

    /// Records the accounts told at `level` and puts the incident in their inboxes, to acknowledge.
    static func address(
        _ incident: Incident,
        to accounts: Set<UUID>,
        level: Int,
        on db: any Database,
        now: Date
    ) async throws {
        let id = try incident.requireID()
        let already = try await IncidentQueries.addressees(of: id, on: db)
        let new = accounts.subtracting(already.map(\.accountID))
        for account in new.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await IncidentAddressee(incidentID: id, accountID: account, level: level).insert(on: db)
        }
        let kind = incident.kindValue
        let title =
            level == 0
            ? LocalizedText(
                vi: "Vụ việc mới: \(kind.nameVi) — \(incident.place)",
                en: "New incident: \(kind.nameEn) — \(incident.place)"
            )
            : LocalizedText(
                vi: "Vụ việc chưa được xác nhận (cấp \(level + 1)): \(kind.nameVi) — \(incident.place)",
                en: "Unacknowledged incident (level \(level + 1)): \(kind.nameEn) — \(incident.place)"
            )
        try await Notifications.send(
            to: new,
            title: title,
            link: SiteURL.incident(id).path,
            needsAcknowledgement: true,
            entity: IncidentService.entity,
            entityID: id,
            on: db,
            now: now
        )
    }

    /// The job's work: when the incident is still unacknowledged and open at `payload.level`, it goes to the next
    /// body of the chain, the escalation is written on the timeline and the next step is scheduled. Run twice
    /// (a job runs at least once), the second run finds the level moved on and does nothing.
    static func escalate(_ payload: Payload, on db: any Database, now: Date) async throws {
        guard let incident = try await db.lockedRow(Incident.self, payload.incidentID),
            incident.acknowledgedAt == nil, incident.stageValue != .closed,
            incident.escalationLevel == payload.level
        else { return }
        let unit = try await OrganisationQueries.unit(incident.unitID, in: .everything, on: db)
        let chain = try await RoutingQueries.chain(for: unit, purpose: .report, on: db)
        guard let (level, body, accounts) = try await staffed(chain.bodies, after: payload.level, on: db) else {
            return
        }
        let before = incident.auditSnapshot
        incident.escalationLevel = level
        try await incident.persist(on: db)
        let id = try incident.requireID()
        try await IncidentEvent(
            incidentID: id,
            at: now,
            kind: .escalated,
            actorID: nil,
            actorName: body.name,
            note: "\(level + 1)"
        ).insert(on: db)
        try await AuditTrail.record(
            on: db,
            actor: .system,
            action: .update,
            entity: IncidentService.entity,
            entityID: id.uuidString,
            before: before,
            after: incident.auditSnapshot.merging(["escalated_to": body.name]) { $1 },
            now: now
        )
        try await address(incident, to: accounts, level: level, on: db, now: now)
        try await Outbox.publish(
            .incidentEscalated,
            payload: IncidentSummaryDTO(incident, unitName: unit.name),
            unit: incident.unitID,
            area: AreaPath(incident.areaPath),
            on: db,
            now: now
        )
        try await schedule(incident, level: level, from: now, on: db)
    }
}
