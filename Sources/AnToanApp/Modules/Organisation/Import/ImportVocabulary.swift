import AnToanCore

/// The Vietnamese words a spreadsheet may use for the API's values, in one table. The first word of each
/// entry is the label exports write; the raw API value is always accepted too, in any case.
enum ImportVocabulary {
    typealias Entry = (value: String, words: [String])

    static let table: [String: [Entry]] = [
        "AreaKind": [
            ("province", ["Tỉnh", "Thành phố trực thuộc trung ương"]), ("commune", ["Xã"]), ("ward", ["Phường"]),
            ("special_zone", ["Đặc khu"]), ("district", ["Huyện", "Quận", "Thị xã", "Thành phố thuộc tỉnh"]),
        ],
        "UnitKind": [
            ("agency", ["Cơ quan"]), ("enterprise", ["Doanh nghiệp", "Công ty"]),
            ("school", ["Trường học", "Trường"]),
            ("commune_committee", ["UBND xã", "Ủy ban nhân dân xã", "UBND phường", "Ủy ban nhân dân phường"]),
            ("bank", ["Ngân hàng", "Kho bạc", "Quỹ tín dụng"]), ("other", ["Khác"]),
        ],
        "EnterpriseSize": [("micro", ["Siêu nhỏ"]), ("small", ["Nhỏ"]), ("medium", ["Vừa"]), ("large", ["Lớn"])],
        "SchoolLevel": [
            ("nursery", ["Nhà trẻ"]), ("kindergarten", ["Mẫu giáo", "Mầm non"]), ("primary", ["Tiểu học"]),
            ("lower_secondary", ["THCS", "Trung học cơ sở"]), ("upper_secondary", ["THPT", "Trung học phổ thông"]),
            ("college", ["Cao đẳng"]), ("university", ["Đại học"]),
        ],
        "KeyTargetFlag": [
            ("industrial_zone", ["Khu công nghiệp"]), ("foreign_investment", ["Vốn nước ngoài"]),
            ("foreign_workers", ["Lao động nước ngoài"]), ("state_secrets", ["Bí mật nhà nước"]),
            ("holds_weapons", ["Quản lý vũ khí"]), ("bank_treasury", ["Kho quỹ"]),
        ],
        "StaffStatus": [
            ("active", ["Đang làm việc", "Đang công tác"]), ("on_leave", ["Nghỉ phép", "Tạm nghỉ"]),
            ("left", ["Đã nghỉ", "Nghỉ việc"]),
        ],
        "ForceKind": [
            ("protection", ["Bảo vệ", "Lực lượng bảo vệ"]), ("self_defence", ["Tự vệ", "Dân quân tự vệ"]),
            ("antt_team", ["Tổ ANTT", "Tổ tự quản ANTT"]),
        ],
        "ForceRole": [
            ("member", ["Thành viên", "Đội viên", "Tổ viên"]), ("leader", ["Tổ trưởng", "Đội trưởng", "Chỉ huy"]),
            ("deputy", ["Tổ phó", "Đội phó", "Phó"]),
        ],
    ]

    static let yes: Set<String> = ["co", "x", "yes", "y", "true", "1"]
    static let no: Set<String> = ["khong", "no", "n", "false", "0"]

    /// The API value a cell means, or nil when it means none of the accepted values.
    static func value(_ text: String, in name: String) -> String? {
        let folded = Folding.fold(text)
        for entry in table[name] ?? [] {
            if folded == entry.value || folded == Folding.fold(entry.value.replacingOccurrences(of: "_", with: " ")) {
                return entry.value
            }
            if entry.words.contains(where: { Folding.fold($0) == folded }) { return entry.value }
        }
        return nil
    }

    /// The word an export writes for an API value.
    static func label(_ value: String, in name: String) -> String {
        table[name]?.first { $0.value == value }?.words.first ?? value
    }

    /// "Cơ quan (agency), Doanh nghiệp (enterprise), …" for problem messages.
    static func accepted(in name: String) -> String {
        (table[name] ?? []).map { "\($0.words.first ?? $0.value) (\($0.value))" }.joined(separator: ", ")
    }

    /// Có/Không, x, yes/no, true/false, 1/0; nil for anything else.
    static func bool(_ text: String) -> Bool? {
        let folded = Folding.fold(text)
        if yes.contains(folded) { return true }
        if no.contains(folded) { return false }
        return nil
    }
}

/// The staff statuses are plain strings in the model; a name here lets them share the vocabulary.
enum StaffStatus: String, CaseIterable {
    case active
    case onLeave = "on_leave"
    case left
}
