import Foundation

/// The steps of the response to an incident, in order (the first-response protocol: NĐ 06/2013/NĐ-CP Điều
/// 10.1.b, TT 46/2014/TT-BCA Điều 3.3.b, and the seeds' practice).
public enum IncidentStage: String, CaseIterable, Codable, Sendable, Comparable {
    case reported
    case responding
    case sceneSecured = "scene_secured"
    case policeNotified = "police_notified"
    case handedOver = "handed_over"
    case underInvestigation = "under_investigation"
    case closed

    public var nameVi: String {
        switch self {
        case .reported: "Đã báo cáo"
        case .responding: "Có mặt tại hiện trường, hạn chế thiệt hại"
        case .sceneSecured: "Đã bảo vệ hiện trường"
        case .policeNotified: "Đã báo công an"
        case .handedOver: "Đã bàn giao cho công an"
        case .underInvestigation: "Đang điều tra, xác minh"
        case .closed: "Đã kết thúc"
        }
    }

    public var nameEn: String {
        switch self {
        case .reported: "Reported"
        case .responding: "At the scene, limiting damage"
        case .sceneSecured: "Scene protected"
        case .policeNotified: "Police notified"
        case .handedOver: "Handed over to the police"
        case .underInvestigation: "Under investigation"
        case .closed: "Closed"
        }
    }

    /// Short names, for lists and filters.
    public var shortVi: String {
        switch self {
        case .reported: "Mới báo cáo"
        case .responding: "Đang xử lý"
        case .sceneSecured: "Đã bảo vệ hiện trường"
        case .policeNotified: "Đã báo công an"
        case .handedOver: "Đã bàn giao"
        case .underInvestigation: "Đang điều tra"
        case .closed: "Đã kết thúc"
        }
    }

    public var shortEn: String {
        switch self {
        case .reported: "Reported"
        case .responding: "Responding"
        case .sceneSecured: "Scene secured"
        case .policeNotified: "Police notified"
        case .handedOver: "Handed over"
        case .underInvestigation: "Under investigation"
        case .closed: "Closed"
        }
    }

    var position: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }

    /// The stage after this one (nil after closing).
    public var next: IncidentStage? {
        position + 1 < Self.allCases.count ? Self.allCases[position + 1] : nil
    }
}

/// The rule of the response: steps go forward only; a step may be passed over only with a reason, and each
/// step passed over is recorded as skipped with that reason, so that skipped steps show on the timeline.
public enum IncidentWorkflow {
    public enum Problem: Error, Equatable, Sendable {
        /// The incident is closed: nothing more is recorded on it.
        case alreadyClosed
        /// The step is the current one or one before it.
        case notForward(current: IncidentStage)
        /// Reaching the step passes over others, which needs a reason.
        case reasonRequired(skipping: [IncidentStage])
    }

    /// The steps passed over when an incident at `current` is moved to `next`; throws when the move breaks
    /// the rule. `skipReason` counts only when it has text.
    public static func advance(
        from current: IncidentStage,
        to next: IncidentStage,
        skipReason: String?
    ) throws(Problem) -> [IncidentStage] {
        guard current != .closed else { throw .alreadyClosed }
        guard next > current else { throw .notForward(current: current) }
        let skipped = IncidentStage.allCases.filter { $0 > current && $0 < next }
        let hasReason = !(skipReason ?? "").allSatisfy(\.isWhitespace)
        if !skipped.isEmpty, !hasReason { throw .reasonRequired(skipping: skipped) }
        return skipped
    }

    /// True while the incident still needs handling (any stage before closed).
    public static func isOpen(_ stage: IncidentStage) -> Bool { stage != .closed }
}

/// When an unacknowledged incident goes one step up the chain of supervising bodies.
public enum IncidentEscalation {
    /// The time the next escalation is due: `since` (the report, or the last escalation) plus the severity's delay.
    public static func due(since: Date, severity: IncidentSeverity) -> Date {
        since.addingTimeInterval(severity.acknowledgementDelay)
    }

    /// The level to escalate to from `level` (0: the unit's leaders and the first supervising body), or nil
    /// when the chain of `chainLength` bodies is used up.
    public static func nextLevel(after level: Int, chainLength: Int) -> Int? {
        level + 1 < chainLength ? level + 1 : nil
    }
}
