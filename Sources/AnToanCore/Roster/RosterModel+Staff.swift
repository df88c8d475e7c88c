extension RosterModel {
    mutating func parseStaff(_ list: [RosterStaff]) throws {
        for (index, person) in list.enumerated() {
            let field = "staff[\(index)]"
            guard !person.id.isEmpty else { throw RosterError.emptyIdentifier(field: "\(field).id") }
            guard memberIndex[person.id] == nil else {
                throw RosterError.duplicateIdentifier(field: "\(field).id", id: person.id)
            }
            guard let primary = RosterRole(name: person.role) else {
                throw RosterError.unknownRole(field: "\(field).role", value: person.role)
            }
            var roles = [false, false]
            roles[primary.rawValue] = true
            for (roleIndex, name) in (person.roles ?? []).enumerated() {
                guard let role = RosterRole(name: name) else {
                    throw RosterError.unknownRole(field: "\(field).roles[\(roleIndex)]", value: name)
                }
                roles[role.rawValue] = true
            }
            var allowed = Array(repeating: person.posts == nil, count: posts.count)
            for (postIndex, name) in (person.posts ?? []).enumerated() {
                allowed[try post(named: name, field: "\(field).posts[\(postIndex)]")] = true
            }
            var unavailable = Set<Int>()
            for (dayIndex, text) in (person.unavailable ?? []).enumerated() {
                unavailable.insert(try dayOffset(text, field: "\(field).unavailable[\(dayIndex)]", inPeriod: false))
            }
            memberIndex[person.id] = index
            members.append(
                RosterMember(id: person.id, primary: primary, roles: roles, posts: allowed, unavailable: unavailable)
            )
        }
    }

    mutating func parsePreferences(_ list: [RosterPreference]) throws {
        for (index, preference) in list.enumerated() {
            let field = "preferences[\(index)]"
            let member = try member(named: preference.staff, field: "\(field).staff")
            for (dateIndex, text) in (preference.avoidDates ?? []).enumerated() {
                members[member].avoidDays.insert(
                    try dayOffset(text, field: "\(field).avoidDates[\(dateIndex)]", inPeriod: false)
                )
            }
            for (shiftPosition, id) in (preference.avoidShifts ?? []).enumerated() {
                guard let shift = shiftIndex[id] else {
                    throw RosterError.unknownShift(field: "\(field).avoidShifts[\(shiftPosition)]", id: id)
                }
                members[member].avoidShifts.insert(shift)
            }
        }
    }

    mutating func parseHistory(_ list: [RosterHistory]) throws {
        for (index, entry) in list.enumerated() {
            let field = "history[\(index)]"
            let member = try member(named: entry.staff, field: "\(field).staff")
            let counts = [("total", entry.total), ("night", entry.night), ("weekendHoliday", entry.weekendHoliday)]
            for (metric, (name, value)) in counts.enumerated() {
                let count = value ?? 0
                try Self.checkCount(count, field: "\(field).\(name)")
                members[member].history[metric] += count
            }
        }
    }

    /// Published assignments are only hints: entries that no longer match the instance are dropped.
    func resolvePrevious(_ entry: RosterAssignment) -> RosterPinned? {
        guard let day = try? dayOffset(entry.date, field: "", inPeriod: true),
            let shift = shiftIndex[entry.shift], let member = memberIndex[entry.staff]
        else { return nil }
        let post = entry.post.map { postIndex[$0] } ?? shifts[shift].post ?? 0
        let role = entry.role.map { RosterRole(name: $0) } ?? members[member].primary
        guard let post, let role, let slot = slotIndex[RosterSlotKey(day: day, shift: shift, post: post)] else {
            return nil
        }
        return RosterPinned(member: member, slot: slot, role: role)
    }

    private func member(named id: String, field: String) throws -> Int {
        guard let index = memberIndex[id] else { throw RosterError.unknownStaff(field: field, id: id) }
        return index
    }
}
