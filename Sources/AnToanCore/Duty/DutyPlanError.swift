/// A unit's duty set-up or peak period that cannot be turned into a roster instance.
public enum DutyPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPosts
    case emptyPostIdentifier(position: Int)
    case duplicatePost(post: String)
    case pattern(post: String, ShiftPatternError)
    case unknownShift(post: String, shift: String)
    case duplicateRequirement(post: String, shift: String)
    case missingRequirement(post: String, shift: String)
    case negativeCount(post: String, shift: String, kind: DayKind)
    /// Two posts use one shift id for different times; shift ids name the same hours across a unit.
    case conflictingShift(shift: String, post: String, otherPost: String)
    case peakEndsBeforeStart(peak: String)
    case negativeUplift(peak: String)
    /// The built instance was refused (e.g. a staff member listed at an unknown post); see the roster error.
    case instance(RosterError)

    public var vietnameseMessage: String {
        switch self {
        case .noPosts: "Đơn vị chưa có chốt trực nào."
        case .emptyPostIdentifier(let position): "Chốt trực thứ \(position) chưa có mã."
        case .duplicatePost(let post): "Mã chốt trực `\(post)` bị dùng hai lần."
        case .pattern(let post, let error): "Chốt `\(post)`: \(error.vietnameseMessage)"
        case .unknownShift(let post, let shift): "Chốt `\(post)`: mẫu ca không có ca `\(shift)`."
        case .duplicateRequirement(let post, let shift): "Chốt `\(post)`: ca `\(shift)` được định biên hai lần."
        case .missingRequirement(let post, let shift): "Chốt `\(post)`: ca `\(shift)` chưa có định biên người trực."
        case .negativeCount(let post, let shift, let kind):
            "Chốt `\(post)`, ca `\(shift)`, \(kind.nameVi): số người trực không được âm."
        case .conflictingShift(let shift, let post, let otherPost):
            "Ca `\(shift)` của chốt `\(post)` khác giờ với ca cùng mã của chốt `\(otherPost)`; hãy đặt mã khác."
        case .peakEndsBeforeStart(let peak): "Đợt cao điểm \"\(peak)\": ngày kết thúc trước ngày bắt đầu."
        case .negativeUplift(let peak): "Đợt cao điểm \"\(peak)\": số người tăng cường không được âm."
        case .instance(let error): error.vietnameseMessage
        }
    }

    public var englishMessage: String {
        switch self {
        case .noPosts: "The unit has no duty post."
        case .emptyPostIdentifier(let position): "Post \(position) has no id."
        case .duplicatePost(let post): "Post id `\(post)` is used twice."
        case .pattern(let post, let error): "Post `\(post)`: \(error.englishMessage)"
        case .unknownShift(let post, let shift): "Post `\(post)`: the pattern has no shift `\(shift)`."
        case .duplicateRequirement(let post, let shift): "Post `\(post)`: shift `\(shift)` is staffed twice."
        case .missingRequirement(let post, let shift): "Post `\(post)`: shift `\(shift)` has no staffing requirement."
        case .negativeCount(let post, let shift, let kind):
            "Post `\(post)`, shift `\(shift)`, \(kind.rawValue) days: a count is negative."
        case .conflictingShift(let shift, let post, let otherPost):
            "Shift `\(shift)` of post `\(post)` has other hours than shift `\(shift)` of post `\(otherPost)`; "
                + "give it another id."
        case .peakEndsBeforeStart(let peak): "Peak period \"\(peak)\" ends before it starts."
        case .negativeUplift(let peak): "Peak period \"\(peak)\": the uplift is negative."
        case .instance(let error): error.englishMessage
        }
    }

    /// Vietnamese first, then English, for CLI output and logs.
    public var description: String {
        "\(vietnameseMessage) / \(englishMessage)"
    }
}
