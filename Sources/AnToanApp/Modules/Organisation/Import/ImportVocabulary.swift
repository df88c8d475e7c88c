import AnToanCore

/// The Vietnamese words the registry's spreadsheets may use for the API's values, one set per value type, named
/// as the type is. The first word of each entry is the label exports write (`ImportWords`).
enum ImportVocabulary {
    static let table: [String: ImportWords] = [
        "AreaKind": ImportWords([
            ("province", ["Tỉnh", "Thành phố trực thuộc trung ương"]), ("commune", ["Xã"]), ("ward", ["Phường"]),
            ("special_zone", ["Đặc khu"]), ("district", ["Huyện", "Quận", "Thị xã", "Thành phố thuộc tỉnh"]),
        ]),
        "UnitKind": ImportWords([
            ("agency", ["Cơ quan"]), ("enterprise", ["Doanh nghiệp", "Công ty"]),
            ("school", ["Trường học", "Trường"]),
            ("commune_committee", ["UBND xã", "Ủy ban nhân dân xã", "UBND phường", "Ủy ban nhân dân phường"]),
            ("bank", ["Ngân hàng", "Kho bạc", "Quỹ tín dụng"]), ("other", ["Khác"]),
        ]),
        "EnterpriseSize": ImportWords([
            ("micro", ["Siêu nhỏ"]), ("small", ["Nhỏ"]), ("medium", ["Vừa"]), ("large", ["Lớn"]),
        ]),
        "SchoolLevel": ImportWords([
            ("nursery", ["Nhà trẻ"]), ("kindergarten", ["Mẫu giáo", "Mầm non"]), ("primary", ["Tiểu học"]),
            ("lower_secondary", ["THCS", "Trung học cơ sở"]), ("upper_secondary", ["THPT", "Trung học phổ thông"]),
            ("college", ["Cao đẳng"]), ("university", ["Đại học"]),
        ]),
        "KeyTargetFlag": ImportWords([
            ("industrial_zone", ["Khu công nghiệp"]), ("foreign_investment", ["Vốn nước ngoài"]),
            ("foreign_workers", ["Lao động nước ngoài"]), ("state_secrets", ["Bí mật nhà nước"]),
            ("holds_weapons", ["Quản lý vũ khí"]), ("bank_treasury", ["Kho quỹ"]),
        ]),
        "StaffStatus": ImportWords([
            ("active", ["Đang làm việc", "Đang công tác"]), ("on_leave", ["Nghỉ phép", "Tạm nghỉ"]),
            ("left", ["Đã nghỉ", "Nghỉ việc"]),
        ]),
        "ForceKind": ImportWords([
            ("protection", ["Bảo vệ", "Lực lượng bảo vệ"]), ("self_defence", ["Tự vệ", "Dân quân tự vệ"]),
            ("antt_team", ["Tổ ANTT", "Tổ tự quản ANTT"]),
        ]),
        "ForceRole": ImportWords([
            ("member", ["Thành viên", "Đội viên", "Tổ viên"]), ("leader", ["Tổ trưởng", "Đội trưởng", "Chỉ huy"]),
            ("deputy", ["Tổ phó", "Đội phó", "Phó"]),
        ]),
        "EquipmentKind": ImportWords(
            EquipmentKind.allCases.map { ($0.rawValue, [$0.nameVi] + (equipmentSynonyms[$0] ?? [])) }
        ),
        "EquipmentOwner": ImportWords([
            ("guard_force", ["Bảo vệ", "Lực lượng bảo vệ"]), ("self_defence", ["Tự vệ", "Lực lượng tự vệ"]),
        ]),
        "EquipmentStatus": ImportWords(EquipmentStatus.allCases.map { ($0.rawValue, [$0.nameVi]) }),
        "PermitKind": ImportWords([("purchase", ["Giấy phép mua", "Mua"]), ("use", ["Giấy phép sử dụng", "Sử dụng"])]),
    ]

    /// The other names units write for equipment in their books.
    private static let equipmentSynonyms: [EquipmentKind: [String]] = [
        .co2Extinguisher: ["Bình chữa cháy CO2", "Bình CO2", "Bình khí CO2"],
        .powderExtinguisher: ["Bình bột", "Bình chữa cháy bột ABC", "Bình chữa cháy bột BC"],
        .foamExtinguisher: ["Bình bọt"], .waterExtinguisher: ["Bình nước"],
        .handcuffs: ["Còng số 8", "Còng tay"], .radio: ["Máy bộ đàm"], .bodyArmour: ["Áo giáp chống đâm"],
        .hydrant: ["Trụ cứu hỏa", "Trụ nước"], .hoseReel: ["Lăng vòi chữa cháy", "Vòi chữa cháy"],
        .fireAlarm: ["Tủ báo cháy", "Báo cháy tự động"], .sprinkler: ["Sprinkler"],
    ]

    /// The API value a cell means, or nil when it means none of the accepted values.
    static func value(_ text: String, in name: String) -> String? {
        table[name]?.value(text)
    }

    /// The word an export writes for an API value.
    static func label(_ value: String, in name: String) -> String {
        table[name]?.label(value) ?? value
    }

    /// "Cơ quan (agency), Doanh nghiệp (enterprise), …" for template guides.
    static func accepted(in name: String) -> String {
        table[name]?.accepted ?? ""
    }
}

extension ImportRow {
    /// One of an enum's values, written as the API's raw value or one of the vocabulary's Vietnamese words.
    mutating func choice<Kind: RawRepresentable & CaseIterable>(
        _ key: String,
        _ type: Kind.Type,
        optional: Bool = false
    ) -> Kind? where Kind.RawValue == String {
        choice(key, in: ImportVocabulary.words(type), optional: optional).flatMap(Kind.init(rawValue:))
    }

    /// Several values of an enum in one cell, separated by commas or semicolons.
    mutating func choices<Kind: RawRepresentable & CaseIterable>(_ key: String, _ type: Kind.Type) -> [Kind]
    where Kind.RawValue == String {
        choices(key, in: ImportVocabulary.words(type)).compactMap(Kind.init(rawValue:))
    }
}

extension ImportVocabulary {
    /// The words of an enum type, by its name.
    static func words<Kind>(_ type: Kind.Type) -> ImportWords {
        table[String(describing: type)] ?? ImportWords([])
    }
}

/// The staff statuses are plain strings in the model; a name here lets them share the vocabulary.
enum StaffStatus: String, CaseIterable {
    case active
    case onLeave = "on_leave"
    case left
}
