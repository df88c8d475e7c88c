import Foundation
import Testing

@testable import AnToanCore

@Suite("Patrol schedules, round orders and the checks of a scan")
struct PatrolRulesTests {
    @Test("'every hour from 22:00 to 05:00' gives seven rounds of an hour, past midnight")
    func hourlyNight() {
        // given
        let schedule = PatrolSchedule(kind: .interval, startMinute: 22 * 60, endMinute: 5 * 60, everyMinutes: 60)
        // when
        let rounds = schedule.dailyRounds
        // then
        #expect(schedule.problems.isEmpty && schedule.span == 420)
        #expect(rounds.map(\.start) == (22...28).map { $0 * 60 })
        #expect(rounds.allSatisfy { $0.end - $0.start == 60 })
        #expect(rounds.last?.end == 29 * 60)
    }

    @Test("'3 rounds in the night shift 22:00–06:00' cuts the shift into three windows; a shorter window is kept")
    func roundsPerShift() {
        let three = PatrolSchedule(kind: .rounds, startMinute: 22 * 60, endMinute: 6 * 60, rounds: 3)
        #expect(three.dailyRounds.map { [$0.start, $0.end] } == [[1_320, 1_480], [1_480, 1_640], [1_640, 1_800]])
        let quick = PatrolSchedule(kind: .rounds, startMinute: 22 * 60, endMinute: 6 * 60, rounds: 3, windowMinutes: 30)
        #expect(quick.dailyRounds.map { $0.end - $0.start } == [30, 30, 30])
        // The same start and end: the whole day.
        let allDay = PatrolSchedule(kind: .interval, startMinute: 7 * 60, endMinute: 7 * 60, everyMinutes: 120)
        #expect(allDay.dailyRounds.count == 12)
    }

    @Test("a schedule that cannot be walked names what is wrong and has no rounds")
    func badSchedules() {
        let cases: [(PatrolSchedule, PatrolSchedule.Problem)] = [
            (PatrolSchedule(kind: .interval, startMinute: 1_440, endMinute: 60, everyMinutes: 60), .startTime),
            (PatrolSchedule(kind: .interval, startMinute: 0, endMinute: -5, everyMinutes: 60), .endTime),
            (PatrolSchedule(kind: .interval, startMinute: 0, endMinute: 60, everyMinutes: 5), .interval),
            (PatrolSchedule(kind: .interval, startMinute: 0, endMinute: 60, everyMinutes: 90), .interval),
            (PatrolSchedule(kind: .interval, startMinute: 0, endMinute: 60), .interval),
            (PatrolSchedule(kind: .rounds, startMinute: 0, endMinute: 60, rounds: 0), .roundCount),
            (PatrolSchedule(kind: .rounds, startMinute: 0, endMinute: 60, rounds: 10), .roundCount),
            (PatrolSchedule(kind: .rounds, startMinute: 0, endMinute: 600, rounds: 2, windowMinutes: 400), .window),
        ]
        for (schedule, problem) in cases {
            #expect(schedule.problems.contains(problem), "\(schedule)")
            #expect(schedule.dailyRounds.isEmpty)
        }
    }

    @Test("a random order is the same for the same round, differs between rounds, and keeps every checkpoint")
    func randomOrder() {
        let checkpoints = ["A", "B", "C", "D", "E", "F"]
        let first = PatrolRoundPlan.order(checkpoints, .random, route: "r1", roundStart: 1_800_000_000)
        #expect(first == PatrolRoundPlan.order(checkpoints, .random, route: "r1", roundStart: 1_800_000_000))
        #expect(first.sorted() == checkpoints)
        let orders = Set(
            (0..<24).map { PatrolRoundPlan.order(checkpoints, .random, route: "r1", roundStart: $0 * 3_600) }
        )
        #expect(orders.count > 12)
        #expect(PatrolRoundPlan.order(checkpoints, .fixed, route: "r1", roundStart: 0) == checkpoints)
    }

    // Cổng chính and Nhà xe of a school, 111 m apart north–south.
    static let gate = PatrolScanCheck.Checkpoint(
        id: "gate",
        position: GeoPoint(latitude: 21.0000, longitude: 105.8),
        radius: 30
    )
    static let garage = PatrolScanCheck.Checkpoint(
        id: "garage",
        position: GeoPoint(latitude: 21.0010, longitude: 105.8),
        radius: 30
    )
    static let check = PatrolScanCheck(plan: [gate, garage], order: .fixed, roundEnd: 3_600, minimumGap: 60)

    @Test("a scan in order, in place and at a walking pace has no flag, and its distance is kept")
    func cleanScan() {
        let outcome = Self.check.judge(
            checkpointID: "garage",
            at: 200,
            position: GeoPoint(latitude: 21.00101, longitude: 105.8),
            after: [.init(checkpointID: "gate", at: 0)]
        )
        #expect(outcome.flags.isEmpty)
        #expect(abs((outcome.distance ?? 0) - 1.1) < 0.2)
        #expect(abs(Self.gate.position!.distance(to: Self.garage.position!) - 111.2) < 0.5)
    }

    @Test("too far, too soon, too fast, repeated, out of order and late are each flagged")
    func flags() {
        let far = Self.check.judge(
            checkpointID: "gate",
            at: 10,
            position: GeoPoint(latitude: 21.002, longitude: 105.8),
            after: []
        )
        #expect(far.flags == [.outsideRadius])
        // 111 m in 20 s is 5.6 m/s, and under the 60 s gap.
        let rushed = Self.check.judge(
            checkpointID: "garage",
            at: 20,
            position: nil,
            after: [.init(checkpointID: "gate", at: 0)]
        )
        #expect(rushed.flags == [.tooSoon, .tooFast])
        let again = Self.check.judge(
            checkpointID: "gate",
            at: 400,
            position: nil,
            after: [.init(checkpointID: "gate", at: 0)]
        )
        #expect(again.flags == [.repeated])
        let skipped = Self.check.judge(checkpointID: "garage", at: 100, position: nil, after: [])
        #expect(skipped.flags == [.outOfOrder])
        var free = Self.check
        free.order = .free
        #expect(free.judge(checkpointID: "garage", at: 100, position: nil, after: []).flags.isEmpty)
        let late = Self.check.judge(
            checkpointID: "garage",
            at: 4_000,
            position: nil,
            after: [.init(checkpointID: "gate", at: 0)]
        )
        #expect(late.flags == [.late])
        // A position the phone cannot have is ignored rather than trusted.
        let nonsense = Self.check.judge(
            checkpointID: "gate",
            at: 10,
            position: GeoPoint(latitude: .nan, longitude: 500),
            after: []
        )
        #expect(nonsense.flags.isEmpty && nonsense.distance == nil)
    }

    @Test("a round's tally: on time, late, missing, and a repeat counted once")
    func tally() {
        let tally = PatrolRoundTally(
            plan: ["gate", "garage", "store"],
            scans: [("gate", 10), ("gate", 50), ("garage", 4_000)],
            end: 3_600
        )
        #expect(tally.onTime == ["gate"] && tally.late == ["garage"] && tally.missing == ["store"])
        #expect(!tally.isComplete)
        #expect(PatrolRoundTally(plan: ["gate"], scans: [("gate", 3_600)], end: 3_600).isComplete)
    }
}
