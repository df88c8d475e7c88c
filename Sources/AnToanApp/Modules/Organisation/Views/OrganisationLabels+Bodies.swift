import AnToanCore

/// Names of area kinds, body kinds and routing purposes.
extension OrganisationLabels {
    static func area(_ raw: String, _ lang: Language) -> String {
        switch AreaKind(rawValue: raw) {
        case .province: lang("Tỉnh, thành phố", "Province or city")
        case .commune: lang("Xã", "Commune")
        case .ward: lang("Phường", "Ward")
        case .specialZone: lang("Đặc khu", "Special zone")
        case .district: lang("Huyện, quận (trước 01/07/2025)", "District (before 1 July 2025)")
        case nil: raw
        }
    }

    static func body(_ raw: String, _ lang: Language) -> String {
        switch BodyKind(rawValue: raw) {
        case .police: lang("Công an", "Police")
        case .militaryCommand: lang("Ban Chỉ huy Quân sự", "Military command")
        case .peoplesCommittee: lang("Ủy ban nhân dân", "People's committee")
        case nil: raw
        }
    }

    static func purpose(_ raw: String, _ lang: Language) -> String {
        switch RoutingPurpose(rawValue: raw) {
        case .planApproval: lang("Phê duyệt phương án, kế hoạch", "Plan approval")
        case .report: lang("Nhận báo cáo", "Reports")
        case nil: raw
        }
    }
}
