import AnToanCore
import Fluent
import Foundation

/// What a list of incidents is filtered by; every field may be left out.
struct IncidentFilter: Sendable {
    var kind: IncidentKind?
    var severity: IncidentSeverity?
    /// A stage, or nil; `openOnly` keeps those not closed.
    var stage: IncidentStage?
    var openOnly = false
    /// Days in Vietnam, both included.
    var from: SolarDate?
    var to: SolarDate?
    var unitID: UUID?
}

/// A list of incidents as the pages and the API show it.
struct IncidentList: Sendable {
    var total: Int
    var countsByKind: [(kind: IncidentKind, count: Int)]
    var rows: [IncidentSummaryDTO]
}

extension IncidentQueries {
    /// The most a list shows; the counts cover the whole filter.
    static let listLimit = 200

    /// The incidents of `scope` that pass `filter`: the open ones first (the unacknowledged first among them),
    /// then the latest; with the count of each kind.
    static func list(_ filter: IncidentFilter, in scope: Scope, on db: any Database) async throws -> IncidentList {
        var query = incidents(in: scope, on: db)
        if let kind = filter.kind { query = query.filter(\.$kind == kind.rawValue) }
        if let severity = filter.severity { query = query.filter(\.$severity == severity.rawValue) }
        if let stage = filter.stage { query = query.filter(\.$stage == stage.rawValue) }
        if filter.openOnly { query = query.filter(\.$stage != IncidentStage.closed.rawValue) }
        if let unitID = filter.unitID { query = query.filter(\.$unitID == unitID) }
        if let from = filter.from { query = query.filter(\.$occurredAt >= VietnamTime.instant(from, minutes: 0)) }
        if let to = filter.to { query = query.filter(\.$occurredAt < VietnamTime.instant(to, minutes: 24 * 60)) }
        let found = try await query.sort(\.$reportedAt, .descending).all()
        var counts: [IncidentKind: Int] = [:]
        for incident in found { counts[incident.kindValue, default: 0] += 1 }
        let ordered = found.sorted { lhs, rhs in
            let left = (lhs.stageValue == .closed ? 2 : lhs.acknowledgedAt == nil ? 0 : 1)
            let right = (rhs.stageValue == .closed ? 2 : rhs.acknowledgedAt == nil ? 0 : 1)
            return left != right ? left < right : lhs.reportedAt > rhs.reportedAt
        }
        .prefix(listLimit)
        let names = try await OrganisationQueries.unitNames(Set(ordered.map(\.unitID)), on: db)
        return IncidentList(
            total: found.count,
            countsByKind: IncidentKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } },
            rows: ordered.map { IncidentSummaryDTO($0, unitName: names[$0.unitID] ?? "") }
        )
    }
}
