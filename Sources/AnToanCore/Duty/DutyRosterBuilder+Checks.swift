/// Checks of a unit's set-up and of peak periods, and the shift templates shared by its posts.
extension DutyRosterBuilder {
    /// Checks a unit's posts as `instance` does, without a period: a set-up can be refused before it is saved.
    public static func validate(_ posts: [DutyPost]) throws(DutyPlanError) {
        try check(posts)
        _ = try templates(posts)
    }

    static func check(_ posts: [DutyPost]) throws(DutyPlanError) {
        guard !posts.isEmpty else { throw .noPosts }
        var postIds: Set<String> = []
        for (index, post) in posts.enumerated() {
            guard !post.id.isEmpty else { throw .emptyPostIdentifier(position: index + 1) }
            guard postIds.insert(post.id).inserted else { throw .duplicatePost(post: post.id) }
            do {
                try post.pattern.validate()
            } catch {
                throw .pattern(post: post.id, error)
            }
            let shiftIds = Set(post.pattern.shifts.map(\.id))
            var staffed: Set<String> = []
            for requirement in post.requirements {
                guard shiftIds.contains(requirement.shift) else {
                    throw .unknownShift(post: post.id, shift: requirement.shift)
                }
                guard staffed.insert(requirement.shift).inserted else {
                    throw .duplicateRequirement(post: post.id, shift: requirement.shift)
                }
                if let (kind, _) = requirement.counts.first(where: { $0.1.isNegative }) {
                    throw .negativeCount(post: post.id, shift: requirement.shift, kind: kind)
                }
            }
            if let missing = post.pattern.shifts.first(where: { !staffed.contains($0.id) }) {
                throw .missingRequirement(post: post.id, shift: missing.id)
            }
        }
    }

    static func check(_ peaks: [PeakPeriod]) throws(DutyPlanError) {
        for peak in peaks {
            guard peak.from <= peak.to else { throw .peakEndsBeforeStart(peak: peak.name) }
            guard !peak.uplift.isNegative else { throw .negativeUplift(peak: peak.name) }
        }
    }

    /// One template per shift id; posts may share an id only for the same hours.
    static func templates(_ posts: [DutyPost]) throws(DutyPlanError) -> [RosterShift] {
        var owners: [String: (shift: DutyShift, post: String)] = [:]
        var templates: [RosterShift] = []
        for post in posts {
            for shift in post.pattern.shifts {
                if let known = owners[shift.id] {
                    let sameHours =
                        RosterModel.minuteOfDay(known.shift.start) == RosterModel.minuteOfDay(shift.start)
                        && known.shift.minutes == shift.minutes
                    guard sameHours else {
                        throw .conflictingShift(shift: shift.id, post: post.id, otherPost: known.post)
                    }
                    continue
                }
                owners[shift.id] = (shift, post.id)
                templates.append(RosterShift(id: shift.id, start: shift.start, hours: shift.hours, name: shift.name))
            }
        }
        return templates
    }
}
