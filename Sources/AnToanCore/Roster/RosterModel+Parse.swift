extension RosterModel {
    /// Validates `instance` and builds the index-based model; throws on the first bad field.
    init(_ instance: RosterInstance) throws {
        guard let start = RosterDay(iso: instance.start) else {
            throw RosterError.invalidDate(field: "start", value: instance.start)
        }
        guard (1...366).contains(instance.days) else {
            throw RosterError.invalidDays(field: "days", value: instance.days)
        }
        startDay = start
        days = instance.days
        try parsePosts(instance.posts)
        try parsePriorities(instance.priorities ?? [:])
        try parseRules(instance.rules)
        try parseShifts(instance.shifts)
        try parseStaff(instance.staff)
        for (index, text) in (instance.holidays ?? []).enumerated() {
            holidays.insert(try dayOffset(text, field: "holidays[\(index)]", inPeriod: false))
        }
        try parseDemand(instance.demand)
        try parsePreferences(instance.preferences ?? [])
        try parseHistory(instance.history ?? [])
        previous = (instance.previous ?? []).compactMap(resolvePrevious)
    }

    func dayOffset(_ text: String, field: String, inPeriod: Bool) throws -> Int {
        guard let day = RosterDay(iso: text) else { throw RosterError.invalidDate(field: field, value: text) }
        let offset = day.ordinal - startDay.ordinal
        if inPeriod && !(0..<days).contains(offset) {
            throw RosterError.dateOutOfRange(field: field, value: text)
        }
        return offset
    }

    func post(named name: String, field: String) throws -> Int {
        guard let index = postIndex[name] else { throw RosterError.unknownPost(field: field, id: name) }
        return index
    }

    private mutating func parsePosts(_ names: [String]?) throws {
        let list = (names ?? []).isEmpty ? ["main"] : names ?? []
        for (index, name) in list.enumerated() {
            let field = "posts[\(index)]"
            guard !name.isEmpty else { throw RosterError.emptyIdentifier(field: field) }
            guard postIndex[name] == nil else { throw RosterError.duplicateIdentifier(field: field, id: name) }
            postIndex[name] = index
        }
        posts = list
    }

    static let priorities = 1...3
    static let defaultPriority = 2

    private mutating func parsePriorities(_ list: [String: Int]) throws {
        priority = Array(repeating: Self.defaultPriority, count: posts.count)
        for (name, value) in list.sorted(by: { $0.key < $1.key }) {
            let index = try post(named: name, field: "priorities.\(name)")
            guard Self.priorities.contains(value) else {
                throw RosterError.outOfRange(field: "priorities.\(name)", value: Double(value), range: 1...3)
            }
            priority[index] = value
        }
    }

    private mutating func parseRules(_ rules: RosterRules?) throws {
        let labourCode = "Bộ luật Lao động 2019 / Labour Code 2019"
        let rest = rules?.minRestHours ?? 12
        try Self.checkHours(rest, field: "rules.minRestHours", minimum: 12, law: "\(labourCode), Điều/Art. 109")
        let weekly = rules?.weeklyRestHours ?? 24
        try Self.checkHours(weekly, field: "rules.weeklyRestHours", minimum: 24, law: "\(labourCode), Điều/Art. 111")
        let nights = rules?.maxConsecutiveNights ?? 3
        guard (1...366).contains(nights) else {
            throw RosterError.outOfRange(field: "rules.maxConsecutiveNights", value: Double(nights), range: 1...366)
        }
        minRest = Int((rest * 60).rounded())
        weeklyRest = Int((weekly * 60).rounded())
        maxNights = nights
    }

    private static func checkHours(_ value: Double, field: String, minimum: Double, law: String) throws {
        guard value.isFinite, value >= minimum else {
            throw RosterError.belowLegalMinimum(field: field, value: value, minimum: minimum, law: law)
        }
        // A weekly rest longer than the 7-day window could never be met.
        guard value <= 168 else { throw RosterError.outOfRange(field: field, value: value, range: minimum...168) }
    }

    private mutating func parseShifts(_ list: [RosterShift]) throws {
        for (index, shift) in list.enumerated() {
            let field = "shifts[\(index)]"
            guard !shift.id.isEmpty else { throw RosterError.emptyIdentifier(field: "\(field).id") }
            guard shiftIndex[shift.id] == nil else {
                throw RosterError.duplicateIdentifier(field: "\(field).id", id: shift.id)
            }
            guard let startMinute = Self.minuteOfDay(shift.start) else {
                throw RosterError.invalidTime(field: "\(field).start", value: shift.start)
            }
            guard shift.hours.isFinite, shift.hours > 0, shift.hours <= 24, Int((shift.hours * 60).rounded()) > 0
            else { throw RosterError.invalidShiftLength(field: "\(field).hours", hours: shift.hours) }
            let minutes = Int((shift.hours * 60).rounded())
            let post = try shift.post.map { try self.post(named: $0, field: "\(field).post") }
            // Labour Code Art. 106: night work is 22:00–06:00; a shift touching it counts as a night.
            let night = shift.night ?? Self.overlapsDaily(startMinute, minutes, 22 * 60, 8 * 60)
            let model = RosterShiftDef(
                id: shift.id,
                startMinute: startMinute,
                minutes: minutes,
                night: night,
                post: post
            )
            shiftIndex[shift.id] = index
            shifts.append(model)
        }
    }

    /// Whether two daily-repeating intervals ever overlap.
    static func overlapsDaily(_ start: Int, _ length: Int, _ otherStart: Int, _ otherLength: Int) -> Bool {
        (-1...1).contains { wrap in
            let shifted = otherStart + wrap * minutesPerDay
            return start < shifted + otherLength && shifted < start + length
        }
    }

    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        return hour * 60 + minute
    }
}
