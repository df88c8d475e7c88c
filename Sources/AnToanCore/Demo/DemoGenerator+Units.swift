/// The kind (and size or level) of a top-level unit before it gets a name.
struct UnitRecipe: Sendable {
    var kind: UnitKind
    var size: EnterpriseSize?
    var level: SchoolLevel?
    var foreign = false

    static func enterprise(_ size: EnterpriseSize, foreign: Bool = false) -> UnitRecipe {
        UnitRecipe(kind: .enterprise, size: size, foreign: foreign)
    }

    static func school(_ level: SchoolLevel) -> UnitRecipe { UnitRecipe(kind: .school, level: level) }

    static let agency = UnitRecipe(kind: .agency)
    static let bank = UnitRecipe(kind: .bank)
    static let other = UnitRecipe(kind: .other)
    static let committee = UnitRecipe(kind: .communeCommittee)

    /// Twenty slots that contain every kind, size and level, so even a small province shows them all.
    static let cycle: [UnitRecipe] = [
        .agency, .enterprise(.large, foreign: true), .school(.upperSecondary), .bank, .enterprise(.small),
        .school(.primary), .other, .agency, .enterprise(.medium), .school(.lowerSecondary), .enterprise(.micro),
        .school(.kindergarten), .bank, .agency, .enterprise(.medium, foreign: true), .school(.college), .other,
        .enterprise(.large), .school(.nursery), .school(.university),
    ]
}

/// Head and deputy titles of a unit and the label of its leadership group.
struct Leadership: Sendable {
    var head: String
    var deputy: String
    var group: String
}

/// Everything about a top-level unit that the staff and force generation needs later.
struct UnitPlan: Sendable {
    var unitIndex: Int
    var recipe: UnitRecipe
    var departments: [Int]
    var domain: String
    var weight: Int
    var guards: Int
    var titles: Leadership
    /// Positions of staff who work in the unit itself rather than in a department unit.
    var positions: [String]
    /// Sub-groups without a unit of their own (subject groups of a school, wards of a hospital).
    var groups: [String]

    var hasSelfDefence: Bool {
        switch recipe.kind {
        case .agency, .bank: true
        case .enterprise: recipe.size == .medium || recipe.size == .large
        default: false
        }
    }
}

/// Name, place and shape of a unit, as chosen by the naming rules.
struct UnitIdentity: Sendable {
    var name: String
    var domain: String
    var commune: DemoCommune
    var zone: String?
    var flags: Set<KeyTargetFlag> = []
    var titles: Leadership
    var positions: [String] = []
    var groups: [String] = []
    var departmentPool: [String] = []
    var weight: Int
    var guards: ClosedRange<Int>
    /// 0 for the smallest units up to 3 for large FDI factories and universities; drives sites and systems.
    var scale: Int
}

extension DemoGenerator.Builder {
    mutating func addUnits(count: Int) {
        var random = DemoRandom(seed: seed, stream: 2)
        // One committee per commune would swamp a small province, so they take every eighth slot at most.
        let committees = count == 0 ? 0 : min(communes.count, max(1, count / 8))
        let stride = committees > 0 ? max(1, count / committees) : Int.max
        var placed = 0
        var cycleIndex = 0
        var counters = KindCounters()
        for index in 0..<count {
            let recipe: UnitRecipe
            if placed < committees && index % stride == stride - 1 {
                recipe = .committee
                placed += 1
            } else {
                recipe = Self.common(UnitRecipe.cycle[cycleIndex % UnitRecipe.cycle.count], counters: counters)
                cycleIndex += 1
            }
            let identity = identity(for: recipe, committee: placed - 1, counters: &counters, random: &random)
            addUnit(number: index + 1, recipe: recipe, identity: identity, random: &random)
        }
    }

    /// A province has only a handful of colleges and universities; once their names are used, the slot
    /// goes to a primary school or kindergarten instead.
    private static func common(_ recipe: UnitRecipe, counters: KindCounters) -> UnitRecipe {
        switch recipe.level {
        case .college where counters.college >= UnitCatalog.colleges.count: .school(.primary)
        case .university where counters.university >= UnitCatalog.universities.count: .school(.kindergarten)
        default: recipe
        }
    }

    private mutating func addUnit(number: Int, recipe: UnitRecipe, identity: UnitIdentity, random: inout DemoRandom) {
        let code = "DV" + DemoFormat.pad(number, 4)
        let publicBody = recipe.kind == .agency || recipe.kind == .communeCommittee
        var unit = DemoUnit(
            code: code,
            name: identity.name,
            kind: recipe.kind,
            enterpriseSize: recipe.size,
            schoolLevel: recipe.level,
            areaCode: identity.commune.code,
            parentCode: nil,
            address: address(identity, random: &random),
            phone: unitPhone(),
            email: uniqueEmail(publicBody ? "vanthu" : "lienhe", identity.domain),
            headName: nil,
            flags: KeyTargetFlag.allCases.filter { identity.flags.contains($0) },
            sites: []
        )
        unit.sites = sites(unitCode: code, recipe: recipe, scale: identity.scale, random: &random)
        let unitIndex = units.count
        units.append(unit)
        var plan = UnitPlan(
            unitIndex: unitIndex,
            recipe: recipe,
            departments: [],
            domain: identity.domain,
            weight: identity.weight,
            guards: random.int(identity.guards),
            titles: identity.titles,
            positions: identity.positions,
            groups: identity.groups
        )
        for (offset, name) in departmentNames(identity, recipe: recipe, random: &random).enumerated() {
            plan.departments.append(units.count)
            var department = unit
            department.code = "\(code)-\(DemoFormat.pad(offset + 1, 2))"
            department.name = name
            department.enterpriseSize = nil
            department.schoolLevel = nil
            department.parentCode = code
            department.phone = unitPhone()
            department.email = uniqueEmail(
                UnitCatalog.departmentMailboxes[name] ?? DemoFormat.initials(name),
                identity.domain
            )
            department.flags = []
            department.sites = []
            units.append(department)
        }
        plans.append(plan)
    }

    /// Two to five departments, in the catalogue's order so that "Văn phòng" stays first.
    private func departmentNames(_ identity: UnitIdentity, recipe: UnitRecipe, random: inout DemoRandom) -> [String] {
        let pool = identity.departmentPool
        guard pool.count >= 2 else { return [] }
        let range: ClosedRange<Int> =
            switch recipe.size {
            case .micro: 2...2
            case .small: 2...3
            case .medium: 3...5
            case .large: 4...5
            case nil: 2...5
            }
        return random.sample(Array(pool.indices), random.int(range)).sorted().map { pool[$0] }
    }

    private func address(_ identity: UnitIdentity, random: inout DemoRandom) -> String {
        let tail = "\(identity.commune.inline), \(provinceTitle)"
        if let zone = identity.zone {
            let lot = ["A", "B", "C", "D", "E"][random.below(5)]
            return "Lô \(lot)\(random.int(1...24)), \(zone), \(tail)"
        }
        if identity.commune.kind == .commune {
            return "\(random.pick(UnitCatalog.hamlets)), \(tail)"
        }
        return "Số \(random.int(1...250)) đường \(random.pick(UnitCatalog.streets)), \(tail)"
    }

    /// Landlines of the province: area code 0299 then seven digits, unique because `scatter` is injective.
    private func unitPhone() -> String {
        let serial = DemoFormat.scatter(units.count, multiplier: 654_321, offset: unitPhoneOffset, modulus: 1_000_000)
        return "02993" + DemoFormat.pad(serial, 6)
    }

    /// The commune of an ordinary unit; the special zone is an island, so it gets fewer units.
    func randomCommune(_ random: inout DemoRandom) -> DemoCommune {
        guard !communes.isEmpty else { return provinceAsArea }
        var commune = random.pick(communes)
        if commune.kind == .specialZone && random.chance(70) { commune = random.pick(communes) }
        return commune
    }

    /// Industrial zone `zone` lies in every third commune from the second on.
    func zoneCommune(_ zone: Int) -> DemoCommune {
        guard !communes.isEmpty else { return provinceAsArea }
        var commune = communes[(1 + 3 * zone) % communes.count]
        if commune.kind == .specialZone { commune = communes[0] }
        return commune
    }

    /// Provincial agencies sit mostly in the ward of the provincial seat.
    func seatCommune(_ random: inout DemoRandom) -> DemoCommune {
        let wards = communes.filter { $0.kind == .ward }
        guard let seat = wards.first else { return communes.first ?? provinceAsArea }
        return random.chance(60) ? seat : random.pick(wards)
    }

    /// Stands in for a commune when the caller asked for none.
    private var provinceAsArea: DemoCommune {
        DemoCommune(code: UnitCatalog.provinceCode, shortName: UnitCatalog.provinceName, kind: .province)
    }
}

/// How many units of each variety have been named so far; picks the next name variant.
struct KindCounters: Sendable {
    var agency = 0
    var bank = 0
    var other = 0
    var foreign = 0
    var upperSecondary = 0
    var college = 0
    var university = 0
    var treasuryOffices = 0
}
