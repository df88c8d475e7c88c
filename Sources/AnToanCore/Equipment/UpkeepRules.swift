/// What is done to an item on a schedule (EQ-3): the periodic check (kiểm tra định kỳ), maintenance (bảo dưỡng),
/// an extinguisher's hydrostatic test (thử thủy lực) and a permit's end (hết hạn giấy phép).
public enum UpkeepKind: String, CaseIterable, Codable, Sendable {
    case check
    case maintenance
    case hydrostaticTest = "hydrostatic_test"
    case permitExpiry = "permit_expiry"

    public var nameVi: String {
        switch self {
        case .check: "Kiểm tra định kỳ"
        case .maintenance: "Bảo dưỡng"
        case .hydrostaticTest: "Thử thủy lực"
        case .permitExpiry: "Hết hạn giấy phép"
        }
    }

    public var nameEn: String {
        switch self {
        case .check: "Periodic check"
        case .maintenance: "Maintenance"
        case .hydrostaticTest: "Hydrostatic test"
        case .permitExpiry: "Permit expiry"
        }
    }

    /// Done by a check recorded on the item (a permit's end moves only with a new permit).
    public var isRecorded: Bool { self != .permitExpiry }
}

/// One point of a check's checklist, passed or failed.
public struct ChecklistPoint: Sendable, Equatable {
    public var key: String
    public var nameVi: String
    public var nameEn: String

    public init(_ key: String, _ nameVi: String, _ nameEn: String) {
        self.key = key
        self.nameVi = nameVi
        self.nameEn = nameEn
    }
}

/// A reminder's stage: some days before the due date, and on it (or after, for a date already passed).
public enum ReminderStage: String, CaseIterable, Codable, Sendable {
    case soon
    case due
}

/// The schedules of upkeep per kind of item, the legal floor a unit may not go beyond, the checklists, and the due
/// date of an item's upkeep. The figures and where each comes from:
/// - extinguishers' periodic check: about every 30 days (TCVN 7435-2:2004 cl. 4.2.1): a legal maximum of 30 days;
/// - extinguishers' maintenance: not more than one year apart (TCVN 7435-2 cl. 4.3): a legal maximum of 365 days;
/// - extinguishers' hydrostatic test: 5 years by default, per type; the Vietnamese figure is NOT confirmed
///   (fire-safety.md §4: ISO 11602-2 uses 5–10 years by type), so no legal maximum is enforced;
/// - hydrants, hose reels, alarm and sprinkler systems: monthly checks and yearly maintenance as defaults a unit may
///   change; fire-safety.md gives no figure for them, so none is enforced;
/// - support tools and weapons: the manufacturer's interval (no national figure): 6 months of maintenance and a
///   monthly check by default, changeable freely;
/// - a permit's end: due on its `valid_until`, reminded before it.
public enum UpkeepRules {
    /// Days before a due date that the first reminder goes.
    public static let reminderLeadDays = 7
    /// Days a corrective action is given by default.
    public static let actionDeadlineDays = 7
    /// The shortest interval a unit may set, in days.
    public static let minimumInterval = 1
    /// The longest interval a unit may set where the law gives none: ten years.
    public static let longestInterval = 3_650

    /// The upkeep an item of `kind` is scheduled for (a permit's end is added where the item has a permit).
    public static func upkeeps(for kind: EquipmentKind) -> [UpkeepKind] {
        if kind.isExtinguisher { return [.check, .maintenance, .hydrostaticTest] }
        switch kind.category {
        case .fireEquipment: return [.check, .maintenance]
        case .supportTool, .weapon: return kind.isCounted ? [.check] : [.check, .maintenance]
        case .securityDevice: return []
        }
    }

    /// The interval, in days, a unit gets unless it sets its own.
    public static func defaultInterval(_ kind: EquipmentKind, _ upkeep: UpkeepKind) -> Int? {
        guard upkeeps(for: kind).contains(upkeep) else { return nil }
        switch upkeep {
        case .check: return 30
        case .maintenance:
            if kind.isExtinguisher { return 365 }
            switch kind {
            case .fireAlarm, .sprinkler: return 180
            case .hydrant, .hoseReel, .otherFireEquipment: return 365
            default: return 180
            }
        case .hydrostaticTest: return 5 * 365
        case .permitExpiry: return nil
        }
    }

    /// The longest interval the law allows, in days; nil where it gives none.
    public static func legalMaximum(_ kind: EquipmentKind, _ upkeep: UpkeepKind) -> Int? {
        guard kind.isExtinguisher else { return nil }
        switch upkeep {
        case .check: return 30
        case .maintenance: return 365
        case .hydrostaticTest, .permitExpiry: return nil
        }
    }

    /// Where the legal maximum comes from, to name it in an error.
    public static func legalBasis(_ kind: EquipmentKind, _ upkeep: UpkeepKind) -> String {
        switch upkeep {
        case .check: "TCVN 7435-2:2004 mục 4.2.1"
        case .maintenance: "TCVN 7435-2:2004 mục 4.3"
        case .hydrostaticTest, .permitExpiry: ""
        }
    }

    public enum IntervalProblem: Equatable, Sendable {
        /// The kind has no schedule of this upkeep.
        case notScheduled
        case tooShort
        /// Longer than the law allows: the maximum and its basis.
        case beyondLegal(maximum: Int, basis: String)
        case tooLong(maximum: Int)

        public var vi: String {
            switch self {
            case .notScheduled: "loại này không có lịch bảo quản đó"
            case .tooShort: "ít nhất \(UpkeepRules.minimumInterval) ngày"
            case .beyondLegal(let maximum, let basis): "không được dài hơn \(maximum) ngày theo \(basis)"
            case .tooLong(let maximum): "không quá \(maximum) ngày"
            }
        }

        public var en: String {
            switch self {
            case .notScheduled: "this kind has no such upkeep schedule"
            case .tooShort: "at least \(UpkeepRules.minimumInterval) day"
            case .beyondLegal(let maximum, let basis): "cannot exceed \(maximum) days under \(basis)"
            case .tooLong(let maximum): "at most \(maximum) days"
            }
        }
    }

    /// Checks an interval a unit sets: shorter is always allowed, longer only where the law is silent.
    public static func check(interval days: Int, _ kind: EquipmentKind, _ upkeep: UpkeepKind) -> IntervalProblem? {
        guard upkeep.isRecorded, defaultInterval(kind, upkeep) != nil else { return .notScheduled }
        if days < minimumInterval { return .tooShort }
        if let maximum = legalMaximum(kind, upkeep), days > maximum {
            return .beyondLegal(maximum: maximum, basis: legalBasis(kind, upkeep))
        }
        if days > longestInterval { return .tooLong(maximum: longestInterval) }
        return nil
    }

    /// The due date: the last time it was done (or the day the item came into service) plus the interval.
    public static func due(lastDone: SolarDate?, start: SolarDate, interval: Int) -> SolarDate {
        (lastDone ?? start).adding(days: interval)
    }

    /// The reminder owed on `today` for a due date, if any: `soon` within the lead days, `due` from the day on.
    public static func stage(due: SolarDate, today: SolarDate) -> ReminderStage? {
        let left = today.days(to: due)
        if left <= 0 { return .due }
        if left <= reminderLeadDays { return .soon }
        return nil
    }

    /// Past its due date.
    public static func isOverdue(due: SolarDate, today: SolarDate) -> Bool { due < today }

    /// What a check of an item of `kind` looks at, each passed or failed.
    public static func checklist(for kind: EquipmentKind) -> [ChecklistPoint] {
        if kind.isExtinguisher {
            return [
                ChecklistPoint("in_place", "Đúng vị trí", "In its place"),
                ChecklistPoint("visible", "Không bị che khuất, dễ thấy", "Unobstructed and visible"),
                ChecklistPoint("seal", "Chốt, niêm phong còn nguyên", "Seal intact"),
                ChecklistPoint("gauge", "Áp suất (đồng hồ) trong vùng xanh", "Gauge in range"),
                ChecklistPoint("no_damage", "Không hư hỏng, rỉ sét, nứt vỡ", "No damage"),
            ]
        }
        switch kind {
        case .hydrant, .hoseReel:
            return [
                ChecklistPoint("accessible", "Không bị che chắn, dễ tiếp cận", "Accessible"),
                ChecklistPoint("hose", "Vòi, lăng đủ và không hư hỏng", "Hose and nozzle complete, undamaged"),
                ChecklistPoint("valve", "Van đóng mở được, không rò rỉ", "Valve works, no leak"),
                ChecklistPoint("pressure", "Có nước, đủ áp lực", "Water at pressure"),
            ]
        case .fireAlarm:
            return [
                ChecklistPoint("panel", "Tủ trung tâm hoạt động, không báo lỗi", "Panel on, no fault"),
                ChecklistPoint("detectors", "Đầu báo không bị che, không hư hỏng", "Detectors clear and undamaged"),
                ChecklistPoint("call_points", "Nút ấn báo cháy, chuông còn tốt", "Call points and bells working"),
                ChecklistPoint("power", "Nguồn điện và ắc quy dự phòng tốt", "Mains and backup battery good"),
            ]
        case .sprinkler:
            return [
                ChecklistPoint("heads", "Đầu phun không bị che, không hư hỏng", "Heads clear and undamaged"),
                ChecklistPoint("valves", "Van ở trạng thái mở đúng", "Valves in the right position"),
                ChecklistPoint("pressure", "Áp lực đường ống trong giới hạn", "Pipe pressure in range"),
                ChecklistPoint("pump", "Bơm chữa cháy sẵn sàng", "Fire pump ready"),
            ]
        default:
            return [
                ChecklistPoint("present", "Có đủ, đúng nơi cất giữ", "Present, in its store"),
                ChecklistPoint("condition", "Không hư hỏng, hoạt động tốt", "Undamaged, in working order"),
                ChecklistPoint("marking", "Số hiệu, nhãn còn rõ", "Serial and label legible"),
            ]
        }
    }
}
