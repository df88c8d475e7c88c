import AnToanCore
import Foundation
import Testing

/// The default demo province, built once for all demo tests.
enum DemoFixtures {
    static let today = SolarDate(year: 2026, month: 3, day: 15)!
    static let province = DemoGenerator.province(today: today)

    static var topLevel: [DemoUnit] { province.units.filter { $0.parentCode == nil } }

    /// Maps every unit code, departments included, to the code of its top-level unit.
    static func topLevelCode(_ province: DemoProvince) -> [String: String] {
        Dictionary(uniqueKeysWithValues: province.units.map { ($0.code, $0.parentCode ?? $0.code) })
    }
}

@Suite("Demo province structure")
struct DemoGeneratorTests {
    @Test("same arguments give byte-identical JSON, another seed gives another province")
    func determinism() throws {
        // given
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // when
        let first = DemoGenerator.province(seed: 7, communes: 15, units: 60, staff: 900, today: DemoFixtures.today)
        let second = DemoGenerator.province(seed: 7, communes: 15, units: 60, staff: 900, today: DemoFixtures.today)
        // then
        #expect(first == second)
        #expect(try encoder.encode(first) == encoder.encode(second))
        #expect(
            try encoder.encode(DemoFixtures.province)
                == encoder.encode(DemoGenerator.province(today: DemoFixtures.today))
        )
        let other = DemoGenerator.province(seed: 8, communes: 15, units: 60, staff: 900, today: DemoFixtures.today)
        #expect(other.staff.map(\.fullName) != first.staff.map(\.fullName))
        let decoded = try JSONDecoder().decode(DemoProvince.self, from: encoder.encode(first))
        #expect(decoded == first)
    }

    @Test(
        "areas, bodies, units and staff come in the requested numbers",
        arguments: [(12, 40, 600), (5, 9, 45), (31, 120, 2_000)]
    )
    func counts(communes: Int, units: Int, staff: Int) {
        let province = DemoGenerator.province(communes: communes, units: units, staff: staff, today: DemoFixtures.today)
        #expect(province.areas.count == 1 + communes)
        #expect(province.areas.filter { $0.kind == .province }.count == 1)
        #expect(province.areas.contains { $0.kind == .specialZone } == (communes >= 10))
        #expect(province.bodies.count == 3 + 2 * communes)
        #expect(province.units.filter { $0.parentCode == nil }.count == units)
        #expect(province.staff.count == staff)
        let owner = DemoFixtures.topLevelCode(province)
        let perUnit = Dictionary(grouping: province.staff) { owner[$0.unitCode] ?? "" }
        for unit in province.units where unit.parentCode == nil {
            #expect((perUnit[unit.code]?.count ?? 0) >= 5, "\(unit.name)")
        }
    }

    @Test("tiny and empty provinces stay consistent", arguments: [(0, 3, 10), (3, 0, 0), (1, 1, 1), (2, 10, 20)])
    func tiny(communes: Int, units: Int, staff: Int) {
        let province = DemoGenerator.province(communes: communes, units: units, staff: staff, today: DemoFixtures.today)
        #expect(province.areas.count == 1 + communes)
        #expect(province.units.filter { $0.parentCode == nil }.count == units)
        #expect(province.staff.count == (units == 0 ? 0 : staff))
        let areaCodes = Set(province.areas.map(\.code))
        #expect(province.units.allSatisfy { areaCodes.contains($0.areaCode) })
        #expect(province.units.filter { $0.parentCode == nil && (staff > 0) }.allSatisfy { $0.headName != nil })
    }

    @Test("the default province shows every unit kind, enterprise size and several school levels")
    func variety() {
        let top = DemoFixtures.topLevel
        #expect(Set(top.map(\.kind)) == Set(UnitKind.allCases))
        #expect(Set(top.compactMap(\.enterpriseSize)) == Set(EnterpriseSize.allCases))
        #expect(Set(top.compactMap(\.schoolLevel)).count >= 5)
        #expect(Set(top.flatMap(\.flags)) == Set(KeyTargetFlag.allCases))
        let inStandard = top.filter {
            AnToanStandard.applies(kind: $0.kind, size: $0.enterpriseSize, level: $0.schoolLevel)
        }
        #expect(!inStandard.isEmpty && inStandard.count < top.count)
        #expect(Set(DemoFixtures.province.bodies.map(\.kind)) == [.police, .militaryCommand, .peoplesCommittee])
        let names = top.map(\.name)
        #expect(names.contains { $0.hasPrefix("Công ty TNHH Điện tử") })
        #expect(names.contains { $0.hasPrefix("Ủy ban nhân dân xã") || $0.hasPrefix("Ủy ban nhân dân phường") })
        #expect(names.contains { $0.hasPrefix("Quỹ tín dụng nhân dân") })
        #expect(names.contains("Sở Tư pháp"))
        #expect(DemoFixtures.province.bodies.contains { $0.name == "Công an tỉnh Sơn Hà" })
        for unit in top where unit.flags.contains(.foreignInvestment) {
            #expect(unit.kind == .enterprise)
        }
        for unit in top where unit.kind == .bank {
            #expect(unit.flags.contains(.bankTreasury))
        }
        let departments = DemoFixtures.province.units.filter { $0.parentCode != nil }
        let parents = Dictionary(grouping: departments) { $0.parentCode ?? "" }
        for unit in top where [.agency, .enterprise, .bank, .communeCommittee].contains(unit.kind) {
            #expect((2...5).contains(parents[unit.code]?.count ?? 0), "\(unit.name)")
        }
    }

    @Test("codes are unique and every reference points at an existing record")
    func references() {
        let province = DemoFixtures.province
        let areaCodes = Set(province.areas.map(\.code))
        let unitCodes = Set(province.units.map(\.code))
        let topCodes = Set(DemoFixtures.topLevel.map(\.code))
        #expect(areaCodes.count == province.areas.count)
        #expect(Set(province.bodies.map(\.code)).count == province.bodies.count)
        #expect(unitCodes.count == province.units.count)
        #expect(Set(province.staff.map(\.code)).count == province.staff.count)
        let sites = province.units.flatMap(\.sites).map(\.code)
        #expect(Set(sites).count == sites.count)
        for area in province.areas {
            #expect(area.parentCode.map(areaCodes.contains) ?? (area.kind == .province))
        }
        #expect(province.bodies.allSatisfy { areaCodes.contains($0.areaCode) })
        #expect(province.units.allSatisfy { areaCodes.contains($0.areaCode) })
        #expect(province.units.allSatisfy { $0.parentCode.map(topCodes.contains) ?? true })
        #expect(province.staff.allSatisfy { unitCodes.contains($0.unitCode) })
        let unitPhones = province.units.map(\.phone)
        #expect(Set(unitPhones).count == unitPhones.count)
        #expect(unitPhones.allSatisfy { $0.wholeMatch(of: /02\d{9}/) != nil })
    }

    @Test("every top-level unit has its sites, and their systems were checked within the last year")
    func sites() {
        let earliest = DemoFixtures.today.adding(days: -365)
        for unit in DemoFixtures.topLevel {
            let kinds = unit.sites.map(\.kind)
            #expect(kinds.filter { $0 == .headquarters }.count == 1, "\(unit.name)")
            #expect((1...3).contains(kinds.filter { $0 == .gate }.count), "\(unit.name)")
            #expect((1...2).contains(kinds.filter { $0 == .guardPost }.count), "\(unit.name)")
            #expect((2...6).contains(kinds.filter { $0 == .checkpoint }.count), "\(unit.name)")
        }
        let systems = DemoFixtures.province.units.flatMap(\.sites).flatMap(\.systems)
        #expect(systems.allSatisfy { $0.count > 0 && $0.lastCheck > earliest && $0.lastCheck <= DemoFixtures.today })
        #expect(systems.contains { $0.status == .faulty })
        #expect(systems.filter { $0.status == .working }.count * 4 > systems.count * 3)
        #expect(DemoFixtures.topLevel.flatMap(\.sites).contains { $0.kind == .building })
    }

    @Test("the benchmark province (3,000 units, 60,000 staff, 30 areas) is generated quickly")
    func benchmarkSize() {
        // given
        let clock = ContinuousClock()
        var province: DemoProvince?
        // when
        let elapsed = clock.measure {
            province = DemoGenerator.province(communes: 30, units: 3_000, staff: 60_000, today: DemoFixtures.today)
        }
        // then
        print("DemoGenerator 30 areas / 3,000 units / 60,000 staff: \(elapsed)")
        // The target is 2 s in a debug build; the bound is loose because CI machines are shared.
        #expect(elapsed < .seconds(20))
        #expect(province?.staff.count == 60_000)
        #expect(province?.units.filter { $0.parentCode == nil }.count == 3_000)
        #expect(province?.areas.count == 31)
        let phones = province?.staff.map(\.phone) ?? []
        #expect(Set(phones).count == phones.count)
        let identities = province?.staff.map(\.identityNumber) ?? []
        #expect(Set(identities).count == identities.count)
    }
}

@Suite("Demo province staff and forces")
struct DemoStaffTests {
    static let staff = DemoFixtures.province.staff
    static let today = DemoFixtures.today

    /// Expiry of a guard certificate or end of a term: the same day some years later (29/2 → 28/2).
    static func adding(years: Int, to date: SolarDate) -> SolarDate {
        SolarDate(year: date.year + years, month: date.month, day: date.day)
            ?? SolarDate(year: date.year + years, month: date.month, day: 28)!
    }

    @Test("names are Vietnamese with diacritics, Nguyễn is the commonest family name, Nguyễn Văn Đức exists")
    func names() {
        let names = Self.staff.map(\.fullName)
        #expect(names.contains("Nguyễn Văn Đức"))
        #expect(names.allSatisfy { $0.split(separator: " ").count == 3 })
        #expect(names.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.count * 10 > names.count * 9)
        let nguyen = names.filter { $0.hasPrefix("Nguyễn ") }.count
        #expect((25...50).contains(nguyen * 100 / names.count))
        let families = Set(names.compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(families.isSuperset(of: ["Trần", "Lê", "Phạm"]))
        #expect(DemoFixtures.province.units.allSatisfy { !$0.name.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test("phones are unique Vietnamese mobile numbers, e-mails ASCII, identity numbers 12 unique digits")
    func contacts() {
        let phones = Self.staff.map(\.phone)
        #expect(phones.allSatisfy { $0.wholeMatch(of: /0(3|5|7|8|9)\d{8}/) != nil })
        #expect(Set(phones).count == phones.count)
        let emails = Self.staff.compactMap(\.email)
        #expect(emails.count * 2 > Self.staff.count)
        #expect(emails.allSatisfy { $0.wholeMatch(of: /[a-z0-9]+@[a-z0-9.\-]+\.vn/) != nil })
        #expect(Set(emails).count == emails.count)
        #expect(emails.contains { $0.hasPrefix("ducnv@") })
        // The app's own input rules must accept everything the demo writes.
        #expect(phones.allSatisfy { ContactFormat.phone($0) == $0 })
        #expect(emails.allSatisfy { ContactFormat.email($0) == $0 })
        #expect(DemoFixtures.province.units.allSatisfy { ContactFormat.phone($0.phone) == $0.phone })
        let identities = Self.staff.map(\.identityNumber)
        #expect(identities.allSatisfy { $0.wholeMatch(of: /\d{3}[0-3]\d{8}/) != nil })
        #expect(Set(identities).count == identities.count)
    }

    @Test("each top-level unit has at least two leaders, one of them the head named on the unit")
    func leaders() {
        let byUnit = Dictionary(grouping: Self.staff, by: \.unitCode)
        for unit in DemoFixtures.topLevel {
            let leaders = (byUnit[unit.code] ?? []).filter(\.isLeader)
            #expect(leaders.count >= 2, "\(unit.name)")
            #expect(leaders.contains { $0.fullName == unit.headName }, "\(unit.name)")
        }
        #expect(Self.staff.contains { $0.position == "Hiệu trưởng" })
        #expect(Self.staff.contains { $0.position == "Chủ tịch" })
        #expect(Self.staff.contains { $0.position == "Giáo viên" })
    }

    @Test("every unit has 3–8 certified guards; some certificates lapsed, several expire within 90 days")
    func guards() {
        let owner = DemoFixtures.topLevelCode(DemoFixtures.province)
        let guards = Self.staff.filter { $0.memberships.contains { $0.force == .protection } }
        let perUnit = Dictionary(grouping: guards) { owner[$0.unitCode] ?? "" }
        for unit in DemoFixtures.topLevel {
            #expect((3...8).contains(perUnit[unit.code]?.count ?? 0), "\(unit.name)")
        }
        #expect(guards.allSatisfy { $0.position == "Nhân viên bảo vệ" })
        let certificates = guards.flatMap(\.memberships).filter { $0.force == .protection }
        #expect(certificates.allSatisfy { $0.certificateNumber?.wholeMatch(of: /GCN-99-\d{4}-\d{5}/) != nil })
        let expiries = certificates.compactMap(\.certificateIssued).map { Self.adding(years: 5, to: $0) }
        #expect(expiries.count == certificates.count)
        let soon = expiries.filter { $0 >= Self.today && $0 <= Self.today.adding(days: 90) }
        #expect(soon.count >= 3)
        #expect(expiries.contains { $0 < Self.today })
    }

    @Test("self-defence terms last four years, some end within 90 days, only in agencies, banks, enterprises")
    func selfDefence() {
        let kinds = Dictionary(uniqueKeysWithValues: DemoFixtures.province.units.map { ($0.code, $0.kind) })
        let members = Self.staff.filter { $0.memberships.contains { $0.force == .selfDefence } }
        #expect(!members.isEmpty)
        #expect(members.allSatisfy { [.agency, .bank, .enterprise].contains(kinds[$0.unitCode]) })
        let terms = members.flatMap(\.memberships).filter { $0.force == .selfDefence }
        #expect(terms.allSatisfy { $0.end == Self.adding(years: 4, to: $0.start) })
        #expect(
            terms.contains {
                ($0.end ?? Self.today) > Self.today && ($0.end ?? Self.today) <= Self.today.adding(days: 90)
            }
        )
    }

    @Test("ANTT teams have exactly seven members: one leader, one deputy, five members, in about half the units")
    func anttTeams() {
        let owner = DemoFixtures.topLevelCode(DemoFixtures.province)
        var teams: [String: [DemoMembership]] = [:]
        for person in Self.staff {
            for membership in person.memberships where membership.force == .anttTeam {
                teams[owner[person.unitCode] ?? "", default: []].append(membership)
            }
        }
        #expect(teams.count * 5 >= DemoFixtures.topLevel.count)
        #expect(teams.count < DemoFixtures.topLevel.count)
        for (unit, team) in teams {
            #expect(team.count == 7, "\(unit)")
            #expect(team.filter { $0.role == .leader }.count == 1, "\(unit)")
            #expect(team.filter { $0.role == .deputy }.count == 1, "\(unit)")
            #expect(Set(team.map(\.start)).count == 1, "\(unit)")
        }
    }
}
