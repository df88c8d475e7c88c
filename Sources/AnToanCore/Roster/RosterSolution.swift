/// A solved roster: assignments in chronological order plus the checker's report on them.
public struct RosterSolution: Codable, Sendable, Equatable {
    public var assignments: [RosterAssignment]
    public var report: RosterReport

    public init(assignments: [RosterAssignment], report: RosterReport) {
        self.assignments = assignments
        self.report = report
    }
}

/// What `RosterChecker` found: hard violations, uncovered demand, fairness spreads and soft-goal counts.
public struct RosterReport: Codable, Sendable, Equatable {
    public var hardViolations: [RosterViolation]
    public var openSlots: [RosterOpenSlot]
    public var fairness: [RosterFairness]
    public var coverage: RosterCoverage
    public var load: [RosterStaffLoad]
    public var preferenceBreaches: Int
    public var previousKept: Int
    public var previousTotal: Int
    /// Wall-clock time of the solve; the only field that differs between runs with the same seed.
    public var solveMillis: Int

    public init(
        hardViolations: [RosterViolation] = [],
        openSlots: [RosterOpenSlot] = [],
        fairness: [RosterFairness] = [],
        coverage: RosterCoverage = RosterCoverage(required: 0, filled: 0),
        load: [RosterStaffLoad] = [],
        preferenceBreaches: Int = 0,
        previousKept: Int = 0,
        previousTotal: Int = 0,
        solveMillis: Int = 0
    ) {
        self.hardViolations = hardViolations
        self.openSlots = openSlots
        self.fairness = fairness
        self.coverage = coverage
        self.load = load
        self.preferenceBreaches = preferenceBreaches
        self.previousKept = previousKept
        self.previousTotal = previousTotal
        self.solveMillis = solveMillis
    }

    /// The spreads of one role, if that role has staff.
    public func fairness(for role: String) -> RosterFairness? {
        fairness.first { $0.role == role }
    }
}

/// A broken hard rule, with the person, date and shift involved when there is one.
public struct RosterViolation: Codable, Sendable, Equatable {
    /// The hard rule that is broken.
    public enum Rule: String, Codable, Sendable, CaseIterable {
        case invalidInstance, invalidAssignment, duplicate, roleMismatch, postNotAllowed, overCoverage
        case overlap, minRest, weeklyRest, unavailable, maxConsecutiveNights
    }

    public var rule: Rule
    public var staff: String?
    public var date: String?
    public var shift: String?
    public var detail: String

    public init(rule: Rule, staff: String? = nil, date: String? = nil, shift: String? = nil, detail: String) {
        self.rule = rule
        self.staff = staff
        self.date = date
        self.shift = shift
        self.detail = detail
    }
}

/// Demand left uncovered, with why nobody of that role could take it.
public struct RosterOpenSlot: Codable, Sendable, Equatable {
    /// Why the slot is open.
    public enum Reason: String, Codable, Sendable {
        /// Nobody on the staff list has the role.
        case noStaffWithRole
        /// Everyone with the role is blocked by a hard rule (see `blockedBy`).
        case allBlocked
        /// Someone was free but not assigned (time limit reached or the search gave up).
        case notAssigned
    }

    public var date: String
    public var shift: String
    public var post: String
    public var role: String
    public var missing: Int
    public var code: Reason
    /// Blocking cause → number of people of the role it blocks (onLeave, resting, onOtherShift, …).
    public var blockedBy: [String: Int]
    public var reason: String
    public var reasonVi: String

    public init(
        date: String,
        shift: String,
        post: String,
        role: String,
        missing: Int,
        code: Reason,
        blockedBy: [String: Int],
        reason: String,
        reasonVi: String
    ) {
        self.date = date
        self.shift = shift
        self.post = post
        self.role = role
        self.missing = missing
        self.code = code
        self.blockedBy = blockedBy
        self.reason = reason
        self.reasonVi = reasonVi
    }
}

/// Max − min of the year-to-date counts (history + this roster) among people of one primary role.
public struct RosterFairness: Codable, Sendable, Equatable {
    public var role: String
    public var people: Int
    public var total: RosterSpread
    public var night: RosterSpread
    public var weekendHoliday: RosterSpread

    public init(role: String, people: Int, total: RosterSpread, night: RosterSpread, weekendHoliday: RosterSpread) {
        self.role = role
        self.people = people
        self.total = total
        self.night = night
        self.weekendHoliday = weekendHoliday
    }
}

/// Minimum, maximum and their difference.
public struct RosterSpread: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var spread: Int

    public init(values: [Int]) {
        min = values.min() ?? 0
        max = values.max() ?? 0
        spread = max - min
    }
}

/// Required versus filled person-shifts.
public struct RosterCoverage: Codable, Sendable, Equatable {
    public var required: Int
    public var filled: Int

    public init(required: Int, filled: Int) {
        self.required = required
        self.filled = filled
    }
}

/// Shifts one person works in this roster (history excluded) and the hours they add up to.
public struct RosterStaffLoad: Codable, Sendable, Equatable {
    public var staff: String
    public var role: String
    public var total: Int
    public var night: Int
    public var weekendHoliday: Int
    public var hours: Double

    public init(staff: String, role: String, total: Int, night: Int, weekendHoliday: Int, hours: Double) {
        self.staff = staff
        self.role = role
        self.total = total
        self.night = night
        self.weekendHoliday = weekendHoliday
        self.hours = hours
    }
}
