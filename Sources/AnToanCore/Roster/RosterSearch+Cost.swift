/// Soft objective: squared distance from the role's fair share plus preference and stability terms (integers only).
extension RosterSearch {
    static let scale = 4
    static let totalWeight = 4
    static let nightWeight = 3
    static let weekendWeight = 2
    /// Below one step of total-shift fairness (2·scale²·totalWeight = 128): fairness wins over wishes.
    static let avoidPenalty = 100
    /// Keeping a published assignment outweighs several steps of fairness.
    static let stabilityBonus = 1000

    /// Fair share per primary role, scaled: (history of the group + seats of that role) / people.
    func computeTargets() -> [[Int]] {
        RosterRole.allCases.map { role in
            let group = model.members.indices.filter { model.members[$0].primary == role }
            guard !group.isEmpty else { return [0, 0, 0] }
            var sums = [0, 0, 0]
            for member in group {
                for metric in 0..<3 { sums[metric] += model.members[member].history[metric] }
            }
            for seat in seats where seat.role == role {
                let slot = model.slots[seat.slot]
                sums[0] += 1
                sums[1] += slot.night ? 1 : 0
                sums[2] += slot.weekendHoliday ? 1 : 0
            }
            return sums.map { (Self.scale * $0 * 2 + group.count) / (2 * group.count) }
        }
    }

    func fairCost(
        _ member: Int,
        total deltaTotal: Int = 0,
        night deltaNight: Int = 0,
        weekend deltaWeekend: Int = 0
    )
        -> Int
    {
        let target = targets[model.members[member].primary.rawValue]
        let totalGap = Self.scale * (total[member] + deltaTotal) - target[0]
        let nightGap = Self.scale * (night[member] + deltaNight) - target[1]
        let weekendGap = Self.scale * (weekendHoliday[member] + deltaWeekend) - target[2]
        return Self.totalWeight * totalGap * totalGap + Self.nightWeight * nightGap * nightGap
            + Self.weekendWeight * weekendGap * weekendGap
    }

    func seatCost(_ member: Int, slot index: Int) -> Int {
        var cost = model.avoids(member, slot: model.slots[index]) ? Self.avoidPenalty : 0
        if previousAt[member * model.slots.count + index] { cost -= Self.stabilityBonus }
        return cost
    }

    /// Objective change if `member` takes (`sign` = 1) or gives up (`sign` = -1) the slot.
    func delta(_ member: Int, slot index: Int, sign: Int) -> Int {
        let slot = model.slots[index]
        let after = fairCost(
            member,
            total: sign,
            night: slot.night ? sign : 0,
            weekend: slot.weekendHoliday ? sign : 0
        )
        return after - fairCost(member) + sign * seatCost(member, slot: index)
    }

    /// Objective change if `member` gives up slot `given` and takes slot `taken` instead.
    func exchangeDelta(_ member: Int, gives given: Int, takes taken: Int) -> Int {
        let old = model.slots[given]
        let new = model.slots[taken]
        let nightChange = (new.night ? 1 : 0) - (old.night ? 1 : 0)
        let weekendChange = (new.weekendHoliday ? 1 : 0) - (old.weekendHoliday ? 1 : 0)
        var change = seatCost(member, slot: taken) - seatCost(member, slot: given)
        if nightChange != 0 || weekendChange != 0 {
            change += fairCost(member, night: nightChange, weekend: weekendChange) - fairCost(member)
        }
        return change
    }
}
