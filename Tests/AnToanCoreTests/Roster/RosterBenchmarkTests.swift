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

    @Test(
        "S, M and L cover 31 days with the sizes of the issue and a Tết peak raising demand",
        arguments: [("S", 1, 10, 4), ("M", 3, 40, 8), ("L", 10, 150, 20)]
    )
    func benchmarkShape(name: String, posts: Int, staff: Int, leaders: Int) throws {
        let instance = try RosterFixtures.benchmark(name)
        #expect(instance.days == 31 && instance.start == "2027-02-01")
        #expect(max(1, instance.posts?.count ?? 1) == posts)
        #expect(instance.staff.count == staff && instance.staff.filter { $0.role == "leader" }.count == leaders)
        let tet = (4...10).map { "2027-02-\($0 < 10 ? "0" : "")\($0)" }
        #expect(tet.allSatisfy { (instance.holidays ?? []).contains($0) })
        // Every dated entry lies in the Tết week and asks for more than the every-day entry it replaces.
        let dated = instance.demand.filter { $0.date != nil }
        #expect(Set(dated.compactMap(\.date)) == Set(tet))
        for entry in dated {
            let everyDay = instance.demand.first { $0.date == nil && $0.shift == entry.shift && $0.post == entry.post }
            let before = (everyDay?.leader ?? 0) + (everyDay?.officer ?? 0)
            #expect((entry.leader ?? 0) + (entry.officer ?? 0) > before, "\(entry.date ?? "") \(entry.shift)")
        }
    }

    @Test("fleet variants are reproducible, valid and all different")
    func variants() throws {
        let base = try RosterFixtures.benchmark("M")
        let variants = RosterBenchmark.variants(of: base, count: 50)
        #expect(variants == RosterBenchmark.variants(of: base, count: 50))
        #expect(variants.map(\.seed) == (1...50).map { UInt64($0) })
        let leave = variants.map { $0.staff.map { $0.unavailable ?? [] } }
        #expect(Set(leave).count == 50)
        let baseLeave = base.staff.reduce(0) { $0 + ($1.unavailable?.count ?? 0) }
        for variant in variants {
            try RosterSolver.validate(variant)
            let extra = variant.staff.reduce(0) { $0 + ($1.unavailable?.count ?? 0) } - baseLeave
            #expect((1...6).contains(extra))
        }
    }

    @Test("a small fleet is solved side by side and counted")
    func fleet() throws {
        let variants = RosterBenchmark.variants(of: try RosterFixtures.benchmark("S"), count: 4)
        let result = try RosterBenchmark.solveFleet(variants, timeLimit: .seconds(20), parallelism: 2)
        #expect(result.units == 4 && result.parallelism == 2)
        #expect(result.withViolations == 0)
        #expect(result.slowestMillis <= result.elapsedMillis)
    }

    @Test("an invalid unit stops the fleet with its error")
    func fleetError() throws {
        var broken = try RosterFixtures.benchmark("S")
        broken.days = 0
        #expect(throws: RosterError.invalidDays(field: "days", value: 0)) {
            try RosterBenchmark.solveFleet([broken, broken, broken], timeLimit: .seconds(1), parallelism: 2)
        }
    }

    @Test("targets pass and fail on the measured numbers, and the printout says which")
    func targets() throws {
        let small = try RosterFixtures.benchmark("S")
        var report = RosterReport(
            fairness: [
                RosterFairness(
                    role: "officer",
                    people: 6,
                    total: RosterSpread(values: [10, 11]),
                    night: RosterSpread(values: [5, 6]),
                    weekendHoliday: RosterSpread(values: [2, 5])
                )
            ],
            solveMillis: 40
        )
        var fleet = RosterFleetResult(units: 1_000, parallelism: 2)
        fleet.elapsedMillis = 41_260
        let good = RosterBenchmarkResult(
            rows: [
                RosterBenchmarkRow(name: "S", instance: small, report: report),
                RosterBenchmarkRow(name: "M", instance: small, report: report),
            ],
            fleet: fleet
        )
        #expect(good.passed)
        let lines = good.lines(timeLimit: .seconds(10))
        #expect(lines.contains("PASS  1000 M-size units in under 60 s: 41.3 s"))
        #expect(lines.last == "All targets met.")

        report.solveMillis = 1_200
        report.fairness[0].night = RosterSpread(values: [4, 6])
        fleet.withViolations = 1
        let bad = RosterBenchmarkResult(
            rows: [RosterBenchmarkRow(name: "M", instance: small, report: report)],
            fleet: fleet
        )
        #expect(bad.targets.map(\.passed) == [false, false, false, false, true])
        #expect(bad.lines(timeLimit: .seconds(10)).contains("FAIL  M solved in under 1 s: 1200 ms"))
        #expect(bad.lines(timeLimit: .seconds(10)).last == "4 of 5 targets missed.")
    }
}
