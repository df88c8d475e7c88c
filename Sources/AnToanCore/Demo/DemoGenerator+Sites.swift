extension DemoGenerator.Builder {
    /// Headquarters, buildings for the larger units, 1–3 gates, 1–2 guard posts and 2–6 patrol checkpoints.
    func sites(unitCode: String, recipe: UnitRecipe, scale: Int, random: inout DemoRandom) -> [DemoSite] {
        var layout: [(SiteKind, String)] = [(.headquarters, "Trụ sở chính")]
        let buildings =
            switch scale {
            case 0: 0
            case 1: random.below(2)
            case 2: random.int(1...3)
            default: random.int(2...4)
            }
        let letters = ["A", "B", "C", "D"]
        for number in 0..<buildings {
            let name =
                switch recipe.kind {
                case .enterprise: "Nhà xưởng số \(number + 1)"
                case .school: "Dãy phòng học \(letters[number])"
                default: "Nhà \(letters[number])"
                }
            layout.append((.building, name))
        }
        let gates = min(3, 1 + (scale >= 1 ? random.below(2) : 0) + (scale >= 2 ? 1 : 0))
        let gateNames = ["Cổng chính", "Cổng phụ", recipe.kind == .enterprise ? "Cổng xuất nhập hàng" : "Cổng số 3"]
        layout += gateNames.prefix(gates).map { (.gate, $0) }
        let posts = scale >= 2 ? 2 : 1 + (scale == 1 ? random.below(2) : 0)
        layout += ["Chốt bảo vệ cổng chính", "Bốt gác phía sau"].prefix(posts).map { (.guardPost, $0) }
        var places = Self.patrolPlaces(recipe.kind)
        random.shuffle(&places)
        let checkpoints = min(6, 2 + scale + random.below(2))
        for (number, place) in places.prefix(checkpoints).enumerated() {
            layout.append((.checkpoint, "Điểm tuần tra số \(number + 1) – \(place)"))
        }
        return layout.enumerated().map { offset, entry in
            DemoSite(
                code: "\(unitCode)-S\(DemoFormat.pad(offset + 1, 2))",
                name: entry.1,
                kind: entry.0,
                systems: systems(entry.0, scale: scale, bank: recipe.kind == .bank, random: &random)
            )
        }
    }

    private static func patrolPlaces(_ kind: UnitKind) -> [String] {
        switch kind {
        case .enterprise:
            [
                "Kho nguyên liệu", "Kho thành phẩm", "Bãi để xe công nhân", "Trạm biến áp", "Khu nhà ăn",
                "Tường rào phía Tây",
            ]
        case .bank:
            ["Kho tiền", "Phòng giao dịch", "Phòng máy chủ", "Bãi để xe", "Cửa thoát hiểm", "Tường rào phía sau"]
        case .school:
            ["Nhà xe học sinh", "Sân trường", "Thư viện", "Phòng thí nghiệm", "Nhà đa năng", "Tường rào phía sau"]
        default:
            ["Bãi để xe", "Tường rào phía Bắc", "Kho lưu trữ", "Phòng máy chủ", "Trạm biến áp", "Sân sau"]
        }
    }

    /// Equipment by site kind; mostly working, checked within the last year.
    private func systems(_ site: SiteKind, scale: Int, bank: Bool, random: inout DemoRandom) -> [DemoSystem] {
        var wanted: [(SecuritySystemKind, Int)] = []
        switch site {
        case .headquarters:
            wanted.append((.camera, random.int(4...8) * (scale + 1)))
            wanted.append((.alarm, random.int(1...2) + (bank ? 2 : 0)))
            if scale >= 1 || bank { wanted.append((.accessControl, random.int(1...4))) }
            wanted.append((.fireAlarm, random.int(6...12) * (scale + 1)))
        case .building:
            wanted.append((.camera, random.int(2...12)))
            wanted.append((.fireAlarm, random.int(4...20)))
            if random.chance(40) { wanted.append((.accessControl, random.int(1...2))) }
        case .gate:
            wanted.append((.camera, random.int(1...3)))
            if random.chance(70) { wanted.append((.accessControl, 1)) }
        case .guardPost:
            wanted.append((.camera, random.int(1...2)))
            wanted.append((.alarm, 1))
        case .checkpoint:
            if random.chance(60) { wanted.append((.camera, 1)) }
        }
        return wanted.map { kind, count in
            let roll = random.below(100)
            return DemoSystem(
                kind: kind,
                count: count,
                status: roll < 85 ? .working : roll < 95 ? .faulty : .off,
                lastCheck: today.adding(days: -random.below(365))
            )
        }
    }
}
