extension DemoGenerator.Builder {
    mutating func identity(
        for recipe: UnitRecipe,
        committee: Int,
        counters: inout KindCounters,
        random: inout DemoRandom
    ) -> UnitIdentity {
        switch recipe.kind {
        case .agency: agency(counters: &counters, random: &random)
        case .enterprise: enterprise(recipe, counters: &counters, random: &random)
        case .school: school(recipe.level ?? .primary, counters: &counters, random: &random)
        case .communeCommittee: committeeIdentity(committee, random: &random)
        case .bank: bank(counters: &counters, random: &random)
        case .other: other(counters: &counters, random: &random)
        }
    }

    private mutating func agency(counters: inout KindCounters, random: inout DemoRandom) -> UnitIdentity {
        let number = counters.agency
        counters.agency += 1
        let provincial = UnitCatalog.provincialAgencies
        var flags: Set<KeyTargetFlag> = []
        let name: String
        let commune: DemoCommune
        let label: String
        if number < provincial.count {
            let entry = provincial[number]
            name = uniqueName(&random) { _ in entry.0 }
            commune = seatCommune(&random)
            label = entry.1
            if entry.2 { flags.insert(.stateSecrets) }
        } else {
            let place = randomCommune(&random)
            let base = UnitCatalog.communeAgencies[number % UnitCatalog.communeAgencies.count]
            name = uniqueName(&random) { _ in "\(base) \(place.inline)" }
            commune = place
            label = DemoFormat.initials(base) + DemoFormat.slug(place.shortName)
            if random.chance(10) { flags.insert(.stateSecrets) }
        }
        // Agencies with a self-defence unit may keep its weapons in their own armoury.
        if random.chance(20) { flags.insert(.holdsWeapons) }
        return UnitIdentity(
            name: name,
            domain: uniqueDomain(label, "sonha.gov.vn"),
            commune: commune,
            flags: flags,
            titles: Self.agencyTitles(name),
            departmentPool: UnitCatalog.agencyDepartments,
            weight: 12,
            guards: 3...5,
            scale: 1
        )
    }

    private static func agencyTitles(_ name: String) -> Leadership {
        if name.hasPrefix("Văn phòng") {
            return Leadership(head: "Chánh Văn phòng", deputy: "Phó Chánh Văn phòng", group: "Lãnh đạo Văn phòng")
        }
        if name.hasPrefix("Thanh tra") {
            return Leadership(head: "Chánh Thanh tra", deputy: "Phó Chánh Thanh tra", group: "Lãnh đạo Thanh tra")
        }
        if name.hasPrefix("Ban") || name.hasPrefix("Đội") {
            let word = name.hasPrefix("Ban") ? "ban" : "đội"
            return Leadership(head: "Trưởng \(word)", deputy: "Phó Trưởng \(word)", group: "Lãnh đạo \(word)")
        }
        if name.hasPrefix("Báo") {
            return Leadership(head: "Tổng Biên tập", deputy: "Phó Tổng Biên tập", group: "Ban Biên tập")
        }
        return Leadership(head: "Giám đốc", deputy: "Phó Giám đốc", group: "Ban Giám đốc")
    }

    private mutating func enterprise(
        _ recipe: UnitRecipe,
        counters: inout KindCounters,
        random: inout DemoRandom
    ) -> UnitIdentity {
        let size = recipe.size ?? .small
        var flags: Set<KeyTargetFlag> = []
        var zone: Int?
        let name: String
        let label: String
        if recipe.foreign {
            // The first FDI company is the electronics factory the newcomer tour talks about.
            let industry = UnitCatalog.foreignIndustries[counters.foreign % UnitCatalog.foreignIndustries.count]
            counters.foreign += 1
            let brand = random.pick(UnitCatalog.foreignBrands)
            name = uniqueName(&random) { _ in "Công ty TNHH \(industry) \(brand) Việt Nam" }
            label = DemoFormat.slug(brand) + "vina"
            flags.insert(.foreignInvestment)
            if random.chance(85) { zone = random.below(UnitCatalog.industrialZones.count) }
            if random.chance(75) { flags.insert(.foreignWorkers) }
        } else {
            let form: String =
                switch size {
                case .large: "Công ty Cổ phần"
                case .medium: random.chance(50) ? "Công ty Cổ phần" : "Công ty TNHH"
                case .small: "Công ty TNHH"
                case .micro: "Công ty TNHH Một thành viên"
                }
            let industry = random.pick(UnitCatalog.domesticIndustries)
            var brand = ""
            name = uniqueName(&random) { random in
                brand = random.pick(UnitCatalog.domesticBrands)
                return "\(form) \(industry) \(brand)"
            }
            label = DemoFormat.initials(industry) + DemoFormat.slug(brand)
            if (size == .large || size == .medium) && random.chance(35) {
                zone = random.below(UnitCatalog.industrialZones.count)
            }
        }
        if zone != nil { flags.insert(.industrialZone) }
        let shape: (weight: Int, guards: ClosedRange<Int>, scale: Int) =
            switch size {
            case .micro: (3, 3...3, 0)
            case .small: (8, 3...4, 0)
            case .medium: (25, 4...6, 1)
            case .large: (recipe.foreign ? 80 : 60, 6...8, recipe.foreign ? 3 : 2)
            }
        let large = size == .large
        return UnitIdentity(
            name: name,
            domain: uniqueDomain(label, "com.vn"),
            commune: zone.map(zoneCommune) ?? randomCommune(&random),
            zone: zone.map { UnitCatalog.industrialZones[$0] },
            flags: flags,
            titles: Leadership(
                head: large ? "Tổng Giám đốc" : "Giám đốc",
                deputy: large ? "Phó Tổng Giám đốc" : "Phó Giám đốc",
                group: "Ban Giám đốc"
            ),
            departmentPool: UnitCatalog.enterpriseDepartments,
            weight: shape.weight,
            guards: shape.guards,
            scale: shape.scale
        )
    }

    private mutating func committeeIdentity(_ index: Int, random: inout DemoRandom) -> UnitIdentity {
        let commune = communes.isEmpty ? randomCommune(&random) : communes[max(0, index) % communes.count]
        var flags: Set<KeyTargetFlag> = []
        // The commune military command keeps the militia's weapons at the committee's headquarters.
        if random.chance(40) { flags.insert(.holdsWeapons) }
        if random.chance(30) { flags.insert(.stateSecrets) }
        return UnitIdentity(
            name: uniqueName(&random) { _ in "Ủy ban nhân dân \(commune.inline)" },
            domain: uniqueDomain(DemoFormat.slug(commune.shortName), "sonha.gov.vn"),
            commune: commune,
            flags: flags,
            titles: Leadership(head: "Chủ tịch", deputy: "Phó Chủ tịch", group: "Lãnh đạo Ủy ban nhân dân"),
            departmentPool: UnitCatalog.committeeDepartments,
            weight: 10,
            guards: 3...4,
            scale: 1
        )
    }

    private mutating func bank(counters: inout KindCounters, random: inout DemoRandom) -> UnitIdentity {
        let variant = counters.bank % 6
        counters.bank += 1
        let commune = randomCommune(&random)
        var flags: Set<KeyTargetFlag> = [.bankTreasury]
        let name: String
        let label: String
        let suffix: String
        var head = "Giám đốc"
        switch variant {
        case 1, 4:
            name = uniqueName(&random) { _ in "Quỹ tín dụng nhân dân \(commune.inline)" }
            label = "qtdnd" + DemoFormat.slug(commune.shortName)
            suffix = "com.vn"
            if random.chance(20) { flags.insert(.holdsWeapons) }
        case 2:
            let office = counters.treasuryOffices
            counters.treasuryOffices += 1
            let treasury = "Kho bạc Nhà nước khu vực XV"
            name = uniqueName(&random) { _ in office == 0 ? treasury : "Phòng Giao dịch số \(office) – \(treasury)" }
            label = office == 0 ? "kbnnkv15" : "kbnnkv15pgd\(office)"
            suffix = "gov.vn"
            head = office == 0 ? "Giám đốc" : "Trưởng phòng Giao dịch"
            if random.chance(70) { flags.insert(.holdsWeapons) }
        case 5:
            name = uniqueName(&random) { _ in "Ngân hàng Chính sách xã hội – Phòng giao dịch \(commune.inline)" }
            label = "nhcsxh" + DemoFormat.slug(commune.shortName)
            suffix = "org.vn"
        default:
            let brand = random.pick(UnitCatalog.commercialBanks)
            name = uniqueName(&random) { _ in "Ngân hàng TMCP \(brand) – Chi nhánh \(commune.shortName)" }
            label = DemoFormat.slug(brand) + "bank-" + DemoFormat.slug(commune.shortName)
            suffix = "com.vn"
            if random.chance(50) { flags.insert(.holdsWeapons) }
        }
        let deputy = head == "Giám đốc" ? "Phó Giám đốc" : "Phó Trưởng phòng Giao dịch"
        return UnitIdentity(
            name: name,
            domain: uniqueDomain(label, suffix),
            commune: commune,
            flags: flags,
            titles: Leadership(head: head, deputy: deputy, group: "Ban Giám đốc"),
            departmentPool: UnitCatalog.bankDepartments,
            weight: variant == 1 || variant == 4 ? 4 : 8,
            guards: 3...5,
            scale: variant == 1 || variant == 4 ? 0 : 1
        )
    }
}
