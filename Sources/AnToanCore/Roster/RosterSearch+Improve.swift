/// Local search: fill open seats, then move, swap and exchange seats while the objective drops and hard rules hold.
extension RosterSearch {
    static let maxRounds = 200

    mutating func improve() {
        for _ in 0..<Self.maxRounds {
            if timeUp { break }
            var changed = fillOpenSeats(ejecting: true)
            changed = moveSeats() || changed
            changed = swapSeats() || changed
            // Only when single moves are stuck: trade blocks of days, which tight rest rules call for.
            if !changed { changed = exchangeBlocks() }
            if !changed { break }
        }
        // Cheap final pass even after the deadline: never leave a free person beside an open seat.
        _ = fillOpenSeats(ejecting: false)
    }

    /// Gives a seat to someone else when that lowers the objective.
    mutating func moveSeats() -> Bool {
        var changed = false
        for seat in shuffledSeats() {
            if timeUp { break }
            let holder = seats[seat].holder
            guard holder >= 0 else { continue }
            let slot = seats[seat].slot
            let role = seats[seat].role
            let removal = delta(holder, slot: slot, sign: -1)
            let list = candidates[slot * 2 + role.rawValue]
            let offset = random.below(list.count)
            for step in list.indices {
                let member = list[(step + offset) % list.count]
                guard member != holder, removal + delta(member, slot: slot, sign: 1) < 0,
                    canTake(member, slot: slot, role: role)
                else { continue }
                release(seat)
                assign(seat, to: member)
                changed = true
                break
            }
        }
        return changed
    }

    /// Exchanges two people's seats, which rebalances nights and weekends without changing totals.
    mutating func swapSeats() -> Bool {
        var changed = false
        for first in shuffledSeats() {
            if timeUp { break }
            for second in seats.indices where second != first {
                let one = seats[first]
                let two = seats[second]
                guard one.holder >= 0, two.holder >= 0, one.holder != two.holder, one.slot != two.slot,
                    isEligible(one.holder, slot: two.slot, role: two.role),
                    isEligible(two.holder, slot: one.slot, role: one.role),
                    exchangeDelta(one.holder, gives: one.slot, takes: two.slot)
                        + exchangeDelta(two.holder, gives: two.slot, takes: one.slot) < 0
                else { continue }
                if trySwap(first, second) {
                    changed = true
                    break
                }
            }
        }
        return changed
    }

    private mutating func trySwap(_ first: Int, _ second: Int) -> Bool {
        let one = seats[first]
        let two = seats[second]
        release(first)
        release(second)
        if canTake(one.holder, slot: two.slot, role: two.role) && canTake(two.holder, slot: one.slot, role: one.role) {
            assign(first, to: two.holder)
            assign(second, to: one.holder)
            return true
        }
        assign(first, to: one.holder)
        assign(second, to: two.holder)
        return false
    }

    private mutating func shuffledSeats() -> [Int] {
        var order = Array(seats.indices)
        random.shuffle(&order)
        return order
    }
}
