import AnToanCore
import Fluent
import Foundation

/// A round as its report shows it: each planned checkpoint with its state, every scan (refused ones too) in time
/// order, and what was noted at the checkpoints.
struct PatrolRoundDetail: Sendable {
    struct Row: Sendable {
        var checkpointID: UUID
        var name: String
        var state: PatrolWords.CheckpointState
        var scannedAt: Date?
        var scannedBy: String?
    }

    var round: PatrolRound
    var routeName: String
    var unitName: String
    var rows: [Row]
    var scans: [PatrolScan]
    var observations: [PatrolObservation]
    var names: [UUID: String]

    /// The round if the scope may see it, with its rows; 404 otherwise.
    static func load(_ id: UUID, in scope: Scope, now: Date, on db: any Database) async throws -> PatrolRoundDetail {
        let round = try await PatrolQueries.round(id, in: scope, on: db)
        let route = try await PatrolRoute.find(round.routeID, on: db)
        let names = try await PatrolQueries.checkpointNames(of: round.routeID, on: db)
        let scans = try await PatrolQueries.scans(of: id, on: db)
        let unitNames = try await OrganisationQueries.unitNames([round.unitID], on: db)
        return PatrolRoundDetail(
            round: round,
            routeName: route?.name ?? "",
            unitName: unitNames[round.unitID] ?? "",
            rows: rows(round, scans: scans, names: names, now: now),
            scans: scans,
            observations: try await PatrolQueries.observations(of: id, on: db),
            names: names
        )
    }

    /// Each checkpoint of the plan, in its order, with its first accepted scan.
    static func rows(_ round: PatrolRound, scans: [PatrolScan], names: [UUID: String], now: Date) -> [Row] {
        round.planIDs.map { id in
            let first = scans.first { $0.accepted && $0.checkpointID == id }
            let state: PatrolWords.CheckpointState =
                if let first {
                    first.at > round.endsAt ? .late : .onTime
                } else if now >= round.endsAt
                    || round.judgedAt != nil
                {
                    .missing
                } else { .pending }
            return Row(
                checkpointID: id,
                name: names[id] ?? "",
                state: state,
                scannedAt: first?.at,
                scannedBy: first?.userName
            )
        }
    }

    var dto: PatrolRoundDTO {
        get throws {
            try PatrolRoundDTO(
                round,
                routeName: routeName,
                checkpoints: rows.map {
                    PatrolRoundCheckpointDTO(
                        checkpointId: $0.checkpointID,
                        name: $0.name,
                        state: $0.state.rawValue,
                        scannedAt: $0.scannedAt
                    )
                }
            )
        }
    }
}
