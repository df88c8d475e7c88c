import AnToanCore
import Fluent
import Foundation

/// Reads of routes, rounds and scans, always through the reader's scope: a unit's people see their unit's, an
/// authority those of the units in its area; anything else is 404.
enum PatrolQueries {
    static func routes(in scope: Scope, on db: any Database) -> QueryBuilder<PatrolRoute> {
        PatrolRoute.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
    }

    static func rounds(in scope: Scope, on db: any Database) -> QueryBuilder<PatrolRound> {
        PatrolRound.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
    }

    /// The route if the scope may see it; 404 otherwise.
    static func route(_ id: UUID, in scope: Scope, on db: any Database) async throws -> PatrolRoute {
        guard let route = try await routes(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return route
    }

    static func round(_ id: UUID, in scope: Scope, on db: any Database) async throws -> PatrolRound {
        guard let round = try await rounds(in: scope, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        return round
    }

    /// A checkpoint of a route the scope may see; 404 otherwise.
    static func checkpoint(_ id: UUID, in scope: Scope, on db: any Database) async throws -> PatrolCheckpoint {
        guard let checkpoint = try await PatrolCheckpoint.find(id, on: db) else { throw AppError.notFound }
        _ = try await route(checkpoint.routeID, in: scope, on: db)
        return checkpoint
    }

    /// The route's checkpoints in order; the removed ones only when asked.
    static func checkpoints(
        of routeID: UUID,
        removed: Bool = false,
        on db: any Database
    ) async throws
        -> [PatrolCheckpoint]
    {
        var query = PatrolCheckpoint.query(on: db).filter(\.$routeID == routeID)
        if !removed { query = query.filter(\.$active == true) }
        return try await query.sort(\.$position).all()
    }

    /// Every checkpoint's name by id, removed ones too (an old round still names them).
    static func checkpointNames(of routeID: UUID, on db: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for checkpoint in try await checkpoints(of: routeID, removed: true, on: db) {
            if let id = checkpoint.id { names[id] = checkpoint.name }
        }
        return names
    }

    /// The accepted and refused scans of a round, in time order.
    static func scans(of roundID: UUID, on db: any Database) async throws -> [PatrolScan] {
        try await PatrolScan.query(on: db).filter(\.$roundID == roundID).sort(\.$at).all()
    }

    /// The rounds of `scope` on the schedule day `day` (yyyy-MM-dd), by start.
    static func rounds(
        on day: String,
        route: UUID? = nil,
        in scope: Scope,
        on db: any Database
    ) async throws
        -> [PatrolRound]
    {
        var query = rounds(in: scope, on: db).filter(\.$day == day)
        if let route { query = query.filter(\.$routeID == route) }
        return try await query.sort(\.$startsAt).all()
    }

    /// The round of `route` whose window holds `at`; else the last one ended less than `grace` before it, still
    /// to complete (a late scan counts, flagged).
    static func roundDue(
        route: UUID,
        at: Date,
        grace: TimeInterval,
        on db: any Database
    ) async throws
        -> PatrolRound?
    {
        if let open = try await PatrolRound.query(on: db).filter(\.$routeID == route).filter(\.$startsAt <= at)
            .filter(\.$endsAt > at).first()
        {
            return open
        }
        return try await PatrolRound.query(on: db).filter(\.$routeID == route)
            .filter(\.$endsAt <= at).filter(\.$endsAt > at.addingTimeInterval(-grace))
            .filter(\.$status != PatrolRound.Status.complete.rawValue).sort(\.$endsAt, .descending).first()
    }

    /// Route names by id.
    static func routeNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(Array(ids)) {
            for route in try await PatrolRoute.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = route.id { names[id] = route.name }
            }
        }
        return names
    }

    /// Observations of a round, or of a unit on a day.
    static func observations(of roundID: UUID, on db: any Database) async throws -> [PatrolObservation] {
        try await PatrolObservation.query(on: db).filter(\.$roundID == roundID).sort(\.$at)
            .field(\.$id).field(\.$unitID).field(\.$areaPath).field(\.$checkpointID).field(\.$roundID)
            .field(\.$userID).field(\.$userName).field(\.$at).field(\.$text).field(\.$photoType).field(\.$incidentID)
            .all()
    }

    static func observation(_ id: UUID, in scope: Scope, on db: any Database) async throws -> PatrolObservation {
        guard
            let observation = try await PatrolObservation.query(on: db).filter(\.$id == id)
                .within(scope, unit: \.$unitID, area: \.$areaPath).first()
        else { throw AppError.notFound }
        return observation
    }
}
