/// How a unit's plans and reports find their way up: which rule wins, and the chain of `reports_to`.
public enum Routing {
    /// A rule as the choice needs it: the area it is limited to (nil: anywhere) and the unit kind (nil: any).
    public struct Candidate<ID: Hashable & Sendable>: Hashable, Sendable {
        public var id: ID
        public var areaPath: AreaPath?
        public var unitKind: String?

        public init(id: ID, areaPath: AreaPath?, unitKind: String?) {
            self.id = id
            self.areaPath = areaPath
            self.unitKind = unitKind
        }
    }

    /// The body kinds tried, in order, for the first body of a chain when no rule applies: the police guide
    /// and inspect protection work, then the people's committee, then the military command.
    public static let fallbackKinds: [BodyKind] = [.police, .peoplesCommittee, .militaryCommand]

    /// The most specific rule that applies to a unit of `kind` in `path`: the deepest area wins, then a rule
    /// naming the unit kind beats one for any kind.
    public static func choose<ID>(_ candidates: [Candidate<ID>], unitKind kind: String, in path: AreaPath) -> ID? {
        candidates.filter { candidate in
            (candidate.unitKind == nil || candidate.unitKind == kind)
                && (candidate.areaPath.map { $0.contains(path) } ?? true)
        }
        .max { specificity($0) < specificity($1) }?
        .id
    }

    private static func specificity<ID>(_ candidate: Candidate<ID>) -> Int {
        (candidate.areaPath?.value.count ?? 0) * 2 + (candidate.unitKind == nil ? 0 : 1)
    }

    /// `start`, then what it reports to, and so on, until the chain ends or would come back on itself.
    /// `next` may look each step up as it goes (it is async for that); it is called at most `limit` times.
    public static func follow<ID: Hashable>(
        from start: ID,
        limit: Int = 32,
        next: (ID) async throws -> ID?
    ) async rethrows -> [ID] {
        var chain = [start]
        var seen: Set<ID> = [start]
        while chain.count < limit, let following = try await next(chain[chain.count - 1]),
            seen.insert(following).inserted
        {
            chain.append(following)
        }
        return chain
    }

    /// True when `id` reporting to `target` would make a loop: `target` is `id` or already reports up to it.
    public static func wouldLoop<ID: Hashable>(
        _ id: ID,
        reportingTo target: ID,
        next: (ID) async throws -> ID?
    ) async rethrows -> Bool {
        try await follow(from: target, next: next).contains(id)
    }
}
