/// Fairness spreads, per-person loads and the soft-goal counts of a report.
extension RosterAudit {
    func addFairness(to report: inout RosterReport) {
        var counts = model.members.map { _ in [0, 0, 0] }
        var minutes = model.members.map { _ in 0 }
        for (member, duties) in timelines.enumerated() {
            for duty in duties {
                counts[member][0] += 1
                counts[member][1] += duty.night ? 1 : 0
                counts[member][2] += model.isWeekendHoliday(duty.key.day) ? 1 : 0
                minutes[member] += duty.end - duty.start
                let person = model.members[member]
                if person.avoidDays.contains(duty.key.day) || person.avoidShifts.contains(duty.key.shift) {
                    report.preferenceBreaches += 1
                }
            }
        }
        for role in RosterRole.allCases {
            let group = model.members.indices.filter { model.members[$0].primary == role }
            guard !group.isEmpty else { continue }
            func spread(_ metric: Int) -> RosterSpread {
                RosterSpread(values: group.map { counts[$0][metric] + model.members[$0].history[metric] })
            }
            report.fairness.append(
                RosterFairness(
                    role: role.name,
                    people: group.count,
                    total: spread(0),
                    night: spread(1),
                    weekendHoliday: spread(2)
                )
            )
        }
        report.load = model.members.indices.map { member in
            RosterStaffLoad(
                staff: model.members[member].id,
                role: model.members[member].primary.name,
                total: counts[member][0],
                night: counts[member][1],
                weekendHoliday: counts[member][2],
                hours: Double(minutes[member]) / 60
            )
        }
        report.previousTotal = model.previous.count
        report.previousKept =
            model.previous.filter { entry in
                let slot = model.slots[entry.slot]
                let key = RosterSlotKey(day: slot.day, shift: slot.shift, post: slot.post)
                return timelines[entry.member].contains { $0.key == key && $0.role == entry.role }
            }.count
    }
}
