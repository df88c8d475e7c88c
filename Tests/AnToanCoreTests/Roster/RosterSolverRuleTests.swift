import AnToanCore
import Testing

@Suite("Roster solver hard rules")
struct RosterSolverRuleTests {
    @Test("leader slots go only to leaders; an officer never stands in")
    func leaderSlotsNeedLeaders() throws {
        let staff = [
            RosterStaff(id: "l1", role: "leader", unavailable: ["2027-03-02"]),
            RosterStaff(id: "o1", role: "officer"), RosterStaff(id: "o2", role: "officer"),
        ]
        let instance = RosterFixtures.instance(days: 3, staff: staff, demand: [RosterDemand(shift: "D", leader: 1)])
        let solution = try RosterFixtures.solve(instance)
        let report = solution.report
        #expect(solution.assignments.allSatisfy { $0.staff == "l1" && $0.role == "leader" })
        #expect(report.hardViolations.isEmpty)
        let open = try #require(report.openSlots.first)
        #expect(report.openSlots.count == 1)
        #expect(open.date == "2027-03-02" && open.role == "leader" && open.code == .allBlocked)
        #expect(open.blockedBy == ["onLeave": 1])
        #expect(open.reason.hasPrefix("no leader available: all on leave"))
        #expect(open.reasonVi.contains("nghỉ phép"))
    }

    @Test("staff listing both roles may fill a leader slot")
    func dualRoleFillsLeaderSlot() throws {
        let staff = [RosterStaff(id: "x", role: "officer", roles: ["leader", "officer"])]
        let instance = RosterFixtures.instance(days: 1, staff: staff, demand: [RosterDemand(shift: "D", leader: 1)])
        let solution = try RosterFixtures.solve(instance)
        #expect(
            solution.assignments == [
                RosterAssignment(date: "2027-03-01", shift: "D", staff: "x", post: "main", role: "leader")
            ]
        )
        #expect(solution.report.openSlots.isEmpty)
    }

    @Test("nobody works two overlapping shifts at different posts")
    func noOverlap() throws {
        let demand = [RosterDemand(shift: "D", post: "a", officer: 1), RosterDemand(shift: "D", post: "b", officer: 1)]
        let instance = RosterFixtures.instance(
            days: 1,
            staff: RosterFixtures.officers(1),
            demand: demand,
            posts: ["a", "b"]
        )
        let report = try RosterFixtures.solve(instance).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.map(\.blockedBy) == [["onOtherShift": 1]])
        #expect(report.coverage == RosterCoverage(required: 2, filled: 1))
    }

    @Test("12 h rest between shifts: the night keeps its officer and the day is one short")
    func minimumRest() throws {
        let demand = [RosterDemand(shift: "D", officer: 2), RosterDemand(shift: "N", officer: 1)]
        let instance = RosterFixtures.instance(days: 1, staff: RosterFixtures.officers(2), demand: demand)
        let report = try RosterFixtures.solve(instance).report
        #expect(report.hardViolations.isEmpty)
        let open = try #require(report.openSlots.first)
        #expect(report.openSlots.count == 1)
        #expect(open.shift == "D" && open.missing == 1 && open.blockedBy == ["alreadyOnSlot": 1, "resting": 1])
    }

    @Test("a stricter rest rule (16 h) forbids back-to-back day shifts")
    func raisedMinimumRest() throws {
        let demand = [RosterDemand(shift: "D", officer: 1)]
        let relaxed = RosterFixtures.instance(days: 2, staff: RosterFixtures.officers(1), demand: demand)
        #expect(try RosterFixtures.solve(relaxed).report.openSlots.isEmpty)
        var strict = relaxed
        strict.rules = RosterRules(minRestHours: 16)
        let report = try RosterFixtures.solve(strict).report
        #expect(report.openSlots.map(\.date) == ["2027-03-02"])
        #expect(report.openSlots.first?.blockedBy == ["resting": 1])
    }

    @Test("24 h weekly rest: one person cannot take seven day shifts in one week")
    func weeklyRest() throws {
        let demand = [RosterDemand(shift: "D", officer: 1)]
        let instance = RosterFixtures.instance(days: 7, staff: RosterFixtures.officers(1), demand: demand)
        let report = try RosterFixtures.solve(instance).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.coverage == RosterCoverage(required: 7, filled: 6))
        #expect(report.openSlots.first?.blockedBy == ["weeklyRest": 1])
    }

    @Test("an unavailable date also blocks the night shift that runs into it")
    func unavailableBlocksOverlappingNight() throws {
        let staff = [RosterStaff(id: "l1", role: "leader", unavailable: ["2027-03-02"])]
        let demand = [RosterDemand(date: "2027-03-01", shift: "N", leader: 1)]
        let report = try RosterFixtures.solve(RosterFixtures.instance(days: 2, staff: staff, demand: demand)).report
        #expect(report.openSlots.count == 1)
        #expect(report.openSlots.first?.blockedBy == ["onLeave": 1])
    }

    @Test("at most three nights in a row")
    func consecutiveNights() throws {
        let demand = [RosterDemand(shift: "N", officer: 1)]
        let instance = RosterFixtures.instance(days: 5, staff: RosterFixtures.officers(1), demand: demand)
        let report = try RosterFixtures.solve(instance).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.map(\.date) == ["2027-03-04"])
        #expect(report.openSlots.first?.blockedBy == ["nightLimit": 1])
    }

    @Test("a stricter night limit (two) leaves the third night open")
    func raisedNightLimit() throws {
        let demand = [RosterDemand(shift: "N", officer: 1)]
        var instance = RosterFixtures.instance(days: 3, staff: RosterFixtures.officers(1), demand: demand)
        instance.rules = RosterRules(maxConsecutiveNights: 2)
        let report = try RosterFixtures.solve(instance).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.map(\.date) == ["2027-03-03"])
        #expect(report.openSlots.first?.blockedBy == ["nightLimit": 1])
    }

    @Test("staff limited to some posts are never rostered elsewhere")
    func postEligibility() throws {
        let staff = [RosterStaff(id: "o1", role: "officer", posts: ["a"]), RosterStaff(id: "o2", role: "officer")]
        let demand = [RosterDemand(shift: "D", post: "a", officer: 1), RosterDemand(shift: "D", post: "b", officer: 1)]
        let instance = RosterFixtures.instance(days: 4, staff: staff, demand: demand, posts: ["a", "b"])
        let solution = try RosterFixtures.solve(instance)
        #expect(solution.report.openSlots.isEmpty && solution.report.hardViolations.isEmpty)
        #expect(solution.assignments.filter { $0.staff == "o1" }.allSatisfy { $0.post == "a" })
    }
}
