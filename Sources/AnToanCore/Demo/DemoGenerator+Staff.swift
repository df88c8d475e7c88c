/// One job inside a unit before a person is put in it.
struct StaffSlot: Sendable {
    /// What the slot is for; heads and deputies are the unit's leaders.
    enum Role: Sendable {
        case head
        case deputy
        case guardian
        case departmentHead
        case regular
    }

    var unitIndex: Int
    var position: String
    var department: String?
    var role: Role
}

extension DemoGenerator.Builder {
    static let mobilePrefixes = [
        "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059", "070", "076", "077", "078",
        "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097",
        "098", "099",
    ]
    /// Birthplace codes of CCCD numbers; most staff were born in the province itself.
    static let birthplaceCodes = ["001", "031", "036", "038", "040", "042", "044", "046", "079", "092"]
    static let positionsWithoutEmail: Set<String> = [
        "Nhân viên bảo vệ", "Công nhân", "Nhân viên nấu ăn", "Nhân viên vệ sinh", "Nhân viên vệ sinh môi trường",
        "Lái xe",
    ]

    mutating func addStaff(total: Int) {
        let counts = Self.distribute(total, weights: plans.map(\.weight))
        for (number, plan) in plans.enumerated() {
            // A stream per unit keeps one unit's people stable when another unit changes.
            var random = DemoRandom(seed: seed, stream: 1_000 + UInt64(number))
            addStaff(plan, count: counts[number], random: &random)
        }
    }

    /// At least five per unit when the total allows, the rest in proportion to the weights, remainders in order.
    static func distribute(_ total: Int, weights: [Int]) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let base = min(5, total / weights.count)
        let rest = total - base * weights.count
        let sum = max(1, weights.reduce(0, +))
        var counts = weights.map { base + rest * $0 / sum }
        var missing = total - counts.reduce(0, +)
        var index = 0
        while missing > 0 {
            counts[index % counts.count] += 1
            missing -= 1
            index += 1
        }
        return counts
    }

    private mutating func addStaff(_ plan: UnitPlan, count: Int, random: inout DemoRandom) {
        guard count > 0 else { return }
        let year = today.year
        let slots = Self.slots(plan, count: count, units: units, random: &random)
        // Leaders are older and guards mostly men, as a visitor would expect of a real unit.
        var people = slots.map { slot in
            switch slot.role {
            case .head, .deputy: DemoPerson(random: &random, birthYears: (year - 58)...(year - 38), malePercent: 60)
            case .guardian: DemoPerson(random: &random, birthYears: (year - 50)...(year - 22), malePercent: 90)
            default: DemoPerson(random: &random, birthYears: (year - 58)...(year - 22), malePercent: 50)
            }
        }
        if plan.unitIndex == 0 { people[0] = .nguyenVanDuc(birthYear: year - 52) }
        let memberships = forces(plan, slots: slots, people: people, random: &random)
        units[plan.unitIndex].headName = people[0].fullName
        for (index, slot) in slots.enumerated() {
            let person = people[index]
            if slot.role == .departmentHead { units[slot.unitIndex].headName = person.fullName }
            let number = staff.count
            let phoneSerial = DemoFormat.scatter(
                number,
                multiplier: 3_779_407,
                offset: staffPhoneOffset,
                modulus: 10_000_000
            )
            let idSerial = DemoFormat.scatter(number, multiplier: 387_419, offset: identityOffset, modulus: 1_000_000)
            let birthplace = random.chance(80) ? UnitCatalog.identityProvinceCode : random.pick(Self.birthplaceCodes)
            // CCCD: century and sex in one digit (0/1 for men/women born 1900–1999, 2/3 from 2000).
            let centurySex = (person.birthYear >= 2000 ? 2 : 0) + (person.male ? 0 : 1)
            let hasEmail = !Self.positionsWithoutEmail.contains(slot.position)
            staff.append(
                DemoStaff(
                    code: "NV" + DemoFormat.pad(number + 1, 6),
                    fullName: person.fullName,
                    unitCode: units[slot.unitIndex].code,
                    position: slot.position,
                    department: slot.department,
                    phone: random.pick(Self.mobilePrefixes) + DemoFormat.pad(phoneSerial, 7),
                    email: hasEmail ? uniqueEmail(person.mailbox, plan.domain) : nil,
                    isLeader: slot.role == .head || slot.role == .deputy,
                    identityNumber: birthplace + "\(centurySex)" + DemoFormat.pad(person.birthYear % 100, 2)
                        + DemoFormat.pad(idSerial, 6),
                    memberships: memberships[index]
                )
            )
        }
    }

    /// Head, deputies and guards in the unit itself, then department heads, then everyone else round-robin.
    private static func slots(_ plan: UnitPlan, count: Int, units: [DemoUnit], random: inout DemoRandom) -> [StaffSlot]
    {
        let home = plan.unitIndex
        let titles = plan.titles
        var slots = [StaffSlot(unitIndex: home, position: titles.head, department: titles.group, role: .head)]
        let deputies = min(count >= 40 ? 3 : count >= 12 ? 2 : 1, count - 1)
        for _ in 0..<deputies {
            slots.append(StaffSlot(unitIndex: home, position: titles.deputy, department: titles.group, role: .deputy))
        }
        let guards = min(plan.guards, count - slots.count)
        for _ in 0..<guards {
            slots.append(
                StaffSlot(unitIndex: home, position: "Nhân viên bảo vệ", department: "Tổ Bảo vệ", role: .guardian)
            )
        }
        let departments = plan.departments
        let departmentPositions = departments.map { index in
            UnitCatalog.departmentStaffPositions[units[index].name]
                ?? UnitCatalog.departmentPositions(units[index].name)
        }
        var turn = 0
        while slots.count < count {
            if departments.isEmpty {
                let position = plan.positions.isEmpty ? "Nhân viên" : random.pick(plan.positions)
                // Teachers, doctors and the like spread over the working groups; support staff sit in the last.
                let working = plan.groups.dropLast()
                let group =
                    UnitCatalog.supportPositions.contains(position) || working.isEmpty
                    ? plan.groups.last : working[working.startIndex + turn % working.count]
                slots.append(StaffSlot(unitIndex: home, position: position, department: group, role: .regular))
            } else {
                let unitIndex = departments[turn % departments.count]
                let name = units[unitIndex].name
                if turn < departments.count {
                    let title = UnitCatalog.departmentHeadTitle(name)
                    slots.append(
                        StaffSlot(unitIndex: unitIndex, position: title, department: name, role: .departmentHead)
                    )
                } else {
                    let position = random.pick(departmentPositions[turn % departments.count])
                    slots.append(StaffSlot(unitIndex: unitIndex, position: position, department: name, role: .regular))
                }
            }
            turn += 1
        }
        return slots
    }
}
