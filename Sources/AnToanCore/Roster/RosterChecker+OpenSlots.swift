/// Why a person of the right role cannot take an open slot, in the order the checker tests it.
enum RosterBlockingCause: String, CaseIterable, Sendable {
    case notAtPost
    case onLeave
    case alreadyOnSlot
    case onOtherShift
    case resting
    case weeklyRest
    case nightLimit

    var english: String {
        switch self {
        case .notAtPost: "not posted here"
        case .onLeave: "on leave"
        case .alreadyOnSlot: "already on this shift"
        case .onOtherShift: "on another shift"
        case .resting: "resting"
        case .weeklyRest: "on weekly rest"
        case .nightLimit: "at the consecutive-night limit"
        }
    }

    var vietnamese: String {
        switch self {
        case .notAtPost: "không thuộc chốt này"
        case .onLeave: "nghỉ phép/vắng mặt"
        case .alreadyOnSlot: "đã trực ca này"
        case .onOtherShift: "đang trực ca khác"
        case .resting: "đang nghỉ giữa ca"
        case .weeklyRest: "đang nghỉ hằng tuần"
        case .nightLimit: "đã trực đủ số đêm liên tiếp"
        }
    }
}

extension RosterAudit {
    func openSlot(_ index: Int, role: RosterRole, missing: Int) -> RosterOpenSlot {
        let slot = model.slots[index]
        var blocked: [RosterBlockingCause: Int] = [:]
        var free = 0
        var holders = 0
        for member in model.members.indices where model.members[member].has(role) {
            holders += 1
            if let cause = blockingCause(member, slot: slot) {
                blocked[cause, default: 0] += 1
            } else {
                free += 1
            }
        }
        let causes = RosterBlockingCause.allCases.filter { blocked[$0] != nil }
        let code: RosterOpenSlot.Reason
        let english: String
        let vietnamese: String
        if holders == 0 {
            code = .noStaffWithRole
            english = "no \(role.name) on the staff list"
            vietnamese = "danh sách không có \(role.vietnamese) nào"
        } else if free > 0 {
            code = .notAssigned
            english = "\(free) \(role.name)(s) free but not assigned (time limit reached or search gave up)"
            vietnamese = "còn \(free) \(role.vietnamese) rảnh nhưng chưa được xếp (hết thời gian hoặc thuật toán dừng)"
        } else {
            code = .allBlocked
            let countsEN = causes.map { "\($0.english) \(blocked[$0] ?? 0)" }.joined(separator: ", ")
            let countsVI = causes.map { "\($0.vietnamese) \(blocked[$0] ?? 0)" }.joined(separator: ", ")
            english = "no \(role.name) available: all \(Self.list(causes.map(\.english), or: "or")) (\(countsEN))"
            vietnamese =
                "không còn \(role.vietnamese) nào: tất cả \(Self.list(causes.map(\.vietnamese), or: "hoặc")) (\(countsVI))"
        }
        return RosterOpenSlot(
            date: model.date(slot.day),
            shift: model.shifts[slot.shift].id,
            post: model.posts[slot.post],
            role: role.name,
            missing: missing,
            code: code,
            blockedBy: Dictionary(uniqueKeysWithValues: blocked.map { ($0.key.rawValue, $0.value) }),
            reason: english,
            reasonVi: vietnamese
        )
    }

    private static func list(_ items: [String], or word: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) \(last)"
    }

    /// The first hard rule that adding the slot to this person's timeline would break, if any.
    func blockingCause(_ member: Int, slot: RosterSlot) -> RosterBlockingCause? {
        let person = model.members[member]
        guard person.posts[slot.post] else { return .notAtPost }
        if onLeave(member, start: slot.start, end: slot.end) { return .onLeave }
        let duties = timelines[member]
        if duties.contains(where: { $0.key.day == slot.day && $0.key.shift == slot.shift && $0.key.post == slot.post })
        {
            return .alreadyOnSlot
        }
        if duties.contains(where: { $0.start < slot.end && slot.start < $0.end }) { return .onOtherShift }
        if duties.contains(where: { $0.start < slot.end + model.minRest && slot.start < $0.end + model.minRest }) {
            return .resting
        }
        let candidate = RosterCheckedDuty(
            key: RosterSlotKey(day: slot.day, shift: slot.shift, post: slot.post),
            role: .officer,
            start: slot.start,
            end: slot.end,
            night: slot.night
        )
        let extended = (duties + [candidate]).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        if slot.night {
            let nights = Set(extended.filter(\.night).map(\.key.day)).sorted()
            if Self.nightRuns(nights).contains(where: { $0.count > model.maxNights }) { return .nightLimit }
        }
        let week = RosterModel.minutesPerWeek
        for window in (slot.start / week)...((slot.end - 1) / week) where window * week < model.periodMinutes {
            if Self.longestGap(extended, from: window * week, to: window * week + week) < model.weeklyRest {
                return .weeklyRest
            }
        }
        return nil
    }
}
