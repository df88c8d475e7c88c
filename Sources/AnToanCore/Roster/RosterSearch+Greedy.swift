/// Construction: keep still-valid published assignments, then fill seats in chronological order.
extension RosterSearch {
    mutating func pinPrevious() {
        for entry in model.previous {
            let range = seatRange[entry.slot * 2 + entry.role.rawValue]
            guard let seat = range.first(where: { seats[$0].holder < 0 }),
                canTake(entry.member, slot: entry.slot, role: entry.role)
            else { continue }
            assign(seat, to: entry.member)
        }
    }

    /// Cheapest feasible person per seat, in time order. Always runs to the end (it is linear in seats × staff)
    /// so even a tiny time limit yields a full roster; the random key only breaks ties.
    mutating func fillGreedily() {
        for seat in seats.indices where seats[seat].holder < 0 {
            if let member = bestCandidate(for: seat) { assign(seat, to: member) }
        }
    }

    mutating func bestCandidate(for seat: Int, excluding excluded: Int = -1) -> Int? {
        let slot = seats[seat].slot
        let role = seats[seat].role
        var best: Int?
        var bestKey = (Int.max, UInt64.max)
        for member in candidates[slot * 2 + role.rawValue] where member != excluded {
            let key = (delta(member, slot: slot, sign: 1), random.next())
            if key < bestKey && canTake(member, slot: slot, role: role) {
                best = member
                bestKey = key
            }
        }
        return best
    }

    func assignments() -> [RosterAssignment] {
        var result: [RosterAssignment] = []
        var index = 0
        while index < seats.count {
            // Seats of one slot and role are interchangeable: list their holders by staff id.
            var end = index
            while end < seats.count && seats[end].slot == seats[index].slot && seats[end].role == seats[index].role {
                end += 1
            }
            let slot = model.slots[seats[index].slot]
            let holders = seats[index..<end].filter { $0.holder >= 0 }.map { model.members[$0.holder].id }.sorted()
            for staff in holders {
                result.append(
                    RosterAssignment(
                        date: model.date(slot.day),
                        shift: model.shifts[slot.shift].id,
                        staff: staff,
                        post: model.posts[slot.post],
                        role: seats[index].role.name
                    )
                )
            }
            index = end
        }
        return result
    }
}
