import Foundation

/// Many units in one process: deterministic variants of one instance, solved on all cores.
extension RosterBenchmark {
    /// `count` variants of `base`: variant k (1…count) has seed k and one to three people (leaders as well as
    /// officers) given one or two extra days of leave, drawn by a generator seeded from k, so no two are alike.
    public static func variants(of base: RosterInstance, count: Int) -> [RosterInstance] {
        guard !base.staff.isEmpty, base.days > 0, let start = SolarDate(iso: base.start) else {
            return Array(repeating: base, count: max(0, count))
        }
        return (0..<max(0, count)).map { index in
            var random = SeededRandom(seed: 0x00A1_7000 &+ UInt64(index))
            var variant = base
            variant.seed = UInt64(index + 1)
            for _ in 0..<(1 + random.below(3)) {
                let person = random.below(base.staff.count)
                let first = random.below(base.days)
                let dates = (first..<min(base.days, first + 1 + random.below(2))).map { start.adding(days: $0).iso }
                variant.staff[person].unavailable = (variant.staff[person].unavailable ?? []) + dates
            }
            return variant
        }
    }

    /// Solves every instance with its own seed on `parallelism` threads and counts the outcomes. Dispatch, not a
    /// task group: under the app's NIO executor child tasks stick to the caller's event loop and run one by one.
    public static func solveFleet(
        _ instances: [RosterInstance],
        timeLimit: Duration,
        parallelism: Int
    ) throws -> RosterFleetResult {
        let clock = ContinuousClock()
        let began = clock.now
        let width = max(1, min(parallelism, instances.count))
        let tally = RosterFleetTally(RosterFleetResult(units: instances.count, parallelism: width))
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while let index = tally.claim(below: instances.count) {
                let instance = instances[index]
                do {
                    tally.add(try RosterSolver.solve(instance, seed: instance.seed ?? 1, timeLimit: timeLimit).report)
                } catch {
                    tally.fail(error)
                }
            }
        }
        var result = try tally.finish()
        result.elapsedMillis = RosterSolver.millis(clock.now - began)
        return result
    }
}

/// Work queue and totals shared by the fleet's worker threads. `@unchecked Sendable`: every access to the
/// mutable state holds `lock`, and the workers only ever call these methods.
private final class RosterFleetTally: @unchecked Sendable {
    private let lock = NSLock()
    private var result: RosterFleetResult
    private var next = 0
    private var error: (any Error)?

    init(_ result: RosterFleetResult) {
        self.result = result
    }

    /// The next instance to solve, or nil when all are taken or one has failed.
    func claim(below count: Int) -> Int? {
        lock.withLock {
            guard next < count, error == nil else { return nil }
            next += 1
            return next - 1
        }
    }

    func add(_ report: RosterReport) {
        lock.withLock { result.add(report) }
    }

    func fail(_ failure: any Error) {
        lock.withLock { error = error ?? failure }
    }

    func finish() throws -> RosterFleetResult {
        try lock.withLock {
            if let error { throw error }
            return result
        }
    }
}

/// Totals of a fleet run.
public struct RosterFleetResult: Sendable, Equatable {
    public var units: Int
    public var parallelism: Int
    public var withViolations = 0
    public var withOpenSlots = 0
    public var openSeats = 0
    public var slowestMillis = 0
    public var elapsedMillis = 0

    public init(units: Int, parallelism: Int) {
        self.units = units
        self.parallelism = parallelism
    }

    mutating func add(_ report: RosterReport) {
        withViolations += report.hardViolations.isEmpty ? 0 : 1
        withOpenSlots += report.openSlots.isEmpty ? 0 : 1
        openSeats += report.openSlots.reduce(0) { $0 + $1.missing }
        slowestMillis = max(slowestMillis, report.solveMillis)
    }
}
