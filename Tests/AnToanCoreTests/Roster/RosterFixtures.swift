import AnToanCore
import Foundation

/// Small hand-built instances and benchmark loading shared by the roster tests.
enum RosterFixtures {
    static let dayShift = RosterShift(id: "D", start: "07:00", hours: 12)
    static let nightShift = RosterShift(id: "N", start: "19:00", hours: 12, night: true)

    /// A roster starting Monday 2027-03-01 with the usual day and night shifts.
    static func instance(
        days: Int,
        staff: [RosterStaff],
        demand: [RosterDemand],
        posts: [String]? = nil,
        rules: RosterRules? = nil
    ) -> RosterInstance {
        RosterInstance(
            start: "2027-03-01",
            days: days,
            posts: posts,
            shifts: [dayShift, nightShift],
            staff: staff,
            demand: demand,
            rules: rules
        )
    }

    static func officers(_ count: Int) -> [RosterStaff] {
        (1...count).map { RosterStaff(id: "o\($0)", role: "officer") }
    }

    static func solve(_ instance: RosterInstance, seed: UInt64 = 1) throws -> RosterSolution {
        try RosterSolver.solve(instance, seed: seed, timeLimit: .seconds(20))
    }

    /// Tests live in Tests/AnToanCoreTests/Roster/; the benchmarks in Benchmarks/roster/ at the package root.
    static func benchmark(_ name: String, filePath: String = #filePath) throws -> RosterInstance {
        let root = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // Roster
            .deletingLastPathComponent()  // AnToanCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("Benchmarks/roster/\(name).json")
        return try RosterJSON.decodeInstance(from: Data(contentsOf: url))
    }

    /// The report without its timing, for comparing two runs.
    static func untimed(_ solution: RosterSolution) -> RosterSolution {
        var copy = solution
        copy.report.solveMillis = 0
        return copy
    }
}
