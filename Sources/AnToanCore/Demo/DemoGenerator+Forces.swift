extension DemoGenerator.Builder {
    /// Memberships per slot: the guard force, self-defence (agencies, banks, medium and large enterprises) and,
    /// in about half of the units, a self-managed ANTT team of seven.
    mutating func forces(
        _ plan: UnitPlan,
        slots: [StaffSlot],
        people: [DemoPerson],
        random: inout DemoRandom
    ) -> [[DemoMembership]] {
        var memberships = Array(repeating: [DemoMembership](), count: slots.count)
        let guards = slots.indices.filter { slots[$0].role == .guardian }
        for (order, index) in guards.enumerated() {
            memberships[index].append(guardMembership(leader: order == 0, random: &random))
        }
        if plan.hasSelfDefence {
            addSelfDefence(slots: slots, people: people, into: &memberships, random: &random)
        }
        // The head sets the team up by decision and stays outside it, so a team needs eight people in the unit.
        if slots.count >= 8 && random.chance(50) {
            let start = today.adding(days: -random.int(30...1_100))
            let leader = 1
            let deputy = guards.first ?? 2
            let others = random.sample(slots.indices.filter { $0 != 0 && $0 != leader && $0 != deputy }, 5)
            let team = [(leader, ForceRole.leader), (deputy, .deputy)] + others.map { ($0, ForceRole.member) }
            for (index, role) in team {
                memberships[index].append(
                    DemoMembership(
                        force: .anttTeam,
                        role: role,
                        start: start,
                        end: nil,
                        certificateNumber: nil,
                        certificateIssued: nil
                    )
                )
            }
        }
        return memberships
    }

    /// Certificates are valid five years; issue dates spread over six years so some have lapsed, and every
    /// twelfth guard is placed to expire within the next 90 days so the reminder list is never empty.
    private mutating func guardMembership(leader: Bool, random: inout DemoRandom) -> DemoMembership {
        guardSerial += 1
        let issued: SolarDate
        if guardSerial % 12 == 5 {
            issued = DemoFormat.adding(years: -5, to: today.adding(days: random.int(1...90)))
        } else {
            issued = today.adding(days: -random.below(6 * 365 + 1))
        }
        let number = "GCN-\(UnitCatalog.provinceCode)-\(issued.year)-\(DemoFormat.pad(guardSerial, 5))"
        return DemoMembership(
            force: .protection,
            role: leader ? .leader : .member,
            start: issued.adding(days: -random.below(90)),
            end: nil,
            certificateNumber: number,
            certificateIssued: issued
        )
    }

    /// A squad or two of eligible staff (men up to 45, women up to 40, guards included) on four-year terms.
    private mutating func addSelfDefence(
        slots: [StaffSlot],
        people: [DemoPerson],
        into memberships: inout [[DemoMembership]],
        random: inout DemoRandom
    ) {
        let candidates = slots.indices.filter { index in
            let age = today.year - people[index].birthYear
            return slots[index].role != .head && age <= (people[index].male ? 45 : 40)
        }
        guard candidates.count >= 3 else { return }
        let size = min(candidates.count, max(4, min(30, slots.count / 3)))
        for (order, index) in random.sample(candidates, size).enumerated() {
            selfDefenceSerial += 1
            let start: SolarDate
            let end: SolarDate
            if selfDefenceSerial % 10 == 4 {
                end = today.adding(days: random.int(1...90))
                start = DemoFormat.adding(years: -4, to: end)
            } else {
                start = today.adding(days: -random.below(4 * 365 - 90))
                end = DemoFormat.adding(years: 4, to: start)
            }
            if random.chance(15) {
                memberships[index].append(term(.member, start: DemoFormat.adding(years: -4, to: start), end: start))
            }
            let role: ForceRole = order == 0 ? .leader : order == 1 && size >= 8 ? .deputy : .member
            memberships[index].append(term(role, start: start, end: end))
        }
    }

    private func term(_ role: ForceRole, start: SolarDate, end: SolarDate) -> DemoMembership {
        DemoMembership(
            force: .selfDefence,
            role: role,
            start: start,
            end: end,
            certificateNumber: nil,
            certificateIssued: nil
        )
    }
}
