/// Per-person hard rules, evaluated on each timeline sorted by start time.
extension RosterAudit {
    mutating func checkTimelines() {
        for member in timelines.indices {
            timelines[member].sort { ($0.start, $0.end) < ($1.start, $1.end) }
            checkUnavailable(member)
            checkRest(member)
            checkWeeklyRest(member)
            checkNights(member)
        }
    }

    private mutating func add(_ rule: RosterViolation.Rule, _ member: Int, _ duty: RosterCheckedDuty, _ detail: String)
    {
        violations.append(
            RosterViolation(
                rule: rule,
                staff: model.members[member].id,
                date: model.date(duty.key.day),
                shift: model.shifts[duty.key.shift].id,
                detail: detail
            )
        )
    }

    private func label(_ duty: RosterCheckedDuty) -> String {
        "\(model.shifts[duty.key.shift].id) \(model.date(duty.key.day))"
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : "\(Double(minutes) / 60) h"
    }

    /// True when any minute of the duty falls on one of the person's unavailable dates.
    func onLeave(_ member: Int, start: Int, end: Int) -> Bool {
        let days = model.members[member].unavailable
        return days.contains { day in
            day * RosterModel.minutesPerDay < end && start < (day + 1) * RosterModel.minutesPerDay
        }
    }

    private mutating func checkUnavailable(_ member: Int) {
        for duty in timelines[member] where onLeave(member, start: duty.start, end: duty.end) {
            add(.unavailable, member, duty, "\(model.members[member].id) is unavailable during \(label(duty))")
        }
    }

    private mutating func checkRest(_ member: Int) {
        let duties = timelines[member]
        for (index, first) in duties.enumerated() {
            for second in duties[(index + 1)...] {
                if second.start >= first.end + model.minRest { break }
                if second.start < first.end {
                    add(.overlap, member, second, "\(label(first)) and \(label(second)) overlap")
                } else {
                    let rest = Self.hours(second.start - first.end)
                    let needed = Self.hours(model.minRest)
                    add(
                        .minRest,
                        member,
                        second,
                        "only \(rest) rest after \(label(first)); at least \(needed) required"
                    )
                }
            }
        }
    }

    /// Week k is [start + 7k days, start + 7k + 7 days); time after the period counts as free.
    private mutating func checkWeeklyRest(_ member: Int) {
        let week = RosterModel.minutesPerWeek
        let duties = timelines[member]
        guard !duties.isEmpty else { return }
        for window in 0..<((model.days + 6) / 7) {
            let from = window * week
            let gap = Self.longestGap(duties, from: from, to: from + week)
            guard gap < model.weeklyRest, let first = duties.first(where: { $0.end > from && $0.start < from + week })
            else { continue }
            let detail =
                "longest rest in the week from \(model.date(window * 7)) is \(Self.hours(gap)); "
                + "at least \(Self.hours(model.weeklyRest)) required"
            add(.weeklyRest, member, first, detail)
        }
    }

    static func longestGap(_ duties: [RosterCheckedDuty], from: Int, to: Int) -> Int {
        var cursor = from
        var best = 0
        for duty in duties where duty.end > from && duty.start < to {
            best = max(best, duty.start - cursor)
            cursor = max(cursor, min(duty.end, to))
        }
        return max(best, to - cursor)
    }

    private mutating func checkNights(_ member: Int) {
        let nights = Set(timelines[member].filter(\.night).map(\.key.day)).sorted()
        for run in Self.nightRuns(nights) where run.count > model.maxNights {
            guard let duty = timelines[member].first(where: { $0.night && $0.key.day == run.first }) else { continue }
            add(
                .maxConsecutiveNights,
                member,
                duty,
                "\(run.count) nights in a row from \(model.date(run.first)); at most \(model.maxNights) allowed"
            )
        }
    }

    /// Maximal runs of consecutive days in a sorted list of distinct days.
    static func nightRuns(_ days: [Int]) -> [(first: Int, count: Int)] {
        var runs: [(first: Int, count: Int)] = []
        for day in days {
            if let last = runs.last, last.first + last.count == day {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((day, 1))
            }
        }
        return runs
    }
}
