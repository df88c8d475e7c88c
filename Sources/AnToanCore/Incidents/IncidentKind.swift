import Foundation

/// The kinds of incident (vụ việc), each with the criterion of the "An toàn về ANTT" standard
/// (TT 124/2021/TT-BCA, Điều 6.3 for agencies and enterprises, Điều 7.3–7.4 for schools) it can break, so that
/// a unit's register can propose whether a criterion was met over the year 16/11–15/11.
public enum IncidentKind: String, CaseIterable, Codable, Sendable {
    case theft
    case robbery
    case snatching
    case assault
    case publicDisorder = "public_disorder"
    case massGathering = "mass_gathering"
    case strike
    case religionOrEthnicIssue = "religion_or_ethnic_issue"
    case stateSecretBreach = "state_secret_breach"
    case fireExplosion = "fire_explosion"
    case fatalWorkAccident = "fatal_work_accident"
    case seriousIncident = "serious_incident"
    case environment
    case foodSafety = "food_safety"
    case intrusion
    case staffAdminSanction = "staff_admin_sanction"
    case schoolViolence = "school_violence"
    case socialEvil = "social_evil"
    case cyber
    case lostEquipment = "lost_equipment"
    case other

    public var nameVi: String {
        switch self {
        case .theft: "Trộm cắp tài sản"
        case .robbery: "Cướp tài sản"
        case .snatching: "Cướp giật tài sản"
        case .assault: "Cố ý gây thương tích, đánh nhau"
        case .publicDisorder: "Gây rối trật tự công cộng"
        case .massGathering: "Tụ tập đông người, khiếu kiện đông người"
        case .strike: "Đình công, lãn công trái pháp luật"
        case .religionOrEthnicIssue: "Lợi dụng tín ngưỡng, tôn giáo, dân tộc"
        case .stateSecretBreach: "Lộ, lọt bí mật nhà nước"
        case .fireExplosion: "Cháy, nổ"
        case .fatalWorkAccident: "Tai nạn lao động chết người"
        case .seriousIncident: "Sự cố nghiêm trọng"
        case .environment: "Vi phạm về môi trường"
        case .foodSafety: "Mất an toàn thực phẩm"
        case .intrusion: "Đột nhập, xâm nhập trái phép"
        case .staffAdminSanction: "Cán bộ, nhân viên vi phạm về ANTT"
        case .schoolViolence: "Bạo lực học đường"
        case .socialEvil: "Ma túy, cờ bạc, mại dâm"
        case .cyber: "An ninh mạng, lừa đảo công nghệ cao"
        case .lostEquipment: "Mất vũ khí, công cụ hỗ trợ, giấy phép"
        case .other: "Vụ việc khác"
        }
    }

    public var nameEn: String {
        switch self {
        case .theft: "Theft"
        case .robbery: "Robbery"
        case .snatching: "Snatching"
        case .assault: "Assault, fighting"
        case .publicDisorder: "Public disorder"
        case .massGathering: "Mass gathering, mass complaint"
        case .strike: "Unlawful strike"
        case .religionOrEthnicIssue: "Abuse of religion or ethnicity"
        case .stateSecretBreach: "State secret breach"
        case .fireExplosion: "Fire, explosion"
        case .fatalWorkAccident: "Fatal work accident"
        case .seriousIncident: "Serious incident"
        case .environment: "Environmental violation"
        case .foodSafety: "Food safety"
        case .intrusion: "Intrusion"
        case .staffAdminSanction: "Staff sanctioned for a public-order offence"
        case .schoolViolence: "School violence"
        case .socialEvil: "Drugs, gambling, prostitution"
        case .cyber: "Cyber security, online fraud"
        case .lostEquipment: "Lost weapon, support tool or licence"
        case .other: "Other incident"
        }
    }

    /// The criteria of TT 124/2021/TT-BCA an incident of this kind can break (empty: none directly; its
    /// outcome decides, or it is a duty to report).
    public var criteria: [String] {
        switch self {
        case .theft, .robbery, .snatching: ["6.3.đ"]
        case .assault: ["6.3.đ", "7.4"]
        case .publicDisorder, .massGathering: ["6.3.c"]
        case .strike: ["6.3.d"]
        case .religionOrEthnicIssue: ["6.3.a", "6.3.b"]
        case .stateSecretBreach: ["6.3.e"]
        case .fireExplosion, .fatalWorkAccident, .seriousIncident, .environment, .foodSafety: ["6.3.g"]
        case .staffAdminSanction: ["6.3.h"]
        case .schoolViolence: ["7.4"]
        case .socialEvil: ["6.3.h", "7.4"]
        case .intrusion, .cyber, .lostEquipment, .other: []
        }
    }
}

/// How grave an incident is as reported; it sets how long the addressees have to acknowledge it before it
/// goes one step up the chain.
public enum IncidentSeverity: String, CaseIterable, Codable, Sendable, Comparable {
    case critical
    case high
    case medium
    case low

    public var nameVi: String {
        switch self {
        case .critical: "Khẩn cấp"
        case .high: "Nghiêm trọng"
        case .medium: "Trung bình"
        case .low: "Nhẹ"
        }
    }

    public var nameEn: String {
        switch self {
        case .critical: "Critical"
        case .high: "Serious"
        case .medium: "Moderate"
        case .low: "Minor"
        }
    }

    /// How long an incident may stay unacknowledged at one level before it is escalated to the next:
    /// 5 minutes for the gravest, then 15, 30 and 60.
    public var acknowledgementDelay: TimeInterval {
        switch self {
        case .critical: 5 * 60
        case .high: 15 * 60
        case .medium: 30 * 60
        case .low: 60 * 60
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The gravest first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
