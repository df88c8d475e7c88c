/// Coverage repair: fill open seats directly or by handing one of a person's nearby shifts to someone else.
extension RosterSearch {
    /// How far (in minutes) a blocking shift may lie from the open seat to be worth moving.
    static let ejectionWindow = 8 * RosterModel.minutesPerDay

    mutating func fillOpenSeats(ejecting: Bool) -> Bool {
        var changed = false
        for seat in seats.indices where seats[seat].holder < 0 {
            if let member = bestCandidate(for: seat) {
                assign(seat, to: member)
                changed = true
            } else if ejecting && !timeUp && eject(into: seat) {
                changed = true
            }
        }
        return changed
    }

    /// Frees someone for `seat` by moving one of their shifts to a third person.
    private mutating func eject(into seat: Int) -> Bool {
        let slot = seats[seat].slot
        let role = seats[seat].role
        let start = model.slots[slot].start
        for member in candidates[slot * 2 + role.rawValue] {
            for blocking in seatsOf[member]
            where abs(model.slots[seats[blocking].slot].start - start) <= Self.ejectionWindow {
                release(blocking)
                if canTake(member, slot: slot, role: role), let other = bestCandidate(for: blocking, excluding: member)
                {
                    assign(seat, to: member)
                    assign(blocking, to: other)
                    return true
                }
                assign(blocking, to: member)
            }
        }
        return false
    }
}
