/// The two duty roles; a slot of one role is only filled by someone holding that role.
enum RosterRole: Int, CaseIterable, Sendable {
    case leader
    case officer

    init?(name: String) {
        switch name {
        case "leader": self = .leader
        case "officer": self = .officer
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .leader: "leader"
        case .officer: "officer"
        }
    }

    var vietnamese: String {
        switch self {
        case .leader: "lãnh đạo trực"
        case .officer: "cán bộ trực"
        }
    }
}

/// A validated shift template with times in minutes after midnight.
struct RosterShiftDef: Sendable {
    let id: String
    let startMinute: Int
    let minutes: Int
    let night: Bool
    let post: Int?
}

/// One dated shift at one post that has demand; times are minutes after the period start.
struct RosterSlot: Sendable {
    let day: Int
    let shift: Int
    let post: Int
    let start: Int
    let end: Int
    let night: Bool
    let weekendHoliday: Bool
    let leaders: Int
    let officers: Int

    func need(_ role: RosterRole) -> Int {
        role == .leader ? leaders : officers
    }
}

/// A validated staff member; `unavailable` holds day offsets from the period start.
struct RosterMember: Sendable {
    let id: String
    let primary: RosterRole
    let roles: [Bool]
    let posts: [Bool]
    let unavailable: Set<Int>
    var avoidDays: Set<Int> = []
    var avoidShifts: Set<Int> = []
    var history = [0, 0, 0]

    func has(_ role: RosterRole) -> Bool {
        roles[role.rawValue]
    }
}

/// Identifies a slot by day offset, shift index and post index.
struct RosterSlotKey: Hashable, Sendable {
    let day: Int
    let shift: Int
    let post: Int
}

/// A published assignment from `previous` that still matches a slot of this instance.
struct RosterPinned: Sendable {
    let member: Int
    let slot: Int
    let role: RosterRole
}

/// A validated, index-based form of `RosterInstance` shared by the solver and the checker.
struct RosterModel: Sendable {
    static let minutesPerDay = 1440
    static let minutesPerWeek = 7 * 1440

    var startDay = RosterDay(ordinal: 0)
    var days = 0
    var posts: [String] = []
    /// Per post, 1 (low) … 3 (high): where open seats hurt most.
    var priority: [Int] = []
    var shifts: [RosterShiftDef] = []
    var members: [RosterMember] = []
    var slots: [RosterSlot] = []
    var holidays: Set<Int> = []
    var minRest = 12 * 60
    var weeklyRest = 24 * 60
    var maxNights = 3
    var slotIndex: [RosterSlotKey: Int] = [:]
    var memberIndex: [String: Int] = [:]
    var shiftIndex: [String: Int] = [:]
    var postIndex: [String: Int] = [:]
    var previous: [RosterPinned] = []

    var periodMinutes: Int {
        days * Self.minutesPerDay
    }

    func date(_ day: Int) -> String {
        startDay.adding(day).iso
    }

    func isWeekendHoliday(_ day: Int) -> Bool {
        startDay.adding(day).isWeekend || holidays.contains(day)
    }

    /// A shift is blocked when any minute of it falls on a day the person is unavailable.
    func isUnavailable(_ member: Int, start: Int, end: Int) -> Bool {
        let unavailable = members[member].unavailable
        guard !unavailable.isEmpty else { return false }
        let first = Self.floorDay(start)
        let last = Self.floorDay(end - 1)
        return (first...last).contains { unavailable.contains($0) }
    }

    func avoids(_ member: Int, slot: RosterSlot) -> Bool {
        let person = members[member]
        return person.avoidDays.contains(slot.day) || person.avoidShifts.contains(slot.shift)
    }

    static func floorDay(_ minute: Int) -> Int {
        minute >= 0 ? minute / minutesPerDay : -((-minute + minutesPerDay - 1) / minutesPerDay)
    }
}
