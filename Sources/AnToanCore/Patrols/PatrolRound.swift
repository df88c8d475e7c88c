/// How a round's checkpoints must follow each other.
public enum CheckpointOrder: String, Codable, Sendable, CaseIterable {
    /// As the route lists them.
    case fixed
    /// Any order; every checkpoint counts.
    case free
    /// A new order drawn for each round, so that no one outside can learn when a post is left alone; the same
    /// round always draws the same order, so the checker and the guard's phone agree without storing it.
    case random

    public var nameVi: String {
        switch self {
        case .fixed: "Theo thứ tự"
        case .free: "Tự do"
        case .random: "Ngẫu nhiên mỗi lượt"
        }
    }
}

/// The plan of one round: which checkpoints, in which order.
public enum PatrolRoundPlan {
    /// The order of `checkpoints` (as the route lists them) for the round that starts `roundStart` (seconds since
    /// 1970) on route `route` (a stable key, e.g. its id).
    public static func order<ID>(_ checkpoints: [ID], _ mode: CheckpointOrder, route: String, roundStart: Int) -> [ID] {
        guard mode == .random else { return checkpoints }
        var random = SeededRandom(seed: seed(route: route, roundStart: roundStart))
        var order = checkpoints
        random.shuffle(&order)
        return order
    }

    /// FNV-1a over the route's key and the round's start: stable across runs, platforms and nodes (Swift's
    /// `Hasher` is seeded per process).
    static func seed(route: String, roundStart: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in Array(route.utf8) + withUnsafeBytes(of: Int64(roundStart).littleEndian, Array.init) {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3
        }
        return hash
    }
}

/// Expected against done for one round (PAT-3): each checkpoint scanned in time, late, or missing.
public struct PatrolRoundTally: Sendable, Equatable {
    public var onTime: [String] = []
    public var late: [String] = []
    public var missing: [String] = []

    /// `plan`: the round's checkpoint ids; `scans`: (checkpoint id, seconds) of the accepted scans, repeats
    /// included; `end`: when the round's window closes.
    public init(plan: [String], scans: [(checkpointID: String, at: Double)], end: Double) {
        let first = Dictionary(scans.map { ($0.checkpointID, $0.at) }, uniquingKeysWith: min)
        for id in plan {
            guard let at = first[id] else {
                missing.append(id)
                continue
            }
            if at <= end { onTime.append(id) } else { late.append(id) }
        }
    }

    /// Every checkpoint scanned within the window.
    public var isComplete: Bool { late.isEmpty && missing.isEmpty }
}
