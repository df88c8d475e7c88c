/// A duty-roster problem as read from JSON; the full format is in Benchmarks/roster/ROSTER-FORMAT.md.
///
/// ```
/// {"start":"2027-02-01","days":31,"posts":["hq","gate"],            // posts optional, first = default
///  "shifts":[{"id":"D","start":"07:00","hours":12},                  // optional "post", "night", "name"
///            {"id":"N","start":"19:00","hours":12,"night":true}],
///  "staff":[{"id":"s1","role":"leader","roles":["leader","officer"],  // roles: extra roles it may fill
///            "posts":["hq"],"unavailable":["2027-02-05"],"name":"…"}],
///  "demand":[{"shift":"D","post":"hq","leader":1,"officer":2},       // no date = every day
///            {"date":"2027-02-05","shift":"N","leader":1,"officer":3}], // a dated entry replaces it
///  "rules":{"minRestHours":12,"weeklyRestHours":24,"maxConsecutiveNights":3},
///  "holidays":["2027-02-06"],
///  "preferences":[{"staff":"s2","avoidDates":["2027-02-14"],"avoidShifts":["N"]}],
///  "history":[{"staff":"s2","total":10,"night":5,"weekendHoliday":3}],
///  "previous":[{"date":"2027-02-01","shift":"N","post":"hq","role":"officer","staff":"s2"}],
///  "priorities":{"gate":3,"back":1},                               // optional, 1…3, default 2
///  "seed":42}
/// ```
public struct RosterInstance: Codable, Sendable, Equatable {
    public var start: String
    public var days: Int
    public var posts: [String]?
    public var shifts: [RosterShift]
    public var staff: [RosterStaff]
    public var demand: [RosterDemand]
    public var rules: RosterRules?
    public var holidays: [String]?
    public var preferences: [RosterPreference]?
    public var history: [RosterHistory]?
    public var previous: [RosterAssignment]?
    /// Post priorities 1 (low) … 3 (high), default 2: when seats must stay open, they stay open at low ones first.
    public var priorities: [String: Int]?
    public var seed: UInt64?

    public init(
        start: String,
        days: Int,
        posts: [String]? = nil,
        shifts: [RosterShift],
        staff: [RosterStaff],
        demand: [RosterDemand],
        rules: RosterRules? = nil,
        holidays: [String]? = nil,
        preferences: [RosterPreference]? = nil,
        history: [RosterHistory]? = nil,
        previous: [RosterAssignment]? = nil,
        priorities: [String: Int]? = nil,
        seed: UInt64? = nil
    ) {
        self.start = start
        self.days = days
        self.posts = posts
        self.shifts = shifts
        self.staff = staff
        self.demand = demand
        self.rules = rules
        self.holidays = holidays
        self.preferences = preferences
        self.history = history
        self.previous = previous
        self.priorities = priorities
        self.seed = seed
    }
}

/// A daily shift template: start time, length, night flag and optionally the one post it belongs to.
public struct RosterShift: Codable, Sendable, Equatable {
    public var id: String
    public var start: String
    public var hours: Double
    public var night: Bool?
    public var post: String?
    public var name: String?

    public init(id: String, start: String, hours: Double, night: Bool? = nil, post: String? = nil, name: String? = nil)
    {
        self.id = id
        self.start = start
        self.hours = hours
        self.night = night
        self.post = post
        self.name = name
    }
}

/// A person who can be rostered: primary role, extra roles, eligible posts and days off.
public struct RosterStaff: Codable, Sendable, Equatable {
    public var id: String
    public var role: String
    public var roles: [String]?
    public var posts: [String]?
    public var unavailable: [String]?
    public var name: String?

    public init(
        id: String,
        role: String,
        roles: [String]? = nil,
        posts: [String]? = nil,
        unavailable: [String]? = nil,
        name: String? = nil
    ) {
        self.id = id
        self.role = role
        self.roles = roles
        self.posts = posts
        self.unavailable = unavailable
        self.name = name
    }
}

/// How many leaders and officers a shift needs at a post, on one date or (without a date) every day.
public struct RosterDemand: Codable, Sendable, Equatable {
    public var date: String?
    public var shift: String
    public var post: String?
    public var leader: Int?
    public var officer: Int?

    public init(date: String? = nil, shift: String, post: String? = nil, leader: Int? = nil, officer: Int? = nil) {
        self.date = date
        self.shift = shift
        self.post = post
        self.leader = leader
        self.officer = officer
    }
}

/// Labour-law limits; each may only be made stricter than the legal default.
public struct RosterRules: Codable, Sendable, Equatable {
    public var minRestHours: Double?
    public var weeklyRestHours: Double?
    public var maxConsecutiveNights: Int?

    public init(minRestHours: Double? = nil, weeklyRestHours: Double? = nil, maxConsecutiveNights: Int? = nil) {
        self.minRestHours = minRestHours
        self.weeklyRestHours = weeklyRestHours
        self.maxConsecutiveNights = maxConsecutiveNights
    }
}

/// Soft wishes of one person: dates and shift templates they would rather not work.
public struct RosterPreference: Codable, Sendable, Equatable {
    public var staff: String
    public var avoidDates: [String]?
    public var avoidShifts: [String]?

    public init(staff: String, avoidDates: [String]? = nil, avoidShifts: [String]? = nil) {
        self.staff = staff
        self.avoidDates = avoidDates
        self.avoidShifts = avoidShifts
    }
}

/// Shifts already worked this year, so fairness is judged over the whole year.
public struct RosterHistory: Codable, Sendable, Equatable {
    public var staff: String
    public var total: Int?
    public var night: Int?
    public var weekendHoliday: Int?

    public init(staff: String, total: Int? = nil, night: Int? = nil, weekendHoliday: Int? = nil) {
        self.staff = staff
        self.total = total
        self.night = night
        self.weekendHoliday = weekendHoliday
    }
}

/// One person on one shift at one post in one role (solver output and `previous` input).
public struct RosterAssignment: Codable, Sendable, Equatable, Hashable {
    public var date: String
    public var shift: String
    public var staff: String
    public var post: String?
    public var role: String?

    public init(date: String, shift: String, staff: String, post: String? = nil, role: String? = nil) {
        self.date = date
        self.shift = shift
        self.staff = staff
        self.post = post
        self.role = role
    }
}

extension RosterShift {
    /// Minutes after midnight at which the shift starts; nil when `start` is not `HH:mm`.
    public var startMinute: Int? { RosterModel.minuteOfDay(start) }
}
