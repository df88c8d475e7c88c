import AnToanCore
import Testing

@Suite("Roster benchmarks")
struct RosterBenchmarkTests {
    @Test("benchmark instance solves with no violations, full cover and spread ≤ 1", arguments: ["S", "M"])
    func benchmark(_ name: String) throws {
        let instance = try RosterFixtures.benchmark(name)
        let report = try RosterFixtures.solve(instance, seed: instance.seed ?? 1).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.isEmpty)
        #expect(report.fairness.count == 2)
        for fairness in report.fairness {
            #expect(fairness.total.spread <= 1, "\(fairness.role) total")
            #expect(fairness.night.spread <= 1, "\(fairness.role) night")
        }
    }
}
