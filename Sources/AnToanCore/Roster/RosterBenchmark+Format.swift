/// The benchmark's printout: one table row per instance, the fleet totals, then PASS/FAIL per target.
extension RosterBenchmarkResult {
    public func lines(timeLimit: Duration) -> [String] {
        let header = [
            "inst", "days", "posts", "staff", "seats", "hard", "open", "leader T/N/W", "officer T/N/W", "time",
        ]
        let table = [header] + rows.map(Self.cells)
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var lines = [
            "Roster benchmark: each instance alone with its own seed, then \(fleet.units) M-size units "
                + "\(fleet.parallelism) at a time; time limit \(Self.seconds(RosterSolver.millis(timeLimit))) per solve.",
            "hard = hard-rule violations, open = open slots (missing seats), spreads T/N/W = max − min of total, night "
                + "and weekend/holiday shifts per role (history included).",
            "",
        ]
        for cells in table {
            let padded = cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }
            lines.append(padded.joined(separator: "  "))
        }
        lines += [
            "",
            "\(fleet.units) M-size units (seed k, 1–3 people with 1–2 extra leave days each): "
                + "\(Self.seconds(fleet.elapsedMillis)) in all, slowest solve \(fleet.slowestMillis) ms; "
                + "\(fleet.withViolations) with hard violations, \(fleet.withOpenSlots) with open slots "
                + "(\(fleet.openSeats) seats).",
            "",
        ]
        lines += targets.map { "\($0.passed ? "PASS" : "FAIL")  \($0.label): \($0.measured)" }
        let missed = targets.filter { !$0.passed }.count
        lines.append(missed == 0 ? "All targets met." : "\(missed) of \(targets.count) targets missed.")
        return lines
    }

    private static func cells(_ row: RosterBenchmarkRow) -> [String] {
        func spreads(_ role: String) -> String {
            guard let fairness = row.fairness.first(where: { $0.role == role }) else { return "–" }
            return "\(fairness.total.spread)/\(fairness.night.spread)/\(fairness.weekendHoliday.spread)"
        }
        return [
            row.name, "\(row.days)", "\(row.posts)", "\(row.staff)", "\(row.seats)", "\(row.hardViolations)",
            "\(row.openSlots) (\(row.openSeats))", spreads("leader"), spreads("officer"), "\(row.solveMillis) ms",
        ]
    }
}
