/// Independent verifier: recomputes violations, open slots, fairness and loads from a plain assignment list.
public enum RosterChecker {
    public static func report(instance: RosterInstance, assignments: [RosterAssignment]) -> RosterReport {
        do {
            return report(model: try RosterModel(instance), assignments: assignments)
        } catch {
            return RosterReport(hardViolations: [RosterViolation(rule: .invalidInstance, detail: "\(error)")])
        }
    }

    static func report(model: RosterModel, assignments: [RosterAssignment]) -> RosterReport {
        var audit = RosterAudit(model: model)
        for (index, assignment) in assignments.enumerated() {
            audit.record(assignment, at: index)
        }
        audit.checkTimelines()
        return audit.makeReport()
    }
}

/// One assignment as the checker understands it, timed from the shift template (not from solver state).
struct RosterCheckedDuty: Sendable {
    let key: RosterSlotKey
    let role: RosterRole
    let start: Int
    let end: Int
    let night: Bool
}

/// Working state of one `RosterChecker` run.
struct RosterAudit {
    let model: RosterModel
    var violations: [RosterViolation] = []
    var timelines: [[RosterCheckedDuty]]
    var filled: [RosterSlotKey: [Int]] = [:]
    var seen: Set<SeenKey> = []

    /// A person on a slot, to catch the same assignment listed twice.
    struct SeenKey: Hashable {
        let key: RosterSlotKey
        let member: Int
    }

    init(model: RosterModel) {
        self.model = model
        timelines = Array(repeating: [], count: model.members.count)
    }

    mutating func record(_ entry: RosterAssignment, at index: Int) {
        func invalid(_ why: String) {
            violations.append(
                RosterViolation(
                    rule: .invalidAssignment,
                    staff: entry.staff,
                    date: entry.date,
                    shift: entry.shift,
                    detail: "assignments[\(index)]: \(why)"
                )
            )
        }
        guard let date = RosterDay(iso: entry.date), (0..<model.days).contains(date.ordinal - model.startDay.ordinal)
        else { return invalid("date \(entry.date) is not in the roster period") }
        guard let shiftIndex = model.shiftIndex[entry.shift] else { return invalid("unknown shift \(entry.shift)") }
        guard let member = model.memberIndex[entry.staff] else { return invalid("unknown staff \(entry.staff)") }
        let shift = model.shifts[shiftIndex]
        guard let post = entry.post.map({ model.postIndex[$0] }) ?? shift.post ?? 0 else {
            return invalid("unknown post \(entry.post ?? "")")
        }
        if let bound = shift.post, bound != post {
            return invalid("shift \(entry.shift) belongs to post \(model.posts[bound])")
        }
        guard let role = entry.role.map({ RosterRole(name: $0) }) ?? model.members[member].primary else {
            return invalid("unknown role \(entry.role ?? "")")
        }
        let day = date.ordinal - model.startDay.ordinal
        let key = RosterSlotKey(day: day, shift: shiftIndex, post: post)
        func flag(_ rule: RosterViolation.Rule, _ detail: String) {
            violations.append(
                RosterViolation(rule: rule, staff: entry.staff, date: entry.date, shift: entry.shift, detail: detail)
            )
        }
        guard seen.insert(SeenKey(key: key, member: member)).inserted else {
            return flag(.duplicate, "\(entry.staff) is listed twice on \(entry.shift) \(entry.date)")
        }
        if !model.members[member].has(role) {
            flag(.roleMismatch, "\(entry.staff) does not hold the role \(role.name)")
        }
        if !model.members[member].posts[post] {
            flag(.postNotAllowed, "\(entry.staff) may not serve at post \(model.posts[post])")
        }
        let need = model.slotIndex[key].map { model.slots[$0].need(role) } ?? 0
        var counts = filled[key] ?? [0, 0]
        counts[role.rawValue] += 1
        filled[key] = counts
        if counts[role.rawValue] > need {
            flag(.overCoverage, "\(role.name) #\(counts[role.rawValue]) at \(model.posts[post]); demand is \(need)")
        }
        let start = day * RosterModel.minutesPerDay + shift.startMinute
        timelines[member].append(
            RosterCheckedDuty(key: key, role: role, start: start, end: start + shift.minutes, night: shift.night)
        )
    }

    func makeReport() -> RosterReport {
        var report = RosterReport(hardViolations: violations)
        var required = 0
        var covered = 0
        for (index, slot) in model.slots.enumerated() {
            let key = RosterSlotKey(day: slot.day, shift: slot.shift, post: slot.post)
            for role in RosterRole.allCases where slot.need(role) > 0 {
                let have = min(filled[key]?[role.rawValue] ?? 0, slot.need(role))
                required += slot.need(role)
                covered += have
                if have < slot.need(role) {
                    report.openSlots.append(openSlot(index, role: role, missing: slot.need(role) - have))
                }
            }
        }
        report.coverage = RosterCoverage(required: required, filled: covered)
        addFairness(to: &report)
        return report
    }
}
