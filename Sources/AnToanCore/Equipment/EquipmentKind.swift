/// The four registers a unit keeps (EQ-1): weapons of its self-defence force, support tools (Luật 42/2024 Điều 2.11),
/// fire equipment (Luật 55/2024) and security devices.
public enum EquipmentCategory: String, CaseIterable, Codable, Sendable {
    case weapon
    case supportTool = "support_tool"
    case fireEquipment = "fire_equipment"
    case securityDevice = "security_device"

    public var nameVi: String {
        switch self {
        case .weapon: "Vũ khí"
        case .supportTool: "Công cụ hỗ trợ"
        case .fireEquipment: "Phương tiện PCCC"
        case .securityDevice: "Thiết bị an ninh"
        }
    }

    public var nameEn: String {
        switch self {
        case .weapon: "Weapons"
        case .supportTool: "Support tools"
        case .fireEquipment: "Fire equipment"
        case .securityDevice: "Security devices"
        }
    }

    /// Taking the item out for use needs the head's approval and a named, trained holder: TT 46/2014 Điều 8.4 for
    /// support tools; weapons of the tự vệ are kept under the stricter rules of the BCHQS (Luật DQTV Điều 21.4.d).
    public var needsApproval: Bool { self == .weapon || self == .supportTool }

    /// Issuing the item to someone needs a valid training certificate for it (TT 46/2014 Điều 8.4.5).
    public var needsCertificate: Bool { self == .weapon || self == .supportTool }
}

/// Who the item belongs to: the guard force (bảo vệ cơ quan) or the self-defence force (tự vệ), whose weapons are
/// issued through the military chain.
public enum EquipmentOwner: String, CaseIterable, Codable, Sendable {
    case guardForce = "guard_force"
    case selfDefence = "self_defence"

    public var nameVi: String {
        switch self {
        case .guardForce: "Lực lượng bảo vệ"
        case .selfDefence: "Lực lượng tự vệ"
        }
    }

    public var nameEn: String {
        switch self {
        case .guardForce: "Guard force"
        case .selfDefence: "Self-defence force"
        }
    }
}

/// Where an item stands.
public enum EquipmentStatus: String, CaseIterable, Codable, Sendable {
    case inStore = "in_store"
    case issued
    case underRepair = "under_repair"
    case lost
    case disposed

    public var nameVi: String {
        switch self {
        case .inStore: "Trong kho"
        case .issued: "Đang cấp phát"
        case .underRepair: "Đang sửa chữa"
        case .lost: "Bị mất"
        case .disposed: "Đã thanh lý"
        }
    }

    public var nameEn: String {
        switch self {
        case .inStore: "In store"
        case .issued: "Issued"
        case .underRepair: "Under repair"
        case .lost: "Lost"
        case .disposed: "Disposed"
        }
    }
}

/// A purchase permit (giấy phép mua) or a use permit (giấy phép sử dụng), issued by the QLHC về TTXH police
/// (TT 46/2014 Điều 8.1).
public enum PermitKind: String, CaseIterable, Codable, Sendable {
    case purchase
    case use

    public var nameVi: String {
        switch self {
        case .purchase: "Giấy phép mua"
        case .use: "Giấy phép sử dụng"
        }
    }

    public var nameEn: String {
        switch self {
        case .purchase: "Purchase permit"
        case .use: "Use permit"
        }
    }
}

/// What an item is. The kind decides its category, whether it is counted rather than numbered, and (in
/// `UpkeepRules`) its checklist and schedules.
public enum EquipmentKind: String, CaseIterable, Codable, Sendable {
    // weapons of the self-defence force
    case rifle
    case pistol
    case ammunition
    case primitiveWeapon = "primitive_weapon"
    // support tools (Luật 42/2024 Điều 2.11)
    case electricBaton = "electric_baton"
    case rubberBaton = "rubber_baton"
    case metalBaton = "metal_baton"
    case pepperSpray = "pepper_spray"
    case stunGun = "stun_gun"
    case handcuffs
    case bodyArmour = "body_armour"
    case cutResistantGloves = "cut_resistant_gloves"
    case shield
    case helmet
    case cartridges
    case otherSupportTool = "other_support_tool"
    // fire equipment (TCVN 7435-2, Luật 55/2024)
    case powderExtinguisher = "powder_extinguisher"
    case co2Extinguisher = "co2_extinguisher"
    case foamExtinguisher = "foam_extinguisher"
    case waterExtinguisher = "water_extinguisher"
    case hydrant
    case hoseReel = "hose_reel"
    case fireAlarm = "fire_alarm"
    case sprinkler
    case otherFireEquipment = "other_fire_equipment"
    // security devices
    case radio
    case camera
    case metalDetector = "metal_detector"
    case key
    case flashlight
    case otherDevice = "other_device"

    public var category: EquipmentCategory {
        switch self {
        case .rifle, .pistol, .ammunition, .primitiveWeapon: .weapon
        case .electricBaton, .rubberBaton, .metalBaton, .pepperSpray, .stunGun, .handcuffs, .bodyArmour,
            .cutResistantGloves, .shield, .helmet, .cartridges, .otherSupportTool:
            .supportTool
        case .powderExtinguisher, .co2Extinguisher, .foamExtinguisher, .waterExtinguisher, .hydrant, .hoseReel,
            .fireAlarm, .sprinkler, .otherFireEquipment:
            .fireEquipment
        case .radio, .camera, .metalDetector, .key, .flashlight, .otherDevice: .securityDevice
        }
    }

    /// Counted rather than numbered: a stock with a quantity and a minimum, not one item with a serial.
    public var isCounted: Bool { self == .ammunition || self == .cartridges }

    /// A portable extinguisher: checked monthly, maintained yearly, weighed or pressure-tested by type.
    public var isExtinguisher: Bool {
        self == .powderExtinguisher || self == .co2Extinguisher || self == .foamExtinguisher
            || self == .waterExtinguisher
    }

    public var nameVi: String {
        switch self {
        case .rifle: "Súng trường"
        case .pistol: "Súng ngắn"
        case .ammunition: "Đạn"
        case .primitiveWeapon: "Vũ khí thô sơ"
        case .electricBaton: "Dùi cui điện"
        case .rubberBaton: "Dùi cui cao su"
        case .metalBaton: "Dùi cui kim loại"
        case .pepperSpray: "Bình xịt hơi cay"
        case .stunGun: "Súng bắn điện"
        case .handcuffs: "Khóa số tám"
        case .bodyArmour: "Áo giáp"
        case .cutResistantGloves: "Găng tay chống cắt"
        case .shield: "Lá chắn"
        case .helmet: "Mũ chống đạn"
        case .cartridges: "Đạn, hộp tiếp đạn công cụ hỗ trợ"
        case .otherSupportTool: "Công cụ hỗ trợ khác"
        case .powderExtinguisher: "Bình chữa cháy bột"
        case .co2Extinguisher: "Bình chữa cháy khí CO₂"
        case .foamExtinguisher: "Bình chữa cháy bọt"
        case .waterExtinguisher: "Bình chữa cháy nước"
        case .hydrant: "Trụ nước chữa cháy"
        case .hoseReel: "Cuộn vòi chữa cháy"
        case .fireAlarm: "Hệ thống báo cháy"
        case .sprinkler: "Hệ thống chữa cháy tự động"
        case .otherFireEquipment: "Phương tiện PCCC khác"
        case .radio: "Bộ đàm"
        case .camera: "Camera"
        case .metalDetector: "Máy dò kim loại"
        case .key: "Chìa khóa"
        case .flashlight: "Đèn pin"
        case .otherDevice: "Thiết bị khác"
        }
    }

    public var nameEn: String {
        switch self {
        case .rifle: "Rifle"
        case .pistol: "Pistol"
        case .ammunition: "Ammunition"
        case .primitiveWeapon: "Primitive weapon"
        case .electricBaton: "Electric baton"
        case .rubberBaton: "Rubber baton"
        case .metalBaton: "Metal baton"
        case .pepperSpray: "Pepper spray"
        case .stunGun: "Stun gun"
        case .handcuffs: "Handcuffs"
        case .bodyArmour: "Body armour"
        case .cutResistantGloves: "Cut-resistant gloves"
        case .shield: "Shield"
        case .helmet: "Ballistic helmet"
        case .cartridges: "Support-tool cartridges"
        case .otherSupportTool: "Other support tool"
        case .powderExtinguisher: "Powder extinguisher"
        case .co2Extinguisher: "CO₂ extinguisher"
        case .foamExtinguisher: "Foam extinguisher"
        case .waterExtinguisher: "Water extinguisher"
        case .hydrant: "Fire hydrant"
        case .hoseReel: "Hose reel"
        case .fireAlarm: "Fire alarm system"
        case .sprinkler: "Sprinkler system"
        case .otherFireEquipment: "Other fire equipment"
        case .radio: "Radio"
        case .camera: "Camera"
        case .metalDetector: "Metal detector"
        case .key: "Key"
        case .flashlight: "Flashlight"
        case .otherDevice: "Other device"
        }
    }

    /// The kinds of a category, in the order a form lists them.
    public static func of(_ category: EquipmentCategory) -> [EquipmentKind] {
        allCases.filter { $0.category == category }
    }
}
