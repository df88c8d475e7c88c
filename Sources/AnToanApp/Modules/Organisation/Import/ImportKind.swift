import AnToanCore

/// What a spreadsheet can bring in, in the order a province is built: areas, units, staff, memberships.
enum ImportKind: String, CaseIterable, Sendable, Codable {
    case areas
    case units
    case staff
    case memberships

    /// The kind named in a URL or on the command line; a clear 400 listing the kinds otherwise.
    static func parse(_ text: String?) throws -> ImportKind {
        guard let text, let kind = ImportKind(rawValue: text.lowercased()) else {
            let accepted = allCases.map(\.rawValue).joined(separator: ", ")
            throw AppError.badRequest(
                vi: "Không có loại dữ liệu nhập \"\(text ?? "")\". Chỉ nhận: \(accepted).",
                en: "There is no import kind \"\(text ?? "")\". Accepted: \(accepted)."
            )
        }
        return kind
    }

    func title(_ lang: Language) -> String {
        switch self {
        case .areas: lang("Địa bàn", "Areas")
        case .units: lang("Đơn vị và phòng ban", "Units and departments")
        case .staff: lang("Cán bộ, nhân viên", "Staff")
        case .memberships: lang("Lực lượng (bảo vệ, tự vệ, tổ ANTT)", "Force membership")
        }
    }

    /// The template's columns, in order; exports use the same order so that they can be imported again.
    var columns: [ImportColumn] {
        switch self {
        case .areas:
            [
                .init("code", "Mã", required: true), .init("name", "Tên", required: true),
                .init("kind", "Loại", required: true), .init("parent_code", "Mã cấp trên"),
                .init("valid_from", "Hiệu lực từ"),
            ]
        case .units:
            [
                .init("code", "Mã đơn vị", required: true), .init("name", "Tên đơn vị", required: true),
                .init("kind", "Loại", required: true), .init("enterprise_size", "Quy mô"),
                .init("school_level", "Cấp học"), .init("area_code", "Mã địa bàn"),
                .init("parent_code", "Mã đơn vị cấp trên"), .init("address", "Địa chỉ", required: true),
                .init("phone", "Điện thoại"), .init("email", "E-mail"), .init("head_name", "Thủ trưởng"),
                .init("flags", "Trọng điểm"),
            ]
        case .staff:
            [
                .init("unit_code", "Mã đơn vị", required: true), .init("department_code", "Mã phòng ban"),
                .init("full_name", "Họ và tên", required: true), .init("position", "Chức vụ", required: true),
                .init("phone", "Điện thoại"), .init("email", "E-mail"), .init("is_leader", "Lãnh đạo"),
                .init("status", "Trạng thái"), .init("identity_number", "Số CCCD"), .init("code", "Mã nhân viên"),
            ]
        case .memberships:
            [
                .init("staff", "Số CCCD hoặc mã nhân viên", required: true),
                .init("force", "Lực lượng", required: true), .init("role", "Vai trò"),
                .init("start_date", "Từ ngày", required: true), .init("end_date", "Đến ngày"),
                .init("certificate_number", "Số giấy chứng nhận"), .init("certificate_issued", "Ngày cấp"),
            ]
        }
    }

    /// The sheet name of templates and exports.
    var sheetName: String {
        switch self {
        case .areas: "Địa bàn"
        case .units: "Đơn vị"
        case .staff: "Nhân viên"
        case .memberships: "Lực lượng"
        }
    }
}

/// One column of an import: its English name (also the API's field name) and its Vietnamese header.
struct ImportColumn: Sendable, Equatable {
    var key: String
    var vi: String
    var required = false

    init(_ key: String, _ vi: String, required: Bool = false) {
        self.key = key
        self.vi = vi
        self.required = required
    }

    /// Headers are matched without diacritics or case: "ho va ten", "HỌ VÀ TÊN", "full_name", "Full name".
    var acceptedHeaders: Set<String> {
        [Folding.fold(vi), Folding.fold(key), Folding.fold(key.replacingOccurrences(of: "_", with: " "))]
    }

    func header(_ lang: Language) -> String { lang(vi, key) }
}
