extension DemoGenerator.Builder {
    mutating func school(_ level: SchoolLevel, counters: inout KindCounters, random: inout DemoRandom) -> UnitIdentity {
        let commune = randomCommune(&random)
        let name: String
        let abbreviation: String
        var groups = ["Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Khoa học tự nhiên", "Tổ Văn phòng"]
        var positions = ["Giáo viên", "Giáo viên", "Giáo viên", "Giáo viên", "Kế toán", "Văn thư", "Nhân viên y tế"]
        var flags: Set<KeyTargetFlag> = []
        let shape: (weight: Int, guards: ClosedRange<Int>, scale: Int)
        switch level {
        case .nursery, .kindergarten:
            let prefix = level == .nursery ? "Nhà trẻ" : "Trường Mầm non"
            name = uniqueName(&random) { random in
                "\(prefix) \(random.chance(60) ? random.pick(UnitCatalog.flowers) : commune.shortName)"
            }
            abbreviation = level == .nursery ? "nt" : "mn"
            groups = ["Tổ Nhà trẻ", "Tổ Mẫu giáo", "Tổ Văn phòng"]
            positions = ["Giáo viên", "Giáo viên", "Giáo viên", "Nhân viên nấu ăn", "Kế toán"]
            shape = level == .nursery ? (4, 3...3, 0) : (6, 3...3, 0)
        case .primary, .lowerSecondary:
            let prefix = level == .primary ? "Trường Tiểu học" : "Trường THCS"
            name = uniqueName(&random) { random in
                "\(prefix) \(random.chance(50) ? random.pick(UnitCatalog.eminentPeople) : commune.shortName)"
            }
            abbreviation = level == .primary ? "th" : "thcs"
            if level == .primary { groups = ["Tổ khối 1–2", "Tổ khối 3", "Tổ khối 4–5", "Tổ Văn phòng"] }
            shape = level == .primary ? (10, 3...3, 1) : (12, 3...4, 1)
        case .upperSecondary:
            let first = counters.upperSecondary == 0
            counters.upperSecondary += 1
            name = uniqueName(&random) { random in
                first ? "Trường THPT Chuyên Sơn Hà" : "Trường THPT \(random.pick(UnitCatalog.eminentPeople))"
            }
            abbreviation = "thpt"
            shape = (15, 3...4, 1)
        case .college, .university:
            let list = level == .college ? UnitCatalog.colleges : UnitCatalog.universities
            let number = level == .college ? counters.college : counters.university
            if level == .college { counters.college += 1 } else { counters.university += 1 }
            name = uniqueName(&random) { _ in list[number % list.count] }
            abbreviation = ""
            groups = ["Khoa Cơ bản", "Khoa Kỹ thuật", "Khoa Kinh tế", "Phòng Đào tạo", "Phòng Hành chính – Tổng hợp"]
            positions = ["Giảng viên", "Giảng viên", "Giảng viên", "Chuyên viên", "Kế toán", "Thủ thư"]
            // Universities often employ foreign lecturers, which the police register as foreign workers.
            if level == .university && random.chance(50) { flags.insert(.foreignWorkers) }
            shape = level == .college ? (25, 4...6, 2) : (40, 5...8, 3)
        }
        let prefixes = ["Nhà trẻ", "Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT", "Trường"]
        let prefix = prefixes.first { name.hasPrefix($0 + " ") } ?? ""
        let label = abbreviation + DemoFormat.slug(String(name.dropFirst(prefix.count)))
        return UnitIdentity(
            name: name,
            domain: uniqueDomain(label, "edu.vn"),
            commune: commune,
            flags: flags,
            titles: Leadership(head: "Hiệu trưởng", deputy: "Phó Hiệu trưởng", group: "Ban Giám hiệu"),
            positions: positions,
            groups: groups,
            weight: shape.weight,
            guards: shape.guards,
            scale: shape.scale
        )
    }

    mutating func other(counters: inout KindCounters, random: inout DemoRandom) -> UnitIdentity {
        let variant = counters.other % 4
        counters.other += 1
        let commune = randomCommune(&random)
        let place = commune.shortName
        let name: String
        let label: String
        var titles = Leadership(head: "Giám đốc", deputy: "Phó Giám đốc", group: "Ban Giám đốc")
        let positions: [String]
        let groups: [String]
        let shape: (weight: Int, guards: ClosedRange<Int>, scale: Int)
        switch variant {
        case 0, 2:
            let first = variant == 0 && counters.other == 1
            let base = variant == 0 ? "Bệnh viện Đa khoa" : "Trung tâm Y tế"
            name = uniqueName(&random) { _ in first ? "\(base) tỉnh Sơn Hà" : "\(base) khu vực \(place)" }
            label = (variant == 0 ? "bvdk" : "ttyt") + (first ? "tinh" : DemoFormat.slug(place))
            positions = ["Bác sĩ", "Điều dưỡng", "Điều dưỡng", "Kỹ thuật viên", "Dược sĩ", "Kế toán"]
            groups = ["Khoa Nội", "Khoa Ngoại", "Khoa Cấp cứu", "Phòng Hành chính – Quản trị"]
            shape = variant == 0 ? (30, 5...8, 2) : (15, 3...5, 1)
        case 1:
            name = uniqueName(&random) { _ in "Ban Quản lý chợ \(place)" }
            label = "bqlcho" + DemoFormat.slug(place)
            titles = Leadership(head: "Trưởng ban", deputy: "Phó Trưởng ban", group: "Lãnh đạo ban")
            positions = ["Nhân viên quản lý chợ", "Nhân viên thu phí", "Kế toán", "Nhân viên vệ sinh môi trường"]
            groups = ["Tổ Quản lý chợ", "Tổ Thu phí", "Tổ Hành chính"]
            shape = (4, 3...4, 0)
        default:
            name = uniqueName(&random) { _ in "Bến xe khách \(place)" }
            label = "benxe" + DemoFormat.slug(place)
            positions = ["Nhân viên bán vé", "Điều độ viên", "Kế toán", "Nhân viên vệ sinh"]
            groups = ["Tổ Điều độ", "Tổ Bán vé", "Tổ Hành chính"]
            shape = (6, 3...5, 1)
        }
        return UnitIdentity(
            name: name,
            domain: uniqueDomain(label, "sonha.gov.vn"),
            commune: commune,
            titles: titles,
            positions: positions,
            groups: groups,
            weight: shape.weight,
            guards: shape.guards,
            scale: shape.scale
        )
    }
}
