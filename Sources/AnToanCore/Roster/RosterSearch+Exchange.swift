/// Block exchange: two people of one role trade all their seats over a few consecutive days.
///
/// When rest rules pack the schedules tightly (as on an instance with more seats than people can cover), single
/// moves and swaps are blocked: someone who started on days keeps the days, and the other the nights. Trading a
/// whole block keeps the rest between its shifts intact and only has to check its edges. The filled seats stay
/// the same, so coverage never changes. Only roles with open seats are tried, where the rest rules have packed
/// the schedules; for the others moves and swaps already reach a spread of one (the benchmark), and trying blocks
/// there only cost time (3-4 times longer solves on L with a year-to-date history).
extension RosterSearch {
    /// The longest block tried, in days.
    static let maxBlockDays = 7

    /// Shifts held before each day: element `d` counts (total, night, weekend/holiday) on days `0..<d`.
    typealias DayCounts = [SIMD3<Int>]

    mutating func exchangeBlocks() -> Bool {
        let short = Set(seats.filter { $0.holder < 0 }.map(\.role))
        guard !short.isEmpty else { return false }
        var changed = false
        var counts = model.members.indices.map(dayCounts)
        for role in RosterRole.allCases where short.contains(role) {
            let group = model.members.indices.filter { model.members[$0].primary == role }
            for (position, one) in group.enumerated() {
                for other in group[(position + 1)...] where apart(one, other) {
                    if timeUp { return changed }
                    for first in 0..<model.days {
                        for end in (first + 1)...min(first + Self.maxBlockDays, model.days) {
                            let given = counts[one][end] &- counts[one][first]
                            let taken = counts[other][end] &- counts[other][first]
                            // Only a trade that moves shifts between the two can make them fairer.
                            guard given != taken, fairnessChange(one, other, taken &- given) < 0,
                                tryExchange(one, other, days: first..<end)
                            else { continue }
                            counts[one] = dayCounts(one)
                            counts[other] = dayCounts(other)
                            changed = true
                        }
                    }
                }
            }
        }
        return changed
    }

    private func dayCounts(_ member: Int) -> DayCounts {
        var counts = DayCounts(repeating: .zero, count: model.days + 1)
        for seat in seatsOf[member] {
            let slot = model.slots[seats[seat].slot]
            counts[slot.day + 1] &+= SIMD3(1, slot.night ? 1 : 0, slot.weekendHoliday ? 1 : 0)
        }
        for day in 0..<model.days { counts[day + 1] &+= counts[day] }
        return counts
    }

    /// Whether the two differ by more than one shift in a count that fairness compares.
    private func apart(_ one: Int, _ other: Int) -> Bool {
        abs(total[one] - total[other]) > 1 || abs(night[one] - night[other]) > 1
            || abs(weekendHoliday[one] - weekendHoliday[other]) > 1
    }

    /// Fairness change if `one` gains `shift` (total, night, weekend/holiday) and `other` loses it.
    private func fairnessChange(_ one: Int, _ other: Int, _ shift: SIMD3<Int>) -> Int {
        fairCost(one, total: shift.x, night: shift.y, weekend: shift.z) - fairCost(one)
            + fairCost(other, total: -shift.x, night: -shift.y, weekend: -shift.z) - fairCost(other)
    }

    /// Trades the two people's seats on `days` when that lowers the objective and every hard rule holds.
    private mutating func tryExchange(_ one: Int, _ other: Int, days: Range<Int>) -> Bool {
        let mine = seatsOf[one].filter { days.contains(model.slots[seats[$0].slot].day) }
        let theirs = seatsOf[other].filter { days.contains(model.slots[seats[$0].slot].day) }
        guard mine.allSatisfy({ isEligible(other, slot: seats[$0].slot, role: seats[$0].role) }),
            theirs.allSatisfy({ isEligible(one, slot: seats[$0].slot, role: seats[$0].role) })
        else { return false }
        var change = 0
        for seat in mine { change += seatCost(other, slot: seats[seat].slot) - seatCost(one, slot: seats[seat].slot) }
        for seat in theirs { change += seatCost(one, slot: seats[seat].slot) - seatCost(other, slot: seats[seat].slot) }
        let shift = SIMD3(theirs.count - mine.count, nights(theirs) - nights(mine), weekends(theirs) - weekends(mine))
        guard change + fairnessChange(one, other, shift) < 0 else { return false }
        for seat in mine + theirs { release(seat) }
        if assignAll(mine, to: other) {
            if assignAll(theirs, to: one) { return true }
            for seat in mine { release(seat) }
        }
        for seat in mine { assign(seat, to: one) }
        for seat in theirs { assign(seat, to: other) }
        return false
    }

    private func nights(_ list: [Int]) -> Int {
        list.filter { model.slots[seats[$0].slot].night }.count
    }

    private func weekends(_ list: [Int]) -> Int {
        list.filter { model.slots[seats[$0].slot].weekendHoliday }.count
    }

    /// Assigns every seat to `member` as long as the hard rules allow; on the first refusal undoes its own
    /// assignments and returns false.
    private mutating func assignAll(_ list: [Int], to member: Int) -> Bool {
        for (count, seat) in list.enumerated() {
            guard canTake(member, slot: seats[seat].slot, role: seats[seat].role) else {
                for done in list[..<count] { release(done) }
                return false
            }
            assign(seat, to: member)
        }
        return true
    }
}
