/// One target of issue 4 and whether the run met it.
public struct RosterBenchmarkTarget: Sendable, Equatable {
    public var label: String
    public var measured: String
    public var passed: Bool

    public init(label: String, measured: String, passed: Bool) {
        self.label = label
        self.measured = measured
        self.passed = passed
    }
}

extension RosterBenchmarkResult {
    /// Largest allowed total and night spread on S and M.
    public static let maxSpread = 1
    public static let mediumLimitMillis = 1_000
    /// 60 s for 1,000 units, scaled when the fleet has another size.
    public static let fleetMillisPerUnit = 60

    /// 0 hard violations anywhere; spread ≤ 1 (total and night) on S and M; M under 1 s; the fleet under 60 s.
    public var targets: [RosterBenchmarkTarget] {
        let violations = rows.map { "\($0.name) \($0.hardViolations)" } + ["units \(fleet.withViolations)"]
        var targets = [
            RosterBenchmarkTarget(
                label: "no hard violations (\((rows.map(\.name) + ["\(fleet.units) units"]).joined(separator: ", ")))",
                measured: violations.joined(separator: ", "),
                passed: rows.allSatisfy { $0.hardViolations == 0 } && fleet.withViolations == 0
            )
        ]
        for name in ["S", "M"] {
            let row = row(name)
            targets.append(
                RosterBenchmarkTarget(
                    label: "\(name): total and night spread ≤ \(Self.maxSpread) for every role",
                    measured: row.map { "largest \($0.worstSpread)" } ?? "not run",
                    passed: row.map { $0.worstSpread <= Self.maxSpread } ?? false
                )
            )
        }
        let medium = row("M")
        targets.append(
            RosterBenchmarkTarget(
                label: "M solved in under \(Self.seconds(Self.mediumLimitMillis))",
                measured: medium.map { "\($0.solveMillis) ms" } ?? "not run",
                passed: medium.map { $0.solveMillis < Self.mediumLimitMillis } ?? false
            )
        )
        let fleetLimit = fleet.units * Self.fleetMillisPerUnit
        targets.append(
            RosterBenchmarkTarget(
                label: "\(fleet.units) M-size units in under \(Self.seconds(fleetLimit))",
                measured: Self.seconds(fleet.elapsedMillis),
                passed: fleet.units > 0 && fleet.elapsedMillis < fleetLimit
            )
        )
        return targets
    }

    public var passed: Bool {
        targets.allSatisfy(\.passed)
    }

    /// "0.4 s", "41.3 s", "60 s".
    static func seconds(_ millis: Int) -> String {
        let tenths = (millis + 50) / 100
        return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
    }
}
