import AnToanCore
import Testing

@Suite("Roster hand edits")
struct RosterEditTests {
    static let instance = RosterCheckerTests.instance
    static let duty = RosterCheckerTests.duty

    @Test(
        "an edit is refused for what it breaks",
        arguments: [
            // o1 already stands D at post a on day 1: putting o1 on D at post b overlaps.
            (RosterCheckerTests.duty(1, "D", "o1", post: "b", role: "officer"), RosterViolation.Rule.overlap),
            // o1 stands D on day 1; N on day 1 starts when D ends: no rest.
            (RosterCheckerTests.duty(1, "N", "o1", role: "officer"), .minRest),
            // o1 is an officer, not a leader.
            (RosterCheckerTests.duty(2, "D", "o1", role: "leader"), .roleMismatch),
            // o2 is away on 4 March.
            (RosterCheckerTests.duty(4, "D", "o2", role: "officer"), .unavailable),
        ]
    )
    func refused(edit: RosterAssignment, rule: RosterViolation.Rule) {
        // given
        let before = [Self.duty(1, "D", "o1", "a", "officer"), Self.duty(1, "D", "l1", "a", "leader")]
        // when
        let fresh = RosterChecker.newViolations(instance: Self.instance, before: before, after: before + [edit])
        // then
        #expect(fresh.map(\.rule).contains(rule), "\(fresh)")
        #expect(!rule.vietnamese.isEmpty && !rule.english.isEmpty)
    }

    @Test("an edit that breaks nothing new passes, even on a roster that already had a problem")
    func passes() {
        // given: o2 on leave on 4 March is an old problem
        let before = [Self.duty(4, "D", "o2", "a", "officer"), Self.duty(2, "D", "o1", "a", "officer")]
        // when: day 2's seat goes from o1 to o3
        let after = [Self.duty(4, "D", "o2", "a", "officer"), Self.duty(2, "D", "o3", "a", "officer")]
        // then
        #expect(RosterChecker.newViolations(instance: Self.instance, before: before, after: after).isEmpty)
    }
}
