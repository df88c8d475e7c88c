/// The roster benchmark behind `antoan roster bench`: solves named instances and a fleet of varied M-size units,
/// and judges the results against the targets of issue 4. Timing uses the solver's own clock; no I/O here.
public enum RosterBenchmark {
    /// How many units the fleet run solves unless told otherwise.
    public static let fleetSize = 1_000

    /// Solves each instance in turn (one at a time, so timings are not shared with other work) with its own
    /// seed (1 when it has none), then solves `units` variants of `fleetBase` side by side.
    public static func run(
        _ instances: [(name: String, instance: RosterInstance)],
        fleetBase: RosterInstance,
        units: Int = fleetSize,
        timeLimit: Duration,
        parallelism: Int
    ) throws -> RosterBenchmarkResult {
        var rows: [RosterBenchmarkRow] = []
        for (name, instance) in instances {
            let solution = try RosterSolver.solve(instance, seed: instance.seed ?? 1, timeLimit: timeLimit)
            rows.append(RosterBenchmarkRow(name: name, instance: instance, report: solution.report))
        }
        let fleet = try solveFleet(
            variants(of: fleetBase, count: units),
            timeLimit: timeLimit,
            parallelism: parallelism
        )
        return RosterBenchmarkResult(rows: rows, fleet: fleet)
    }
}

/// One solved instance as the benchmark prints it.
public struct RosterBenchmarkRow: Sendable, Equatable {
    public var name: String
    public var days: Int
    public var posts: Int
    public var staff: Int
    public var seats: Int
    public var hardViolations: Int
    /// Open slot entries (a slot and role) and the seats missing in them.
    public var openSlots: Int
    public var openSeats: Int
    public var fairness: [RosterFairness]
    public var solveMillis: Int

    public init(name: String, instance: RosterInstance, report: RosterReport) {
        self.name = name
        days = instance.days
        posts = max(1, instance.posts?.count ?? 1)
        staff = instance.staff.count
        seats = report.coverage.required
        hardViolations = report.hardViolations.count
        openSlots = report.openSlots.count
        openSeats = report.openSlots.reduce(0) { $0 + $1.missing }
        fairness = report.fairness
        solveMillis = report.solveMillis
    }

    /// The largest total and night spread over the roles.
    public var worstSpread: Int {
        fairness.map { max($0.total.spread, $0.night.spread) }.max() ?? 0
    }
}

/// What a benchmark run measured; `targets` judges it.
public struct RosterBenchmarkResult: Sendable, Equatable {
    public var rows: [RosterBenchmarkRow]
    public var fleet: RosterFleetResult

    public init(rows: [RosterBenchmarkRow], fleet: RosterFleetResult) {
        self.rows = rows
        self.fleet = fleet
    }

    public func row(_ name: String) -> RosterBenchmarkRow? {
        rows.first { $0.name == name }
    }
}
