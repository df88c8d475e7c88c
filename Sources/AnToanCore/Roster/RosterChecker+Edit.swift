/// Hand edits and swaps: what a changed assignment list breaks that the old one did not.
extension RosterChecker {
    /// The hard violations of `after` that `before` does not have (counted per rule, person, date and shift),
    /// so an edit is judged on what it breaks, not on problems the roster already had.
    public static func newViolations(
        instance: RosterInstance,
        before: [RosterAssignment],
        after: [RosterAssignment]
    ) -> [RosterViolation] {
        RosterEditCheck(instance: instance, before: before).newViolations(after: after)
    }
}

/// Judges many candidate edits of one roster, as a swap page that offers only what would be accepted does: the
/// instance's model and the roster's own violations are worked out once, then each candidate costs one report.
public struct RosterEditCheck: Sendable {
    private let model: RosterModel?
    private let invalid: RosterViolation?
    private let known: [ViolationKey: Int]

    public init(instance: RosterInstance, before: [RosterAssignment]) {
        var known: [ViolationKey: Int] = [:]
        do {
            let model = try RosterModel(instance)
            for violation in RosterChecker.report(model: model, assignments: before).hardViolations {
                known[ViolationKey(violation), default: 0] += 1
            }
            self.model = model
            invalid = nil
        } catch {
            model = nil
            invalid = RosterViolation(rule: .invalidInstance, detail: "\(error)")
        }
        self.known = known
    }

    /// The hard violations of `after` that the roster did not already have.
    public func newViolations(after: [RosterAssignment]) -> [RosterViolation] {
        guard let model else { return invalid.map { [$0] } ?? [] }
        var known = known
        var fresh: [RosterViolation] = []
        for violation in RosterChecker.report(model: model, assignments: after).hardViolations {
            let key = ViolationKey(violation)
            if let count = known[key], count > 0 {
                known[key] = count - 1
            } else {
                fresh.append(violation)
            }
        }
        return fresh
    }

    private struct ViolationKey: Hashable, Sendable {
        let rule: RosterViolation.Rule
        let staff: String?
        let date: String?
        let shift: String?

        init(_ violation: RosterViolation) {
            rule = violation.rule
            staff = violation.staff
            date = violation.date
            shift = violation.shift
        }
    }
}

extension RosterViolation.Rule {
    /// What the rule forbids, as a person reading a refused edit needs it.
    public var vietnamese: String {
        switch self {
        case .invalidInstance: "lịch trực không hợp lệ"
        case .invalidAssignment: "người này không có trong danh sách trực của đơn vị"
        case .duplicate: "người này đã có trong ca này"
        case .roleMismatch: "người này không phải lãnh đạo, không thể trực chỗ của lãnh đạo"
        case .postNotAllowed: "người này không được trực ở chốt này"
        case .overCoverage: "ca này đã đủ người"
        case .overlap: "người này đã trực một ca trùng giờ"
        case .minRest: "người này không đủ thời gian nghỉ giữa hai ca"
        case .weeklyRest: "người này không còn đủ thời gian nghỉ hằng tuần"
        case .unavailable: "người này đang nghỉ phép hoặc vắng mặt"
        case .maxConsecutiveNights: "người này đã trực quá số đêm liên tiếp cho phép"
        }
    }

    public var english: String {
        switch self {
        case .invalidInstance: "the roster is not valid"
        case .invalidAssignment: "this person is not on the unit's duty list"
        case .duplicate: "this person is already on this shift"
        case .roleMismatch: "this person is not a leader and cannot take a leader's seat"
        case .postNotAllowed: "this person may not serve at this post"
        case .overCoverage: "this shift is already full"
        case .overlap: "this person is already on an overlapping shift"
        case .minRest: "this person would not get the minimum rest between shifts"
        case .weeklyRest: "this person would not get the weekly rest"
        case .unavailable: "this person is on leave or away"
        case .maxConsecutiveNights: "this person would exceed the consecutive-night limit"
        }
    }
}
