/// Fictional but plausible names of communes, organisations, departments and streets of tỉnh Sơn Hà.
enum UnitCatalog {
    static let provinceCode = "99"
    static let provinceName = "Sơn Hà"
    static let identityProvinceCode = "099"

    /// Commune names; the first one hosts the provincial seat and every third one is a ward.
    static let communeNames = [
        "Hà Thanh", "Tân Phú", "Yên Lạc", "Bắc Sơn", "Đồng Tâm", "Hòa An", "Nam Sơn", "Phú Thịnh", "Vĩnh Lộc",
        "Đông Hà", "Quảng Tiến", "Kim Sơn", "Thanh Bình", "An Khánh", "Liên Minh", "Tây Hà", "Hợp Thành", "Đại Đồng",
        "Phúc Thọ", "Minh Khai", "Xuân Hòa", "Hương Sơn", "Lạc Hồng", "Mỹ Lộc", "Hưng Phú", "Trung Hòa", "Thuận Thành",
        "Hải Xuân", "Cẩm Giang", "Bình Minh", "Hồng Phong", "Quế Lâm", "Ngọc Lâm", "Vạn Ninh", "Thái Hòa", "Gia Tân",
        "Phú Lâm", "Tân An", "Hoài Đức", "Sông Cầu",
    ]
    static let specialZoneName = "Hòn Ngọc"

    static let industrialZones = ["Khu công nghiệp Bắc Sơn", "Khu công nghiệp Tân Phú", "Khu công nghiệp Sơn Hà I"]

    /// Provincial departments: name, domain label, handles state secrets.
    static let provincialAgencies: [(String, String, Bool)] = [
        ("Sở Tư pháp", "sotuphap", false), ("Văn phòng Ủy ban nhân dân tỉnh", "vpubnd", true),
        ("Sở Y tế", "soyte", false), ("Sở Tài chính", "sotaichinh", true), ("Sở Nội vụ", "sonoivu", true),
        ("Sở Xây dựng", "soxaydung", false), ("Sở Công Thương", "socongthuong", false),
        ("Sở Nông nghiệp và Môi trường", "sonnmt", false), ("Sở Giáo dục và Đào tạo", "sogddt", false),
        ("Sở Văn hóa, Thể thao và Du lịch", "sovhttdl", false), ("Sở Khoa học và Công nghệ", "sokhcn", true),
        ("Sở Ngoại vụ", "songoaivu", true), ("Thanh tra tỉnh", "thanhtra", true),
        ("Sở Dân tộc và Tôn giáo", "sodttg", false), ("Văn phòng Tỉnh ủy", "vptu", true),
        ("Bảo hiểm xã hội tỉnh Sơn Hà", "bhxh", false), ("Ban Quản lý các khu công nghiệp tỉnh", "bqlkcn", false),
        ("Báo và Phát thanh, Truyền hình Sơn Hà", "baosonha", false),
    ]
    /// Agencies repeated per commune once the provincial departments are used up.
    static let communeAgencies = [
        "Trung tâm Văn hóa, Thông tin và Thể thao", "Ban Quản lý dự án đầu tư xây dựng", "Bảo hiểm xã hội cơ sở",
        "Trung tâm Dịch vụ nông nghiệp", "Đội Quản lý thị trường",
    ]

    static let foreignBrands = [
        "Seojin", "Hanmi", "Daewon", "Kyowa", "Sunrise", "Tianlong", "Hoshino", "Everwin", "Pacific Star", "Jinwoo",
        "Taiyo", "Goldtek", "Fuyuan", "Mirae", "Sakura", "Dongbang",
    ]
    static let foreignIndustries = [
        "Điện tử", "Linh kiện Điện tử", "May mặc", "Cơ khí Chính xác", "Nhựa", "Giày da", "Thiết bị Y tế", "Bao bì",
    ]
    static let domesticIndustries = [
        "Xây dựng", "Thương mại và Dịch vụ", "Chế biến Thủy sản", "Vận tải", "Dệt may", "Vật liệu Xây dựng",
        "Thực phẩm", "Chế biến Gỗ", "Phân bón", "Dược phẩm", "Cấp nước", "Du lịch", "In ấn", "Cơ khí",
    ]
    static let domesticBrands = [
        "Sơn Hà", "Minh Phát", "Hưng Thịnh", "Thành Công", "Phú Gia", "An Khang", "Đại Việt", "Tân Tiến",
        "Hoàng Long", "Việt Hưng", "Bảo Minh", "Kim Ngân", "Phương Đông", "Trường Thịnh", "Quang Minh", "Hải Âu",
        "Nam Phong", "Bình An",
    ]

    static let flowers = [
        "Hoa Sen", "Hoa Mai", "Sơn Ca", "Họa Mi", "Hoa Hồng", "Tuổi Thơ", "Măng Non", "Ánh Dương", "Hoa Phượng",
        "Bông Sen", "Hoa Ban", "Vành Khuyên",
    ]
    static let eminentPeople = [
        "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Lý Thường Kiệt", "Chu Văn An", "Lê Quý Đôn", "Nguyễn Du",
        "Phan Bội Châu", "Quang Trung", "Võ Thị Sáu", "Nguyễn Bỉnh Khiêm", "Hai Bà Trưng", "Ngô Quyền", "Trần Phú",
        "Kim Đồng", "Lê Hồng Phong", "Phan Chu Trinh", "Tô Hiến Thành", "Trần Quốc Toản", "Nguyễn Khuyến",
    ]
    static let colleges = [
        "Trường Cao đẳng Y tế Sơn Hà", "Trường Cao đẳng Kỹ thuật Công nghiệp Sơn Hà", "Trường Cao đẳng Sư phạm Sơn Hà",
        "Trường Cao đẳng Nghề Sơn Hà", "Trường Cao đẳng Du lịch Sơn Hà",
    ]
    static let universities = [
        "Trường Đại học Sơn Hà", "Trường Đại học Kinh tế Sơn Hà", "Trường Đại học Y Dược Sơn Hà",
    ]
    static let commercialBanks = ["Sông Hồng", "Trường Sơn", "Kim Long", "Bình Minh", "Phương Nam", "Đông Dương"]

    static let streets = [
        "Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Hùng Vương",
        "Nguyễn Trãi", "Phan Đình Phùng", "Trần Phú", "Lê Duẩn", "Điện Biên Phủ", "Nguyễn Văn Cừ", "Võ Nguyên Giáp",
        "30 Tháng 4", "Bà Triệu", "Ngô Gia Tự", "Tôn Đức Thắng",
    ]
    static let hamlets = [
        "Thôn Đông", "Thôn Trung", "Thôn Bắc", "Thôn Nam", "Thôn Tây", "Thôn Đồng Sau", "Thôn Bãi Dài",
    ]

    static let agencyDepartments = [
        "Văn phòng", "Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ", "Phòng Quản lý chuyên ngành",
        "Phòng Công nghệ thông tin",
    ]
    static let enterpriseDepartments = [
        "Phòng Hành chính – Nhân sự", "Phòng Kế toán", "Phân xưởng Sản xuất số 1", "Phòng Kinh doanh",
        "Phòng Kỹ thuật", "Phân xưởng Sản xuất số 2",
    ]
    static let bankDepartments = [
        "Phòng Khách hàng", "Phòng Kế toán – Ngân quỹ", "Phòng Hành chính – Nhân sự", "Phòng Quản lý rủi ro",
        "Phòng Kho quỹ",
    ]
    static let committeeDepartments = [
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội",
        "Trung tâm Phục vụ hành chính công", "Ban Chỉ huy Quân sự",
    ]

    /// Positions that belong to the office group of a school, hospital or market rather than a working group.
    static let supportPositions: Set<String> = [
        "Kế toán", "Văn thư", "Nhân viên y tế", "Thủ thư", "Chuyên viên", "Nhân viên nấu ăn", "Nhân viên vệ sinh",
        "Nhân viên vệ sinh môi trường",
    ]

    static let allDepartments = agencyDepartments + enterpriseDepartments + bankDepartments + committeeDepartments

    /// Mailbox names of the catalogued departments ("Phòng Kế toán" → "pkt"), folded once.
    static let departmentMailboxes = Dictionary(
        allDepartments.map { ($0, DemoFormat.initials($0)) },
        uniquingKeysWith: { first, _ in first }
    )

    /// `departmentPositions` of the catalogued departments, matched once.
    static let departmentStaffPositions = Dictionary(
        allDepartments.map { ($0, departmentPositions($0)) },
        uniquingKeysWith: { first, _ in first }
    )

    /// The title of whoever heads a department, read from the department's name.
    static func departmentHeadTitle(_ name: String) -> String {
        if name.hasPrefix("Văn phòng") { return "Chánh Văn phòng" }
        if name.hasPrefix("Phân xưởng") { return "Quản đốc" }
        if name.hasPrefix("Trung tâm") { return "Giám đốc Trung tâm" }
        if name.hasPrefix("Ban Chỉ huy") { return "Chỉ huy trưởng" }
        return "Trưởng phòng"
    }

    /// Everyday positions in a department, by what the department does.
    static func departmentPositions(_ name: String) -> [String] {
        if name.contains("Kế toán") || name.contains("Tài chính") { return ["Kế toán", "Kế toán", "Chuyên viên"] }
        if name.hasPrefix("Phân xưởng") { return ["Công nhân", "Công nhân", "Công nhân", "Tổ trưởng sản xuất"] }
        if name.contains("Kinh doanh") || name.contains("Khách hàng") {
            return ["Nhân viên kinh doanh", "Chuyên viên khách hàng", "Giao dịch viên"]
        }
        if name.contains("Kỹ thuật") || name.contains("Công nghệ") { return ["Kỹ sư", "Kỹ thuật viên"] }
        if name.contains("Kho") { return ["Thủ quỹ", "Thủ kho", "Nhân viên kho quỹ"] }
        if name.hasPrefix("Văn phòng") || name.contains("Hành chính") {
            return ["Văn thư", "Chuyên viên", "Lái xe", "Nhân viên hành chính"]
        }
        if name.hasPrefix("Ban Chỉ huy") { return ["Công chức", "Trợ lý quân sự"] }
        return ["Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Công chức"]
    }
}
