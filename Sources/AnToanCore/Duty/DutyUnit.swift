/// A unit's duty set-up: where it is, its key-target profile and its posts with their shifts and staffing.
public struct DutyUnit: Codable, Sendable, Equatable {
    public var area: AreaPath
    public var keyTargets: Set<KeyTargetFlag>
    /// The first post is the main post (trực ban at headquarters): key-target uplifts apply there.
    public var posts: [DutyPost]
    public var rules: RosterRules?

    public init(area: AreaPath, keyTargets: Set<KeyTargetFlag> = [], posts: [DutyPost], rules: RosterRules? = nil) {
        self.area = area
        self.keyTargets = keyTargets
        self.posts = posts
        self.rules = rules
    }
}

/// A duty post (chốt trực) with its shift pattern and one requirement per shift of the pattern.
public struct DutyPost: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var pattern: ShiftPattern
    public var requirements: [ShiftRequirement]
    /// 1 (low) … 3 (high): where seats stay open first when the staff fall short; nil takes the default.
    public var priority: Int?

    public init(
        id: String,
        name: String? = nil,
        pattern: ShiftPattern,
        requirements: [ShiftRequirement],
        priority: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.pattern = pattern
        self.requirements = requirements
        self.priority = priority
    }

    /// Allowed priorities: 1 thấp / low, 2 thường / normal, 3 cao / high.
    public static let priorities = 1...3

    /// The post's priority, or by default high for the main post (the first) and normal for the others.
    public func priority(isMain: Bool) -> Int {
        priority ?? (isMain ? 3 : 2)
    }
}
