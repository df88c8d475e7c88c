import AnToanCore
import Testing

@Suite("Roster determinism, stability and infeasible input")
struct RosterStabilityTests {
    @Test("the same seed gives byte-identical JSON")
    func deterministic() throws {
        let instance = try RosterFixtures.benchmark("M")
        let first = try RosterJSON.encode(RosterFixtures.untimed(try RosterFixtures.solve(instance, seed: 42)))
        let second = try RosterJSON.encode(RosterFixtures.untimed(try RosterFixtures.solve(instance, seed: 42)))
        #expect(first == second)
    }

    @Test("published assignments are kept after one person reports a new day off")
    func keepsPreviousAssignments() throws {
        var instance = try RosterFixtures.benchmark("S")
        let published = try RosterFixtures.solve(instance)
        let moved = try #require(published.assignments.first { $0.staff == "o3" && $0.date >= "2027-02-12" })
        instance.previous = published.assignments
        let person = try #require(instance.staff.firstIndex { $0.id == "o3" })
        instance.staff[person].unavailable = [moved.date]
        let revised = try RosterFixtures.solve(instance)
        let report = revised.report
        #expect(report.hardViolations.isEmpty && report.openSlots.isEmpty)
        #expect(!revised.assignments.contains { $0.staff == "o3" && $0.date == moved.date })
        #expect(report.previousTotal == published.assignments.count)
        // At most o3's own shift on that date (and a night running into it) plus their replacements change.
        #expect(report.previousKept >= report.previousTotal - 2)
        let unchanged = Set(published.assignments).intersection(revised.assignments).count
        #expect(unchanged >= published.assignments.count - 2)
    }

    @Test("an infeasible instance returns the best coverage and a reason for every open slot")
    func infeasible() throws {
        let staff = [RosterStaff(id: "l1", role: "leader")]
        let demand = [RosterDemand(shift: "D", leader: 1), RosterDemand(shift: "N", leader: 1, officer: 1)]
        let report = try RosterFixtures.solve(RosterFixtures.instance(days: 3, staff: staff, demand: demand)).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.coverage == RosterCoverage(required: 9, filled: 3))
        #expect(report.openSlots.count == 6)
        #expect(report.openSlots.allSatisfy { !$0.reason.isEmpty && !$0.reasonVi.isEmpty })
        let officerSlots = report.openSlots.filter { $0.role == "officer" }
        #expect(officerSlots.count == 3 && officerSlots.allSatisfy { $0.code == .noStaffWithRole })
        #expect(report.openSlots.filter { $0.role == "leader" }.allSatisfy { $0.code == .allBlocked })
    }

    @Test("an M-size unit with most leaders on leave returns within its time limit, a reason on every open slot")
    func infeasibleWithinTimeLimit() throws {
        // given six of M's eight leaders away for the second and third weeks
        var instance = try RosterFixtures.benchmark("M")
        let away = (8...21).map { "2027-02-\($0 < 10 ? "0" : "")\($0)" }
        for index in instance.staff.indices where instance.staff[index].role == "leader" {
            if instance.staff[index].id != "l1" && instance.staff[index].id != "l2" {
                instance.staff[index].unavailable = away
            }
        }
        // when
        let clock = ContinuousClock()
        let began = clock.now
        let report = try RosterSolver.solve(instance, seed: 5, timeLimit: .seconds(1)).report
        // then the best cover comes back in time, rule-abiding, and every gap says why
        #expect(clock.now - began < .seconds(3))
        #expect(report.hardViolations.isEmpty)
        #expect(!report.openSlots.isEmpty && report.openSlots.allSatisfy { $0.role == "leader" })
        #expect(report.openSlots.allSatisfy { $0.code == .allBlocked && !$0.blockedBy.isEmpty })
        #expect(report.openSlots.allSatisfy { !$0.reason.isEmpty && !$0.reasonVi.isEmpty })
        #expect(report.coverage.filled > report.coverage.required * 9 / 10)
    }

    @Test("absurd demand and an empty staff list finish quickly without crashing")
    func absurdDemand() throws {
        let demand = [RosterDemand(shift: "D", officer: 100_000)]
        let crowded = RosterFixtures.instance(days: 31, staff: RosterFixtures.officers(3), demand: demand)
        let report = try RosterFixtures.solve(crowded).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.count == 31 && report.coverage.required == 3_100_000)
        let empty = RosterFixtures.instance(days: 366, staff: [], demand: [RosterDemand(shift: "N", leader: 1)])
        #expect(try RosterFixtures.solve(empty).report.openSlots.count == 366)
    }

    @Test("a zero time limit still returns a complete, valid roster at once")
    func zeroTimeLimit() throws {
        let instance = try RosterFixtures.benchmark("M")
        let clock = ContinuousClock()
        let began = clock.now
        let report = try RosterSolver.solve(instance, seed: 3, timeLimit: .zero).report
        #expect(clock.now - began < .seconds(5))
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.allSatisfy { $0.code != .notAssigned })
    }

    @Test("a solution survives a JSON round trip")
    func jsonRoundTrip() throws {
        let solution = try RosterFixtures.solve(try RosterFixtures.benchmark("S"))
        let decoded = try RosterJSON.decodeSolution(from: try RosterJSON.encode(solution))
        #expect(decoded == solution)
    }
}
