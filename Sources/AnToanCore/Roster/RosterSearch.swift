/// Mutable solver state: who holds each seat, each person's timeline and counts, and hard-rule feasibility.
struct RosterSearch {
    /// One person-sized piece of demand: a slot and the role that must fill it.
    struct Seat {
        let slot: Int
        let role: RosterRole
        var holder: Int
    }

    let model: RosterModel
    let deadline: ContinuousClock.Instant
    var random: SeededRandom
    var seats: [Seat] = []
    /// Seat indices per member, kept in slot (= chronological) order.
    var seatsOf: [[Int]]
    /// Year-to-date counts per member (history included): total, night, weekend/holiday.
    var total: [Int]
    var night: [Int]
    var weekendHoliday: [Int]
    var nightsOn: [Int]
    var eligible: [Bool]
    var candidates: [[Int]]
    var seatRange: [Range<Int>]
    var previousAt: [Bool]
    var targets: [[Int]] = []

    init(model: RosterModel, seed: UInt64, deadline: ContinuousClock.Instant) {
        self.model = model
        self.deadline = deadline
        random = SeededRandom(seed: seed)
        let people = model.members.count
        let slotCount = model.slots.count
        seatsOf = Array(repeating: [], count: people)
        total = model.members.map { $0.history[0] }
        night = model.members.map { $0.history[1] }
        weekendHoliday = model.members.map { $0.history[2] }
        nightsOn = Array(repeating: 0, count: people * model.days)
        eligible = Array(repeating: false, count: people * slotCount * 2)
        candidates = Array(repeating: [], count: slotCount * 2)
        seatRange = Array(repeating: 0..<0, count: slotCount * 2)
        previousAt = Array(repeating: false, count: people * slotCount)
        for (index, slot) in model.slots.enumerated() {
            for role in RosterRole.allCases {
                let key = index * 2 + role.rawValue
                for (member, person) in model.members.enumerated()
                where person.has(role) && person.posts[slot.post]
                    && !model.isUnavailable(member, start: slot.start, end: slot.end)
                {
                    eligible[(member * slotCount + index) * 2 + role.rawValue] = true
                    candidates[key].append(member)
                }
                // Seats beyond the number of eligible people could never be filled; the checker still reports them.
                let count = min(slot.need(role), candidates[key].count)
                seatRange[key] = seats.count..<(seats.count + count)
                seats += Array(repeating: Seat(slot: index, role: role, holder: -1), count: count)
            }
        }
        for entry in model.previous {
            previousAt[entry.member * slotCount + entry.slot] = true
        }
        targets = computeTargets()
    }

    var timeUp: Bool {
        ContinuousClock.now >= deadline
    }

    func isEligible(_ member: Int, slot: Int, role: RosterRole) -> Bool {
        eligible[(member * model.slots.count + slot) * 2 + role.rawValue]
    }

    mutating func assign(_ seat: Int, to member: Int) {
        let slotIndex = seats[seat].slot
        let slot = model.slots[slotIndex]
        seats[seat].holder = member
        var position = seatsOf[member].count
        while position > 0 && seats[seatsOf[member][position - 1]].slot > slotIndex { position -= 1 }
        seatsOf[member].insert(seat, at: position)
        update(member, slot: slot, by: 1)
    }

    mutating func release(_ seat: Int) {
        let member = seats[seat].holder
        guard member >= 0 else { return }
        seats[seat].holder = -1
        if let position = seatsOf[member].firstIndex(of: seat) { seatsOf[member].remove(at: position) }
        update(member, slot: model.slots[seats[seat].slot], by: -1)
    }

    private mutating func update(_ member: Int, slot: RosterSlot, by step: Int) {
        total[member] += step
        if slot.night {
            night[member] += step
            nightsOn[member * model.days + slot.day] += step
        }
        if slot.weekendHoliday { weekendHoliday[member] += step }
    }

    /// All hard rules for giving `member` the slot on top of what they already hold.
    func canTake(_ member: Int, slot index: Int, role: RosterRole) -> Bool {
        guard isEligible(member, slot: index, role: role) else { return false }
        let slot = model.slots[index]
        let rest = model.minRest
        for seat in seatsOf[member] {
            let other = model.slots[seats[seat].slot]
            if other.start >= slot.end + rest { break }
            // Covers overlap, the same slot twice and too little rest in either order.
            if slot.start < other.end + rest { return false }
        }
        if slot.night && nightRun(member, adding: slot.day) > model.maxNights { return false }
        return weeklyRestHolds(member, adding: slot)
    }

    private func nightRun(_ member: Int, adding day: Int) -> Int {
        let base = member * model.days
        var run = 1
        var cursor = day - 1
        while cursor >= 0 && nightsOn[base + cursor] > 0 && run <= model.maxNights {
            run += 1
            cursor -= 1
        }
        cursor = day + 1
        while cursor < model.days && nightsOn[base + cursor] > 0 && run <= model.maxNights {
            run += 1
            cursor += 1
        }
        return run
    }

    private func weeklyRestHolds(_ member: Int, adding slot: RosterSlot) -> Bool {
        let week = RosterModel.minutesPerWeek
        for window in (slot.start / week)...((slot.end - 1) / week) where window * week < model.periodMinutes {
            if longestGap(member, from: window * week, to: window * week + week, adding: slot) < model.weeklyRest {
                return false
            }
        }
        return true
    }

    /// Longest duty-free stretch inside [from, to); time after the period counts as free.
    private func longestGap(_ member: Int, from: Int, to: Int, adding extra: RosterSlot) -> Int {
        var cursor = from
        var best = 0
        var extraVisited = false
        func visit(_ start: Int, _ end: Int) {
            guard end > from, start < to else { return }
            best = max(best, start - cursor)
            cursor = max(cursor, min(end, to))
        }
        for seat in seatsOf[member] {
            let other = model.slots[seats[seat].slot]
            if other.start >= to { break }
            if !extraVisited && extra.start <= other.start {
                visit(extra.start, extra.end)
                extraVisited = true
            }
            visit(other.start, other.end)
        }
        if !extraVisited { visit(extra.start, extra.end) }
        return max(best, to - cursor)
    }
}
