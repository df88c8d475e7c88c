/// Builds a duty roster: greedy chronological fill, repair and fairness local search, then an independent check.
public enum RosterSolver {
    /// Solves `instance`; the same instance and seed always give the same assignments.
    ///
    /// The time limit bounds the repair and improvement search (the chronological fill always completes); when it
    /// is hit the best roster so far is returned. Throws `RosterError` for an invalid instance.
    public static func solve(_ instance: RosterInstance, seed: UInt64, timeLimit: Duration) throws -> RosterSolution {
        let clock = ContinuousClock()
        let began = clock.now
        let model = try RosterModel(instance)
        var search = RosterSearch(model: model, seed: seed, deadline: began.advanced(by: timeLimit))
        search.pinPrevious()
        search.fillGreedily()
        search.improve()
        if search.seats.contains(where: { $0.holder < 0 }) {
            // Seats must stay open: move them to where they hurt least, both from this roster and from one filled
            // in order of need, and keep whichever leaves the lighter shortfall.
            var byNeed = RosterSearch(model: model, seed: seed, deadline: search.deadline)
            byNeed.pinPrevious()
            byNeed.fillByRank()
            byNeed.improve()
            byNeed.lightenShortfall()
            search.lightenShortfall()
            if RosterSearch.lighter(byNeed.shortfall(), than: search.shortfall()) { search = byNeed }
        }
        let assignments = search.assignments()
        var report = RosterChecker.report(model: model, assignments: assignments)
        report.solveMillis = millis(clock.now - began)
        return RosterSolution(assignments: assignments, report: report)
    }

    /// Whole milliseconds of a measured duration.
    static func millis(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Checks an instance without solving it.
    public static func validate(_ instance: RosterInstance) throws {
        _ = try RosterModel(instance)
    }
}
