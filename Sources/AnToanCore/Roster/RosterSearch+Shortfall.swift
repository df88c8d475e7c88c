/// Shortfall: when seats must stay open, leave them where they hurt least.
///
/// Only used when the chronological solve leaves seats open (so rosters where the staff suffice are unchanged).
/// An open seat is worse, in this order: when its night slot has nobody at all; at a post of higher priority; at
/// night; in a slot missing more people; in a shift (of a post) missing more seats over the period.
extension RosterSearch {
    /// How bad an open seat is; compared lexicographically, larger is worse.
    typealias Badness = [Int]

    /// Open seats of a solved roster from worst to least bad; a smaller list (lexicographically) is a better roster.
    func shortfall() -> [Badness] {
        var list: [Badness] = []
        for key in seatRange.indices where !seatRange[key].isEmpty {
            let open = seatRange[key].filter { seats[$0].holder < 0 }.count
            if open > 0 { list += Array(repeating: badness(key, open: open), count: open) }
        }
        return list.sorted { $1.lexicographicallyPrecedes($0) }
    }

    /// Whether the first shortfall (worst first) is lighter than the second.
    static func lighter(_ one: [Badness], than other: [Badness]) -> Bool {
        one.lexicographicallyPrecedes(other) { $0.lexicographicallyPrecedes($1) }
    }

    /// Badness of an open seat in the slot and role `key` (slot · 2 + role) with `open` seats open there.
    func badness(_ key: Int, open: Int) -> Badness {
        let slot = model.slots[key / 2]
        let base = key / 2 * 2
        let empty =
            slot.night
            && (base...(base + 1)).allSatisfy { other in
                seatRange[other].allSatisfy { seats[$0].holder < 0 }
            }
        return [empty ? 1 : 0, model.priority[slot.post], slot.night ? 1 : 0, open, groupOpen(key)]
    }

    /// Open seats of the same shift, post and role over the whole period.
    private func groupOpen(_ key: Int) -> Int {
        let slot = model.slots[key / 2]
        var open = 0
        for other in stride(from: key % 2, to: seatRange.count, by: 2) {
            let candidate = model.slots[other / 2]
            guard candidate.shift == slot.shift, candidate.post == slot.post else { continue }
            open += seatRange[other].filter { seats[$0].holder < 0 }.count
        }
        return open
    }

    /// Greedy fill in order of need: first person of every night slot, then by post priority, nights before
    /// days, the first seat of each slot before its second, then in time order.
    mutating func fillByRank() {
        var order: [(rank: [Int], seat: Int)] = []
        for key in seatRange.indices {
            let slot = model.slots[key / 2]
            for (position, seat) in seatRange[key].enumerated() {
                let firstAtNight = slot.night && position == 0
                let rank = [firstAtNight ? 0 : 1, -model.priority[slot.post], slot.night ? 0 : 1, position, seat]
                order.append((rank, seat))
            }
        }
        order.sort { $0.rank.lexicographicallyPrecedes($1.rank) }
        for entry in order where seats[entry.seat].holder < 0 {
            if let member = bestCandidate(for: entry.seat) { assign(entry.seat, to: member) }
        }
    }

    /// Moves open seats to where they hurt less, then fills and rebalances what it can, twice (the first
    /// rebalancing can free people for worse open seats).
    mutating func lightenShortfall() {
        for _ in 0..<2 {
            relocateShortfall()
            improve()
        }
    }

    /// Moves people from less needed seats to worse open ones while that makes the shortfall lighter.
    mutating func relocateShortfall() {
        for _ in 0..<Self.maxRounds {
            if timeUp { break }
            var changed = false
            for seat in seats.indices where seats[seat].holder < 0 {
                if timeUp { break }
                changed = relocate(into: seat) || changed
            }
            if !changed { break }
        }
    }

    /// Gives the open `seat` to someone by freeing the seats of theirs that block it, when every seat that
    /// stays open afterwards is less bad than `seat` open.
    private mutating func relocate(into seat: Int) -> Bool {
        let slot = seats[seat].slot
        let role = seats[seat].role
        let key = slot * 2 + role.rawValue
        let before = badness(key, open: seatRange[key].filter { seats[$0].holder < 0 }.count)
        let start = model.slots[slot].start
        for member in candidates[key] {
            let near = seatsOf[member].filter {
                abs(model.slots[seats[$0].slot].start - start) <= Self.ejectionWindow
            }
            guard !near.isEmpty else { continue }
            var freed: [Int] = []
            for blocking in near {
                release(blocking)
                freed.append(blocking)
                if canTake(member, slot: slot, role: role) { break }
            }
            guard canTake(member, slot: slot, role: role) else {
                for blocking in freed { assign(blocking, to: member) }
                continue
            }
            assign(seat, to: member)
            // Put back what still fits, then let others take the rest.
            var refilled: [(seat: Int, member: Int)] = []
            for blocking in freed {
                let other =
                    canTake(member, slot: seats[blocking].slot, role: seats[blocking].role)
                    ? member : bestCandidate(for: blocking, excluding: member)
                if let other {
                    assign(blocking, to: other)
                    refilled.append((blocking, other))
                }
            }
            let stillOpen = freed.filter { seats[$0].holder < 0 }
            let worst = stillOpen.map { open in
                let openKey = seats[open].slot * 2 + seats[open].role.rawValue
                return badness(openKey, open: seatRange[openKey].filter { seats[$0].holder < 0 }.count)
            }
            if worst.allSatisfy({ $0.lexicographicallyPrecedes(before) }) { return true }
            for entry in refilled { release(entry.seat) }
            release(seat)
            for blocking in freed { assign(blocking, to: member) }
        }
        return false
    }
}
