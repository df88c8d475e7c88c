import AnToanCore
import Fluent
import Foundation

extension RosterQueries {
    /// Whether the unit's head must approve its rosters before they are published (trình ký).
    static func approvalRequired(of unitID: UUID, on db: any Database) async throws -> Bool {
        try await DutySetup.query(on: db).filter(\.$unitID == unitID).first()?.approvalRequired ?? false
    }
}

extension RosterQueries {
    /// The units in `scope` whose published roster, still running on or after `today`, was made from other posts
    /// than the unit's set-up now has (a post added or dropped, shifts or staffing changed): oversight tells
    /// them apart instead of silently disagreeing with the roster.
    static func outOfDateUnits(
        in scope: Scope,
        today: SolarDate,
        on db: any Database
    ) async throws -> [UUID: RosterFreshness.Changes] {
        let units = try await OrganisationQueries.units(in: scope, on: db).filter(\.$parent.$id == nil).all(\.$id)
        var rosters: [Roster] = []
        for chunk in SQLBatch.chunks(units) {
            rosters += try await Roster.query(on: db).filter(\.$unitID ~~ chunk).filter(\.$status == "published")
                .filter(\.$endDate >= today.iso).filter(\.$setupPosts != nil).all()
        }
        var posts: [UUID: [DutyPost]] = [:]
        for chunk in SQLBatch.chunks(Set(rosters.map(\.unitID))) {
            for setup in try await DutySetup.query(on: db).filter(\.$unitID ~~ chunk).all() {
                posts[setup.unitID] = try setup.decodedPosts()
            }
        }
        var stale: [UUID: RosterFreshness.Changes] = [:]
        for roster in rosters {
            let changes = RosterFreshness.changes(made: roster.setupPosts, now: posts[roster.unitID] ?? [])
            if !changes.isEmpty { stale[roster.unitID] = changes }
        }
        return stale
    }
}
