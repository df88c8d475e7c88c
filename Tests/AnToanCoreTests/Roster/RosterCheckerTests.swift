import AnToanCore
import Testing

/// A hand-written assignment list and the one violation the checker must find in it.
struct CheckerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let assignments: [RosterAssignment]
    let rule: RosterViolation.Rule

    var testDescription: String { name }
}

@Suite("Roster checker")
struct RosterCheckerTests {
    /// Two posts, one leader and three officers (o3 only at post a, o2 away on 2027-03-04), eight days.
    static let instance = RosterFixtures.instance(
        days: 8,
        staff: [
            RosterStaff(id: "l1", role: "leader"), RosterStaff(id: "o1", role: "officer"),
            RosterStaff(id: "o2", role: "officer", unavailable: ["2027-03-04"]),
            RosterStaff(id: "o3", role: "officer", posts: ["a"]),
        ],
        demand: [
            RosterDemand(shift: "D", post: "a", leader: 1, officer: 1), RosterDemand(shift: "N", post: "a", officer: 1),
            RosterDemand(shift: "D", post: "b", officer: 1),
        ],
        posts: ["a", "b"]
    )

    static func duty(
        _ day: Int,
        _ shift: String,
        _ staff: String,
        post: String = "a",
        role: String? = nil
    )
        -> RosterAssignment
    {
        RosterAssignment(date: "2027-03-0\(day)", shift: shift, staff: staff, post: post, role: role)
    }

    static let cases: [CheckerCase] = [
        CheckerCase(name: "overlap", assignments: [duty(1, "D", "o1"), duty(1, "D", "o1", post: "b")], rule: .overlap),
        CheckerCase(name: "minimum rest", assignments: [duty(1, "D", "o1"), duty(1, "N", "o1")], rule: .minRest),
        CheckerCase(name: "weekly rest", assignments: (1...7).map { duty($0, "D", "o1") }, rule: .weeklyRest),
        CheckerCase(name: "unavailable", assignments: [duty(3, "N", "o2")], rule: .unavailable),
        CheckerCase(
            name: "consecutive nights",
            assignments: (1...4).map { duty($0, "N", "o1") },
            rule: .maxConsecutiveNights
        ),
        CheckerCase(name: "role mismatch", assignments: [duty(1, "D", "o1", role: "leader")], rule: .roleMismatch),
        CheckerCase(name: "post not allowed", assignments: [duty(1, "D", "o3", post: "b")], rule: .postNotAllowed),
        CheckerCase(name: "over coverage", assignments: [duty(1, "D", "o1"), duty(1, "D", "o2")], rule: .overCoverage),
        CheckerCase(name: "duplicate", assignments: [duty(1, "D", "o1"), duty(1, "D", "o1")], rule: .duplicate),
        CheckerCase(name: "unknown staff", assignments: [duty(1, "D", "o9")], rule: .invalidAssignment),
        CheckerCase(
            name: "date outside the period",
            assignments: [RosterAssignment(date: "2027-04-01", shift: "D", staff: "o1", post: "a")],
            rule: .invalidAssignment
        ),
    ]

    @Test("the checker flags each kind of hard violation", arguments: cases)
    func detectsViolation(_ example: CheckerCase) {
        let report = RosterChecker.report(instance: Self.instance, assignments: example.assignments)
        #expect(report.hardViolations.map(\.rule) == [example.rule])
    }

    @Test("a valid hand-made roster has no violations")
    func acceptsValidRoster() {
        let assignments = [
            Self.duty(1, "D", "l1"), Self.duty(1, "D", "o1"), Self.duty(1, "D", "o2", post: "b"),
            Self.duty(1, "N", "o3"),
        ]
        let report = RosterChecker.report(instance: Self.instance, assignments: assignments)
        #expect(report.hardViolations.isEmpty)
        #expect(report.coverage.filled == 4)
    }

    @Test("the solver's report is exactly what the checker says about its assignments")
    func solverReportComesFromChecker() throws {
        let solution = try RosterFixtures.solve(Self.instance)
        let checked = RosterChecker.report(instance: Self.instance, assignments: solution.assignments)
        #expect(RosterFixtures.untimed(solution).report == checked)
    }

    @Test("an invalid instance is reported, not crashed on")
    func invalidInstanceReport() {
        var broken = Self.instance
        broken.days = 0
        let report = RosterChecker.report(instance: broken, assignments: [])
        #expect(report.hardViolations.map(\.rule) == [.invalidInstance])
    }
}
