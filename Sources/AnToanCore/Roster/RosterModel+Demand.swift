extension RosterModel {
    /// Undated entries apply to every day; a dated entry for the same shift and post replaces them that day.
    mutating func parseDemand(_ list: [RosterDemand]) throws {
        var everyDay: [RosterSlotKey: (Int, Int)] = [:]
        var dated: [RosterSlotKey: (Int, Int)] = [:]
        for (index, entry) in list.enumerated() {
            let field = "demand[\(index)]"
            guard let shift = shiftIndex[entry.shift] else {
                throw RosterError.unknownShift(field: "\(field).shift", id: entry.shift)
            }
            let post = try resolvePost(of: entry, shift: shift, field: field)
            let leaders = entry.leader ?? 0
            let officers = entry.officer ?? 0
            try Self.checkCount(leaders, field: "\(field).leader")
            try Self.checkCount(officers, field: "\(field).officer")
            if let date = entry.date {
                let day = try dayOffset(date, field: "\(field).date", inPeriod: true)
                let key = RosterSlotKey(day: day, shift: shift, post: post)
                guard dated[key] == nil else { throw RosterError.duplicateEntry(field: field) }
                dated[key] = (leaders, officers)
            } else {
                let key = RosterSlotKey(day: -1, shift: shift, post: post)
                guard everyDay[key] == nil else { throw RosterError.duplicateEntry(field: field) }
                everyDay[key] = (leaders, officers)
            }
        }
        try checkOverlaps(Set(everyDay.keys).union(dated.keys))
        var needs = dated
        for (key, need) in everyDay {
            for day in 0..<days {
                let dayKey = RosterSlotKey(day: day, shift: key.shift, post: key.post)
                if needs[dayKey] == nil { needs[dayKey] = need }
            }
        }
        buildSlots(needs)
    }

    /// Counts are capped so sums and squared fairness costs can never overflow.
    static let maxCount = 100_000

    static func checkCount(_ value: Int, field: String) throws {
        guard value >= 0 else { throw RosterError.negativeCount(field: field, value: value) }
        guard value <= maxCount else {
            throw RosterError.outOfRange(field: field, value: Double(value), range: 0...Double(maxCount))
        }
    }

    /// Shifts demanded at the same post must not overlap (a post is staffed by one shift at a time).
    private func checkOverlaps(_ keys: Set<RosterSlotKey>) throws {
        for post in posts.indices {
            let used = Set(keys.filter { $0.post == post }.map(\.shift)).sorted()
            for (position, later) in used.enumerated() {
                for earlier in used[..<position] {
                    let one = shifts[earlier]
                    let two = shifts[later]
                    guard Self.overlapsDaily(two.startMinute, two.minutes, one.startMinute, one.minutes) else {
                        continue
                    }
                    throw RosterError.overlappingShifts(field: "shifts[\(later)]", other: one.id, post: posts[post])
                }
            }
        }
    }

    private func resolvePost(of entry: RosterDemand, shift: Int, field: String) throws -> Int {
        let bound = shifts[shift].post
        guard let name = entry.post else { return bound ?? 0 }
        let post = try post(named: name, field: "\(field).post")
        if let bound, bound != post {
            throw RosterError.shiftBoundToOtherPost(field: "\(field).post", shift: entry.shift, post: posts[bound])
        }
        return post
    }

    private mutating func buildSlots(_ needs: [RosterSlotKey: (Int, Int)]) {
        var built: [RosterSlot] = []
        for (key, need) in needs where need.0 > 0 || need.1 > 0 {
            let shift = shifts[key.shift]
            let start = key.day * Self.minutesPerDay + shift.startMinute
            built.append(
                RosterSlot(
                    day: key.day,
                    shift: key.shift,
                    post: key.post,
                    start: start,
                    end: start + shift.minutes,
                    night: shift.night,
                    weekendHoliday: isWeekendHoliday(key.day),
                    leaders: need.0,
                    officers: need.1
                )
            )
        }
        // A total order, so dictionary iteration order never leaks into the result.
        built.sort { ($0.start, $0.post, $0.shift) < ($1.start, $1.post, $1.shift) }
        slots = built
        for (index, slot) in built.enumerated() {
            slotIndex[RosterSlotKey(day: slot.day, shift: slot.shift, post: slot.post)] = index
        }
    }
}
