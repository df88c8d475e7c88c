import AnToanCore

/// The registry's import kinds, registered in the order a province is built: areas, units, staff, memberships.
extension ImportKind {
    static let areas = ImportKind(
        id: "areas",
        name: (vi: "Địa bàn", en: "Areas"),
        sheetName: "Địa bàn",
        columns: [
            .init("code", "Mã", required: true), .init("name", "Tên", required: true),
            .init("kind", "Loại", required: true), .init("parent_code", "Mã cấp trên"),
            .init("valid_from", "Hiệu lực từ"),
        ],
        permission: .manageOrganisation,
        viewPermission: .viewOrganisation,
        tables: DemoLoader.registryTables,
        accepted: { registryAccepted($0, kind: "AreaKind") },
        plan: { try await AreaImport.plan($0, by: $1, on: $2, progress: $3) },
        export: RegistryExport.areas
    )

    static let units = ImportKind(
        id: "units",
        name: (vi: "Đơn vị và phòng ban", en: "Units and departments"),
        sheetName: "Đơn vị",
        columns: [
            .init("code", "Mã đơn vị", required: true), .init("name", "Tên đơn vị", required: true),
            .init("kind", "Loại", required: true), .init("enterprise_size", "Quy mô"),
            .init("school_level", "Cấp học"), .init("area_code", "Mã địa bàn"),
            .init("parent_code", "Mã đơn vị cấp trên"), .init("address", "Địa chỉ", required: true),
            .init("phone", "Điện thoại"), .init("email", "E-mail"), .init("head_name", "Thủ trưởng"),
            .init("flags", "Trọng điểm"),
        ],
        permission: .manageOrganisation,
        viewPermission: .viewOrganisation,
        tables: DemoLoader.registryTables,
        accepted: { registryAccepted($0, kind: "UnitKind") },
        plan: { try await UnitImport.plan($0, by: $1, on: $2, progress: $3) },
        export: RegistryExport.units
    )

    static let staff = ImportKind(
        id: "staff",
        name: (vi: "Cán bộ, nhân viên", en: "Staff"),
        sheetName: "Nhân viên",
        columns: [
            .init("unit_code", "Mã đơn vị", required: true), .init("department_code", "Mã phòng ban"),
            .init("full_name", "Họ và tên", required: true), .init("position", "Chức vụ", required: true),
            .init("phone", "Điện thoại"), .init("email", "E-mail"), .init("is_leader", "Lãnh đạo"),
            .init("status", "Trạng thái"), .init("identity_number", "Số CCCD"), .init("code", "Mã nhân viên"),
        ],
        permission: .manageOrganisation,
        viewPermission: .viewOrganisation,
        tables: DemoLoader.registryTables,
        accepted: { registryAccepted($0, kind: nil) },
        plan: { try await StaffImport.plan($0, by: $1, on: $2, progress: $3) },
        export: RegistryExport.staff,
        identityCount: RegistryExport.identityCount
    )

    static let memberships = ImportKind(
        id: "memberships",
        name: (vi: "Lực lượng (bảo vệ, tự vệ, tổ ANTT)", en: "Force membership"),
        sheetName: "Lực lượng",
        columns: [
            .init("staff", "Số CCCD hoặc mã nhân viên", required: true),
            .init("force", "Lực lượng", required: true), .init("role", "Vai trò"),
            .init("start_date", "Từ ngày", required: true), .init("end_date", "Đến ngày"),
            .init("certificate_number", "Số giấy chứng nhận"), .init("certificate_issued", "Ngày cấp"),
        ],
        permission: .manageOrganisation,
        viewPermission: .viewOrganisation,
        tables: DemoLoader.registryTables,
        accepted: { registryAccepted($0, kind: nil) },
        plan: { try await MembershipImport.plan($0, by: $1, on: $2, progress: $3) },
        export: RegistryExport.memberships
    )

    /// What the template's guide says a registry column accepts; `kind` names the vocabulary of its `kind` column.
    private static func registryAccepted(_ key: String, kind: String?) -> String {
        let vocabulary: String? =
            switch key {
            case "kind": kind
            case "enterprise_size": "EnterpriseSize"
            case "school_level": "SchoolLevel"
            case "flags": "KeyTargetFlag"
            case "status": "StaffStatus"
            case "force": "ForceKind"
            case "role": "ForceRole"
            default: nil
            }
        if let vocabulary {
            return ImportVocabulary.accepted(in: vocabulary)
                + (key == "flags" ? " — nhiều giá trị cách nhau dấu phẩy" : "")
        }
        switch key {
        case "valid_from", "start_date", "end_date", "certificate_issued": return "Ngày dd/MM/yyyy"
        case "is_leader": return "Có / Không"
        case "identity_number": return "12 chữ số (CCCD) hoặc 9 chữ số (CMND); định dạng cột là Văn bản"
        case "phone": return "Số điện thoại Việt Nam, 10–11 chữ số"
        default: return ""
        }
    }
}
